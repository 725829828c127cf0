/**
 * The derived columns the sorted lists read from their indexes (migration 1765400000000)
 * stay what they derive from, whoever writes: `members.list_name`/`list_email` are the
 * name and email the account sees (MEMBER_NAME_SQL / MEMBER_EMAIL_SQL), and
 * `partner_member_tallies.pending` is the partner's count of PENDING people.
 */
import "reflect-metadata";
import { Role } from "@pn/shared";
import type { DataSource } from "typeorm";
import { MEMBER_EMAIL_SQL, MEMBER_NAME_SQL } from "../modules/members/member.type";
import { insertAccount, insertMember, insertUser, insertViewer } from "../test-support/fixtures";
import {
  createAppRoleDataSource,
  createTestDatabase,
  type TestDatabase,
} from "../test-support/test-database";
import { TenantTransaction } from "./tenant-transaction";

let db: TestDatabase;
let appRole: DataSource;

beforeAll(async () => {
  db = await createTestDatabase();
  appRole = await createAppRoleDataSource(db.url, { poolSize: 1 });
});

afterAll(async () => {
  await appRole?.destroy();
  await db?.drop();
});

const sql = (text: string, params: unknown[] = []) => db.dataSource.query(text, params);

/** Members whose stored list name or email differs from what the account is shown. */
async function drifted(): Promise<unknown[]> {
  return sql(
    `SELECT m.id, m.list_name, m.list_email, ${MEMBER_NAME_SQL} AS shown_name, ${MEMBER_EMAIL_SQL} AS shown_email
     FROM members m JOIN users u ON u.id = m.user_id
     WHERE m.list_name IS DISTINCT FROM coalesce(${MEMBER_NAME_SQL}, '')
        OR m.list_email IS DISTINCT FROM coalesce(${MEMBER_EMAIL_SQL}, '')`,
  );
}

async function listIdentity(memberId: string): Promise<{ list_name: string; list_email: string }> {
  const [row] = await sql("SELECT list_name, list_email FROM members WHERE id = $1", [memberId]);
  return row;
}

describe("members.list_name and list_email", () => {
  it("follow what the account sees through adding, accepting, renaming and claiming a password", async () => {
    const accountId = await insertAccount(db.dataSource);
    const userId = await insertUser(db.dataSource, {
      name: "Real Name",
      email: "real@example.test",
    });
    // Added by the account, not accepted: the typed identity.
    const [{ id: memberId }] = await sql(
      `INSERT INTO members (account_id, user_id, type, role, status, display_name, display_email)
       VALUES ($1, $2, 'INTERNAL', 'VIEWER', 'PENDING', 'Typed Name', 'typed@example.test') RETURNING id`,
      [accountId, userId],
    );
    expect(await listIdentity(memberId)).toEqual({
      list_name: "Typed Name",
      list_email: "typed@example.test",
    });
    await sql("UPDATE members SET display_name = 'Renamed By Account' WHERE id = $1", [memberId]);
    expect((await listIdentity(memberId)).list_name).toBe("Renamed By Account");
    // Accepted while a placeholder (no password): the account's name, the person's email.
    await sql("UPDATE members SET accepted_at = now() WHERE id = $1", [memberId]);
    expect(await listIdentity(memberId)).toEqual({
      list_name: "Renamed By Account",
      list_email: "real@example.test",
    });
    // A password makes the name theirs.
    await sql("UPDATE users SET password_hash = 'x' WHERE id = $1", [userId]);
    expect((await listIdentity(memberId)).list_name).toBe("Real Name");
    await sql("UPDATE users SET name = 'Chosen Name', email = 'new@example.test' WHERE id = $1", [
      userId,
    ]);
    expect(await listIdentity(memberId)).toEqual({
      list_name: "Chosen Name",
      list_email: "new@example.test",
    });
    expect(await drifted()).toEqual([]);
  });

  it("cannot be written directly: a write is recomputed from what they derive from", async () => {
    const { memberId } = await insertViewer(db.dataSource, Role.OWNER);
    const before = await listIdentity(memberId);
    await sql("UPDATE members SET list_name = 'Aardvark', list_email = 'a@a' WHERE id = $1", [
      memberId,
    ]);
    expect(await listIdentity(memberId)).toEqual(before);
  });

  it("follow a person's rename made inside one account's transaction into every account they are in", async () => {
    const userId = await insertUser(db.dataSource, { name: "Before Rename" });
    await sql("UPDATE users SET password_hash = 'x' WHERE id = $1", [userId]);
    const here = await insertAccount(db.dataSource);
    const elsewhere = await insertAccount(db.dataSource);
    const mine = await insertMember(db.dataSource, { accountId: here, userId });
    const theirs = await insertMember(db.dataSource, { accountId: elsewhere, userId });
    // The app role sees only `here`'s members; the trigger still reaches the other membership.
    const transaction = new TenantTransaction(appRole, { accountId: here, userId });
    await transaction.manager.query("UPDATE users SET name = 'After Rename' WHERE id = $1", [
      userId,
    ]);
    await transaction.finish("commit");
    expect((await listIdentity(mine)).list_name).toBe("After Rename");
    expect((await listIdentity(theirs)).list_name).toBe("After Rename");
    expect(await drifted()).toEqual([]);
  });
});

