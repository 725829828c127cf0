/**
 * Migration 1765430000000 on data from before it: every partner's tally gets its active
 * and archived people counted from the members there are, and the triggers keep all
 * three counts from then on.
 */
import { insertAccount, insertUser } from "../test-support/fixtures";
import { runMigrationStep } from "../test-support/migration-step";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { PartnerMemberTalliesByStatus1765430000000 } from "./migrations/1765430000000-partner-member-tallies-by-status";

let db: TestDatabase;
const migration = new PartnerMemberTalliesByStatus1765430000000();

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

const inMigration = (direction: "up" | "down") =>
  runMigrationStep(db.dataSource, migration, direction);

it("counts the active and archived people partners already have, then keeps counting", async () => {
  await inMigration("down");
  const accountId = await insertAccount(db.dataSource);
  const [{ id: partnerId }] = await db.dataSource.query(
    "INSERT INTO partners (account_id, company_name, status, guest) VALUES ($1, 'Old', 'ACTIVE', true) RETURNING id",
    [accountId],
  );
  const statuses = ["PENDING", "ACTIVE", "ACTIVE", "ARCHIVED"];
  const userIds = [];
  for (const _status of statuses) userIds.push(await insertUser(db.dataSource));
  await db.dataSource.query(
    `INSERT INTO members (account_id, user_id, type, role, status, partner_id, accepted_at)
     SELECT $1, u, 'EXTERNAL', 'COLLABORATOR_EXTERNAL', s, $2, now() FROM unnest($3::uuid[], $4::text[]) AS x(u, s)`,
    [accountId, partnerId, userIds, statuses],
  );

  await inMigration("up");
  const tally = async () =>
    (
      await db.dataSource.query(
        "SELECT pending, active, archived FROM partner_member_tallies WHERE partner_id = $1",
        [partnerId],
      )
    )[0];
  expect(await tally()).toEqual({ pending: 1, active: 2, archived: 1 });
  await db.dataSource.query(
    "UPDATE members SET status = 'ARCHIVED' WHERE partner_id = $1 AND status = 'ACTIVE'",
    [partnerId],
  );
  expect(await tally()).toEqual({ pending: 1, active: 0, archived: 3 });
});
