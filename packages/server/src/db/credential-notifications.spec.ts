/**
 * Migration 1765420000000: every write that changes what a credential lookup answers sends
 * `pn_credentials` with the ids to drop, and writes that change nothing a lookup reads
 * (a recorded use, a session's extension, a pending member) send nothing. The credential
 * cache (modules/identity/credential-cache.ts) trusts exactly this.
 */
import { Client } from "pg";
import { Role } from "@pn/shared";
import { hashSecret, newSecret } from "../crypto/secret-token";
import { insertMember, insertUser, insertViewer } from "../test-support/fixtures";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { waitFor } from "../test-support/wait-for";

let db: TestDatabase;
let listener: Client;
const heard: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  listener = new Client({ connectionString: db.url });
  await listener.connect();
  listener.on("notification", (message) => heard.push(message.payload ?? ""));
  await listener.query("LISTEN pn_credentials");
});

afterAll(async () => {
  await listener?.end();
  await db?.drop();
});

/** Waits until every notification sent so far has arrived, by one sent after them. */
async function drained(): Promise<void> {
  const marker = `marker:${newSecret()}`;
  await db.dataSource.query("SELECT pg_notify('pn_credentials', $1)", [marker]);
  await waitFor("the marker", () => (heard.includes(marker) ? true : undefined), 10_000);
}

/** What `write` made the database announce (the setup's own notifications left out). */
async function announced(write: () => Promise<unknown>): Promise<string[]> {
  await drained();
  heard.length = 0;
  await write();
  await drained();
  return heard.filter((payload) => !payload.startsWith("marker:"));
}

async function tokenOf(memberId: string, accountId: string): Promise<string> {
  const [row] = (await db.dataSource.query(
    `INSERT INTO api_tokens (account_id, created_by_member_id, name, scopes, token_hash)
     VALUES ($1, $2, 'n', ARRAY['READ'], $3) RETURNING id`,
    [accountId, memberId, hashSecret(newSecret("pn_"))],
  )) as { id: string }[];
  return row!.id;
}

async function sessionOf(userId: string, accountId: string | null): Promise<string> {
  const [row] = (await db.dataSource.query(
    `INSERT INTO sessions (token_hash, user_id, account_id, expires_at)
     VALUES ($1, $2, $3, now() + interval '30 days') RETURNING id`,
    [hashSecret(newSecret()), userId, accountId],
  )) as { id: string }[];
  return row!.id;
}

describe("pn_credentials notifications", () => {
  it("names the token on revoke, expiry and scope changes and deletion, and stays silent on a recorded use", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    const id = await tokenOf(owner.memberId, owner.accountId);
    const query = (sql: string) => () => db.dataSource.query(sql, [id]);
    expect(
      await announced(query("UPDATE api_tokens SET last_used_at = now() WHERE id = $1")),
    ).toEqual([]);
    expect(
      await announced(query("UPDATE api_tokens SET revoked_at = now() WHERE id = $1")),
    ).toEqual([`token:${id}`]);
    expect(
      await announced(query("UPDATE api_tokens SET expires_at = now() WHERE id = $1")),
    ).toEqual([`token:${id}`]);
    expect(
      await announced(query("UPDATE api_tokens SET scopes = ARRAY['READ', 'WRITE'] WHERE id = $1")),
    ).toEqual([`token:${id}`]);
    expect(await announced(query("DELETE FROM api_tokens WHERE id = $1"))).toEqual([`token:${id}`]);
  });

  it("names the session when it ends, switches account or is shortened, not when it is extended", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    const id = await sessionOf(owner.userId, null);
    const query =
      (sql: string, more: unknown[] = []) =>
      () =>
        db.dataSource.query(sql, [id, ...more]);
    expect(
      await announced(
        query(
          "UPDATE sessions SET last_seen_at = now(), expires_at = expires_at + interval '1 hour' WHERE id = $1",
        ),
      ),
    ).toEqual([]);
    expect(
      await announced(
        query("UPDATE sessions SET account_id = $2 WHERE id = $1", [owner.accountId]),
      ),
    ).toEqual([`session:${id}`]);
    expect(await announced(query("UPDATE sessions SET expires_at = now() WHERE id = $1"))).toEqual([
      `session:${id}`,
    ]);
    expect(await announced(query("DELETE FROM sessions WHERE id = $1"))).toEqual([`session:${id}`]);
  });

  it("names the person on every membership change a lookup reads, their password change and deletion", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    const userId = await insertUser(db.dataSource);
    const user = `user:${userId}`;
    let memberId = "";
    expect(
      await announced(async () => {
        memberId = await insertMember(db.dataSource, {
          accountId: owner.accountId,
          userId,
          role: Role.EDITOR,
        });
      }),
    ).toEqual([user]);
    const member = (sql: string) => () => db.dataSource.query(sql, [memberId]);
    expect(await announced(member("UPDATE members SET title = 'Buyer' WHERE id = $1"))).toEqual([]);
    expect(await announced(member("UPDATE members SET role = 'VIEWER' WHERE id = $1"))).toEqual([
      user,
    ]);
    expect(await announced(member("UPDATE members SET can_login = false WHERE id = $1"))).toEqual([
      user,
    ]);
    expect(await announced(member("UPDATE members SET status = 'ARCHIVED' WHERE id = $1"))).toEqual(
      [user],
    );
    expect(
      await announced(
        member(
          "UPDATE members SET accepted_at = NULL, display_name = 'D', display_email = 'd@example.test' WHERE id = $1",
        ),
      ),
    ).toEqual([user]);
    expect(await announced(member("DELETE FROM members WHERE id = $1"))).toEqual([user]);
    expect(
      await announced(() =>
        db.dataSource.query("UPDATE users SET name = 'Renamed' WHERE id = $1", [userId]),
      ),
    ).toEqual([]);
    expect(
      await announced(() =>
        db.dataSource.query("UPDATE users SET password_hash = 'x' WHERE id = $1", [userId]),
      ),
    ).toEqual([user]);
    expect(
      await announced(() => db.dataSource.query("DELETE FROM users WHERE id = $1", [userId])),
    ).toEqual([user]);
  });

  it("stays silent for a pending member, sends one notification per 200 ids in bulk, and says all on TRUNCATE", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    const userIds: string[] = [];
    for (let index = 0; index < 450; index += 1) userIds.push(await insertUser(db.dataSource));
    expect(
      await announced(() =>
        db.dataSource.query(
          `INSERT INTO members (account_id, user_id, type, role, status, display_name, display_email)
           SELECT $1, id, 'INTERNAL', 'VIEWER', 'PENDING', 'D', 'd@example.test' FROM unnest($2::uuid[]) AS id`,
          [owner.accountId, userIds],
        ),
      ),
    ).toEqual([]);
    const bulk = await announced(() =>
      db.dataSource.query("UPDATE members SET status = 'ACTIVE' WHERE user_id = ANY($1::uuid[])", [
        userIds,
      ]),
    );
    expect(bulk).toHaveLength(3);
    expect(bulk.flatMap((payload) => payload.slice("user:".length).split(",")).sort()).toEqual(
      [...userIds].sort(),
    );
    expect(await announced(() => db.dataSource.query("TRUNCATE sessions"))).toEqual(["all:"]);
  });
});
