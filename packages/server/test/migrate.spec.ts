/**
 * `pnpm migrate` as its own deploy step: the BUILT `dist/migrate.js` migrates a fresh
 * database on the test PostgreSQL and exits 0; a second run finds nothing to do.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { Client } from "pg";
import { MIGRATIONS } from "../src/db/migrations";
import { createDatabaseIfMissing, dropDatabase, withDatabase } from "../src/db/database-admin";

const MIGRATE_MAIN = path.resolve(__dirname, "../dist/migrate.js");
const run = promisify(execFile);

function migrate(env: Record<string, string>) {
  return run(process.execPath, [MIGRATE_MAIN], {
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "warn", ...env },
    timeout: 60_000,
  });
}

describe("pnpm migrate", () => {
  const databaseUrl = withDatabase(
    process.env.PN_TEST_PG_URL!,
    `pn_migrate_${randomBytes(6).toString("hex")}`,
  );

  beforeAll(() => createDatabaseIfMissing(databaseUrl));
  afterAll(() => dropDatabase(databaseUrl));

  it("applies every migration to DATABASE_URL, exits 0, and finds nothing to do the second time", async () => {
    const first = await migrate({ DATABASE_URL: databaseUrl });
    expect(first.stdout).toMatch(new RegExp(`applied ${MIGRATIONS.length} migration`));
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ count: number }>(
        "SELECT count(*)::int AS count FROM migrations",
      );
      expect(rows[0]!.count).toBe(MIGRATIONS.length);
    } finally {
      await client.end();
    }
    const second = await migrate({ DATABASE_URL: databaseUrl });
    expect(second.stdout).toMatch(/up to date/);
  });

  it("exits 1 naming DATABASE_URL when it is not set", async () => {
    await expect(migrate({})).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/DATABASE_URL: is required/),
    });
  });
});
