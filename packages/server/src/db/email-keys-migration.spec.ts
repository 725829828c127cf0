/**
 * Migration 1765360000000 on data from before it: pending invitations duplicated under the
 * new key are merged (the oldest stays open), duplicated users are reported and stop the
 * migration with nothing changed.
 */
import { insertAccount } from "../test-support/fixtures";
import { runMigrationStep } from "../test-support/migration-step";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { EmailKeys1765360000000 } from "./migrations/1765360000000-email-keys";

let db: TestDatabase;
const migration = new EmailKeys1765360000000();

beforeAll(async () => {
  db = await createTestDatabase();
  // Back to the schema before the migration: the old lower(email) indexes.
  const runner = db.dataSource.createQueryRunner();
  await migration.down(runner);
  await runner.release();
});

afterAll(async () => {
  await db?.drop();
});

const migrateUp = () => runMigrationStep(db.dataSource, migration, "up");

async function insertPendingInvitation(accountId: string, email: string, createdAt: string) {
  const [row] = await db.dataSource.query(
    `INSERT INTO invitations (account_id, kind, email, role, token_hash, delivery, expires_at, created_at)
     VALUES ($1, 'USER', $2, 'EDITOR', decode(md5(random()::text), 'hex'), 'NOT_SENT', now() + interval '7 days', $3) RETURNING id`,
    [accountId, email, createdAt],
  );
  return row.id as string;
}

it("reports users duplicated under the new key and changes nothing", async () => {
  const [first] = await db.dataSource.query(
    "INSERT INTO users (email, name) VALUES ('änne.dup@example.test', 'Änne') RETURNING id",
  );
  const [second] = await db.dataSource.query(
    "INSERT INTO users (email, name) VALUES ('a\u0308nne.dup@example.test', 'Änne 2') RETURNING id",
  );

  const failure = await migrateUp().then(
    () => null,
    (error: Error) => error.message,
  );
  expect(failure).toContain("Duplicate email addresses");
  expect(failure).toContain(first.id);
  expect(failure).toContain(second.id);
  const [fn] = await db.dataSource.query(
    "SELECT count(*)::int AS n FROM pg_proc WHERE proname = 'email_key'",
  );
  expect(fn.n).toBe(0);

  await db.dataSource.query("DELETE FROM users WHERE id = $1", [second.id]);
});

it("merges pending invitations duplicated under the new key and stores NFC addresses", async () => {
  const accountId = await insertAccount(db.dataSource);
  // Variants that lower() keeps apart in any collation: NFC/NFD, and ß/SS.
  const oldest = await insertPendingInvitation(accountId, "ölaf@example.test", "2026-01-01");
  const decomposed = await insertPendingInvitation(
    accountId,
    "o\u0308laf@example.test",
    "2026-02-01",
  );
  const sharp = await insertPendingInvitation(accountId, "straße@example.test", "2026-01-01");
  const upper = await insertPendingInvitation(accountId, "STRASSE@example.test", "2026-03-01");
  const other = await insertPendingInvitation(accountId, "someone@example.test", "2026-03-01");

  await migrateUp();

  const rows: { id: string; email: string; status: string }[] = await db.dataSource.query(
    "SELECT id, email, status FROM invitations WHERE account_id = $1",
    [accountId],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  expect(byId.get(oldest)?.status).toBe("PENDING");
  expect(byId.get(decomposed)).toMatchObject({ status: "REVOKED", email: "ölaf@example.test" });
  expect(byId.get(sharp)?.status).toBe("PENDING");
  expect(byId.get(upper)?.status).toBe("REVOKED");
  expect(byId.get(other)?.status).toBe("PENDING");
  await expect(
    insertPendingInvitation(accountId, "Strasse@example.test", "2026-04-01"),
  ).rejects.toMatchObject({ code: "23505", constraint: "invitations_open_user_email" });
});
