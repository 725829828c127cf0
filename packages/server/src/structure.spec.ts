/**
 * Structure guards. The invitations module is the only writer of the `invitations`
 * table: every other module changes invitations through modules/invitations.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const SOURCE_ROOT = __dirname;
const INVITATIONS_MODULE = join("modules", "invitations") + sep;
const INVITATION_WRITE = /\b(insert\s+into|update|delete\s+from)\s+invitations\b/i;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".spec.ts") ? [path] : [];
  });
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

  it("recognises a write however it is spaced or cased", () => {
    expect(INVITATION_WRITE.test("UPDATE   invitations SET")).toBe(true);
    expect(INVITATION_WRITE.test("insert\n  into invitations (")).toBe(true);
    expect(INVITATION_WRITE.test("Delete From invitations")).toBe(true);
    expect(INVITATION_WRITE.test("SELECT * FROM invitations")).toBe(false);
  });
});