describe("partner_member_tallies", () => {
  async function tally(partnerId: string): Promise<number | undefined> {
    const [row] = await sql("SELECT pending FROM partner_member_tallies WHERE partner_id = $1", [
      partnerId,
    ]);
    return row?.pending;
  }

  async function tallies(partnerId: string) {
    const [row] = await sql(
      "SELECT pending, active, archived FROM partner_member_tallies WHERE partner_id = $1",
      [partnerId],
    );
    return row;
  }

  async function countedByStatus(partnerId: string) {
    const [row] = await sql(
      `SELECT count(*) FILTER (WHERE status = 'PENDING')::int AS pending,
         count(*) FILTER (WHERE status = 'ACTIVE')::int AS active,
         count(*) FILTER (WHERE status = 'ARCHIVED')::int AS archived
       FROM members WHERE partner_id = $1`,
      [partnerId],
    );
    return row;
  }

  async function counted(partnerId: string): Promise<number> {
    const [row] = await sql(
      "SELECT count(*)::int AS n FROM members WHERE partner_id = $1 AND status = 'PENDING'",
      [partnerId],
    );
    return row.n;
  }

  it("counts a partner's pending people through inserts, bulk status changes, moves and deletes", async () => {
    const accountId = await insertAccount(db.dataSource);
    const partner = async (name: string) =>
      (
        await sql(
          "INSERT INTO partners (account_id, company_name, status, guest) VALUES ($1, $2, 'ACTIVE', true) RETURNING id",
          [accountId, name],
        )
      )[0].id as string;
    const alpha = await partner("Alpha");
    const beta = await partner("Beta");
    expect(await tally(alpha)).toBe(0);

    const people: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const userId = await insertUser(db.dataSource);
      const [{ id }] = await sql(
        `INSERT INTO members (account_id, user_id, type, role, status, partner_id, accepted_at)
         VALUES ($1, $2, 'EXTERNAL', 'COLLABORATOR_EXTERNAL', 'PENDING', $3, now()) RETURNING id`,
        [accountId, userId, alpha],
      );
      people.push(id);
    }
    expect(await tally(alpha)).toBe(4);
    // One statement over several rows, as activateMembers sends it.
    await sql("UPDATE members SET status = 'ACTIVE' WHERE id = ANY($1::uuid[])", [
      people.slice(0, 2),
    ]);
    expect(await tally(alpha)).toBe(2);
    // A change that leaves the count alone (a title) and a move to another partner.
    await sql("UPDATE members SET title = 'Engineer' WHERE id = ANY($1::uuid[])", [people]);
    await sql("UPDATE members SET partner_id = $2 WHERE id = $1", [people[2], beta]);
    expect([await tally(alpha), await tally(beta)]).toEqual([1, 1]);
    await sql("DELETE FROM members WHERE id = $1", [people[3]]);
    expect([await tally(alpha), await tally(beta)]).toEqual([0, 1]);
    for (const id of [alpha, beta]) expect(await tally(id)).toBe(await counted(id));
    for (const id of [alpha, beta]) expect(await tallies(id)).toEqual(await countedByStatus(id));
  });

  it("keeps every status's count (Partner.memberCounts reads them), whatever a statement changes", async () => {
    const accountId = await insertAccount(db.dataSource);
    const [{ id: gamma }] = await sql(
      "INSERT INTO partners (account_id, company_name, status, guest) VALUES ($1, 'Gamma', 'ACTIVE', true) RETURNING id",
      [accountId],
    );
    const [{ id: delta }] = await sql(
      "INSERT INTO partners (account_id, company_name, status, guest) VALUES ($1, 'Delta', 'ACTIVE', true) RETURNING id",
      [accountId],
    );
    const userIds = [];
    for (let i = 0; i < 6; i += 1) userIds.push(await insertUser(db.dataSource));
    // One multi-row insert of mixed statuses.
    const rows: { id: string }[] = await sql(
      `INSERT INTO members (account_id, user_id, type, role, status, partner_id, accepted_at)
       SELECT $1, u, 'EXTERNAL', 'COLLABORATOR_EXTERNAL', s, $2, now()
       FROM unnest($3::uuid[], $4::text[]) AS x(u, s) RETURNING id`,
      [accountId, gamma, userIds, ["PENDING", "PENDING", "ACTIVE", "ACTIVE", "ACTIVE", "ARCHIVED"]],
    );
    const ids = rows.map((row) => row.id);
    expect(await tallies(gamma)).toEqual({ pending: 2, active: 3, archived: 1 });
    await sql("UPDATE members SET status = 'ARCHIVED' WHERE id = ANY($1::uuid[])", [
      ids.slice(2, 4),
    ]);
    await sql("UPDATE members SET status = 'ACTIVE', partner_id = $2 WHERE id = $1", [
      ids[0],
      delta,
    ]);
    await sql("UPDATE members SET partner_id = NULL WHERE id = $1", [ids[5]]);
    await sql("DELETE FROM members WHERE id = $1", [ids[4]]);
    for (const id of [gamma, delta]) expect(await tallies(id)).toEqual(await countedByStatus(id));
    expect(await tallies(gamma)).toEqual({ pending: 1, active: 0, archived: 2 });
    expect(await tallies(delta)).toEqual({ pending: 0, active: 1, archived: 0 });
  });

  it("is only visible in its own account to the app role", async () => {
    const a = await insertViewer(db.dataSource, Role.OWNER);
    const b = await insertViewer(db.dataSource, Role.OWNER);
    for (const accountId of [a.accountId, b.accountId])
      await sql(
        "INSERT INTO partners (account_id, company_name, status, guest) VALUES ($1, 'P', 'ACTIVE', true)",
        [accountId],
      );
    const transaction = new TenantTransaction(appRole, { accountId: a.accountId, userId: null });
    const rows: { account_id: string }[] = await transaction.manager.query(
      "SELECT account_id FROM partner_member_tallies",
    );
    await transaction.finish("rollback");
    expect(rows.map((row) => row.account_id)).toEqual([a.accountId]);
  });
});
