/**
 * Structure guards. The invitations module is the only writer of the `invitations`
 * table: every other module changes invitations through modules/invitations. And it
 * never imports the clients or partners modules: they plug their invitation kinds and
 * GraphQL fields in from above (app/invitation-kinds.ts, app/schema.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const SOURCE_ROOT = __dirname;
const INVITATIONS_MODULE = join("modules", "invitations") + sep;
const INVITATION_WRITE = /\b(insert\s+into|update|delete\s+from)\s+invitations\b/i;

/** `from "…"`, `import "…"`, `import("…")` and `require("…")`: every way a file names another. */
const MODULE_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g;

function typeScriptFiles(dir: string, { specs }: { specs: boolean }): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path, { specs });
    if (!entry.name.endsWith(".ts")) return [];
    return specs || !entry.name.endsWith(".spec.ts") ? [path] : [];
  });
}

function sourceFiles(dir: string): string[] {
  return typeScriptFiles(dir, { specs: false });
}

/** The source-relative paths (e.g. modules/clients/clients.service) a file imports by relative path. */
function relativeImports(file: string, text: string): string[] {
  return [...text.matchAll(MODULE_SPECIFIER)]
    .map((match) => match[1]!)
    .filter((specifier) => specifier.startsWith("."))
    .map((specifier) => relative(SOURCE_ROOT, resolve(dirname(file), specifier)));
}

describe("module ownership", () => {
  it("writes the invitations table only from modules/invitations", () => {
    const offenders = sourceFiles(SOURCE_ROOT)
      .map((path) => relative(SOURCE_ROOT, path))
      .filter((path) => !path.startsWith(INVITATIONS_MODULE))
      .filter((path) => !path.startsWith(join("db", "migrations") + sep))
      .filter((path) => INVITATION_WRITE.test(readFileSync(join(SOURCE_ROOT, path), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("keeps modules/invitations free of imports from modules/clients and modules/partners", () => {
    const forbidden = [join("modules", "clients"), join("modules", "partners")];
    const offenders = typeScriptFiles(join(SOURCE_ROOT, INVITATIONS_MODULE), { specs: true })
      .flatMap((file) =>
        relativeImports(file, readFileSync(file, "utf8")).map(
          (target) => `${relative(SOURCE_ROOT, file)} -> ${target}`,
        ),
      )
      .filter((edge) => {
        const target = edge.split(" -> ")[1]!;
        return forbidden.some((module) => target === module || target.startsWith(module + sep));
      });
    expect(offenders).toEqual([]);
  });

  it("reads every way one file names another", () => {
    const file = join(SOURCE_ROOT, INVITATIONS_MODULE, "example.ts");
    const text = [
      'import { clientsService } from "../clients/clients.service";',
      'import type { Partner } from "../partners/partner.type";',
      'import "../partners/partner-email";',
      'const later = await import("../clients/client.type");',
      'export { x } from "./invitation.type";',
      'import { clock } from "../../clock";',
    ].join("\n");
    expect(relativeImports(file, text)).toEqual([
      join("modules", "clients", "clients.service"),
      join("modules", "partners", "partner.type"),
      join("modules", "partners", "partner-email"),
      join("modules", "clients", "client.type"),
      join("modules", "invitations", "invitation.type"),
      "clock",
    ]);
  });

  it("recognises a write however it is spaced or cased", () => {
    expect(INVITATION_WRITE.test("UPDATE   invitations SET")).toBe(true);
    expect(INVITATION_WRITE.test("insert\n  into invitations (")).toBe(true);
    expect(INVITATION_WRITE.test("Delete From invitations")).toBe(true);
    expect(INVITATION_WRITE.test("SELECT * FROM invitations")).toBe(false);
  });
});
