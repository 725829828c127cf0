/**
 * Structure guards. The invitations module is the only writer of the `invitations`
 * table: every other module changes invitations through modules/invitations. And it
 * never imports the clients or partners modules: they plug their invitation kinds and
 * GraphQL fields in from above (app/invitation-kinds.ts, app/schema.ts).
 *
 * SQL is typed: outside db/ it goes through queryRows<Row> and execute (db/sql.ts), never
 * a bare `.query(` whose rows would be `any`; inside db/, where a pg Client or QueryRunner
 * must be used directly, a result that is read has a declared type.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const SOURCE_ROOT = __dirname;
const INVITATIONS_MODULE = join("modules", "invitations") + sep;
const INVITATION_WRITE = /\b(insert\s+into|update|delete\s+from)\s+invitations\b/i;

const DB_LAYER = "db" + sep;
/** A `.query(` call, typed or not: outside db/ SQL goes through db/sql.ts instead. */
const QUERY_CALL = /\.\s*query\s*(<[^>]*>\s*)?\(/;
/** A connection's result kept without a type argument (`x = await client.query(`), which would be `any` rows. */
const UNTYPED_RESULT = /=\s*\(?\s*await\s+[\w.]+\.query\s*\(/;

/** queryRows without a type argument: its rows would be `unknown`, a shape nobody declared. */
const UNTYPED_QUERY_ROWS = /\bqueryRows\s*\(/;

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

  it("sends SQL outside db/ only through queryRows and execute (db/sql.ts), so every row has a declared type", () => {
    const offenders = sourceFiles(SOURCE_ROOT)
      .map((path) => relative(SOURCE_ROOT, path))
      .filter((path) => !path.startsWith(DB_LAYER))
      .filter((path) => QUERY_CALL.test(readFileSync(join(SOURCE_ROOT, path), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("names the row type of every queryRows call (execute is for statements whose rows nobody reads)", () => {
    const offenders = sourceFiles(SOURCE_ROOT)
      .map((path) => relative(SOURCE_ROOT, path))
      .filter((path) => UNTYPED_QUERY_ROWS.test(readFileSync(join(SOURCE_ROOT, path), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("gives a declared row type to every result read from a connection in db/", () => {
    const offenders = sourceFiles(join(SOURCE_ROOT, DB_LAYER))
      .map((path) => relative(SOURCE_ROOT, path))
      .filter((path) => !path.startsWith(join("db", "migrations") + sep))
      // The helper itself: it declares the runner's result as TypeORM's QueryResult and hands out Row[].
      .filter((path) => path !== join("db", "sql.ts"))
      .filter((path) => UNTYPED_RESULT.test(readFileSync(join(SOURCE_ROOT, path), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("declares no TypeORM entity: TypeORM is the DataSource, migrations and transactions; rows are typed per query", () => {
    const offenders = sourceFiles(SOURCE_ROOT)
      .map((path) => relative(SOURCE_ROOT, path))
      .filter((path) => /@Entity\s*\(/.test(readFileSync(join(SOURCE_ROOT, path), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("recognises a query call and an untyped result however they are written", () => {
    expect(QUERY_CALL.test("await db.query(`SELECT 1`)")).toBe(true);
    expect(QUERY_CALL.test("await manager.query <Row> (sql)")).toBe(true);
    expect(QUERY_CALL.test("(await dataSource\n  .query(sql, params)) as Row[]")).toBe(true);
    expect(QUERY_CALL.test("await queryRows<Row>(db, sql)")).toBe(false);
    expect(QUERY_CALL.test("const query = parse(text)")).toBe(false);
    expect(UNTYPED_RESULT.test("const found = await client.query(sql, [name]);")).toBe(true);
    expect(UNTYPED_RESULT.test("const [row] = (await client.query(sql)).rows;")).toBe(true);
    expect(UNTYPED_RESULT.test("const found = await client.query<{ found: number }>(sql);")).toBe(
      false,
    );
    expect(UNTYPED_RESULT.test("await client.query(`CREATE DATABASE x`);")).toBe(false);
    expect(UNTYPED_QUERY_ROWS.test("rows: await queryRows(db, text, values)")).toBe(true);
    expect(UNTYPED_QUERY_ROWS.test("await queryRows<{ id: string }>(db, sql)")).toBe(false);
  });

  it("recognises a write however it is spaced or cased", () => {
    expect(INVITATION_WRITE.test("UPDATE   invitations SET")).toBe(true);
    expect(INVITATION_WRITE.test("insert\n  into invitations (")).toBe(true);
    expect(INVITATION_WRITE.test("Delete From invitations")).toBe(true);
    expect(INVITATION_WRITE.test("SELECT * FROM invitations")).toBe(false);
  });
});
