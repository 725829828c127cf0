import { MemberStatus, Plan, Role, toGlobalId } from "@pn/shared";
import { randomBytes } from "node:crypto";
import { insertAccount, insertMember, insertUser, insertViewer } from "../../test-support/fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import { auditService, type AuditSubscriber } from "../audit/audit.service";

let db: TestDatabase;
let app: TestApp;

const payload = `members { id status } userErrors { field code message }`;
const ACTIVATE = `mutation($ids: [ID!]!) { activateMembers(input: { memberIds: $ids }) { ${payload} } }`;
const ARCHIVE = `mutation($ids: [ID!]!) { archiveMembers(input: { memberIds: $ids }) { ${payload} } }`;
const RESTORE = `mutation($ids: [ID!]!) { restoreMembers(input: { memberIds: $ids }) { ${payload} } }`;

type StatusData = {
  members: { id: string; status: string }[];
  userErrors: { field: string[] | null; code: string; message: string }[];
};

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

/** `count` pending external members of the account, each a distinct new user; their global IDs. */
async function pendingExternals(accountId: string, count: number): Promise<string[]> {
  const tag = randomBytes(4).toString("hex");
  const rows: { id: string }[] = await db.dataSource.query(
    `WITH u AS (
       INSERT INTO users (email, name)
       SELECT 'bulk-' || $2 || '-' || g || '@example.test', 'Bulk ' || g FROM generate_series(1, $1::int) g
       RETURNING id)
     INSERT INTO members (account_id, user_id, type, role, status, accepted_at)
     SELECT $3, id, 'EXTERNAL', 'COLLABORATOR_EXTERNAL', 'PENDING', now() FROM u RETURNING id`,
    [count, tag, accountId],
  );
  return rows.map((row) => toGlobalId("Member", row.id));
}

async function statusesOf(ids: string[]): Promise<Record<string, number>> {
  const rows: { status: string; n: number }[] = await db.dataSource.query(
    `SELECT status, count(*)::int AS n FROM members
     WHERE id = ANY($1::uuid[]) GROUP BY status`,
    [ids.map((id) => Buffer.from(id, "base64url").toString("utf8").split(":")[1])],
  );
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

async function send(mutation: string, ids: string[], field: string) {
  const response = await app.graphql<Record<string, StatusData>>(mutation, { ids });
  return {
    data: response.body.data?.[field],
    errors: response.body.errors,
    statements: Number(response.headers.get("x-sql-statements")),
  };
}

describe("bulk status changes cost the same few statements for 10 IDs or 1,000", () => {
  it("activate, archive and restore", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    await db.dataSource.query("UPDATE accounts SET plan = $2 WHERE id = $1", [
      owner.accountId,
      Plan.TEAM,
    ]);
    app.actAs(owner.viewer);
    const few = await pendingExternals(owner.accountId, 10);
    const many = await pendingExternals(owner.accountId, 1_000);

    const counts: Record<string, number[]> = {};
    for (const [mutation, field, to] of [
      [ACTIVATE, "activateMembers", "ACTIVE"],
      [ARCHIVE, "archiveMembers", "ARCHIVED"],
      [RESTORE, "restoreMembers", "ACTIVE"],
    ] as const) {
      for (const ids of [few, many]) {
        const result = await send(mutation, ids, field);
        expect(result.errors).toBeUndefined();
        expect(result.data?.userErrors).toEqual([]);
        expect(result.data?.members.map((member) => member.id)).toEqual(ids);
        expect(new Set(result.data?.members.map((member) => member.status))).toEqual(new Set([to]));
        (counts[field] ??= []).push(result.statements);
      }
      expect(await statusesOf([...few, ...many])).toEqual({ [to]: 1_010 });
    }
    for (const [field, [small, large]] of Object.entries(counts)) {
      expect({ field, statements: large }).toEqual({ field, statements: small });
      // Savepoint, seat lock, the change, the audit entries, their webhooks, release; archiving
      // also ends sessions and withdraws tokens, links and sent invitations.
      expect(small).toBeLessThanOrEqual(field === "archiveMembers" ? 10 : 6);
    }
  });
});

describe("a bulk status change is all or nothing", () => {
  it("refuses the whole batch when one ID is refused, naming each refused index", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(owner.viewer);
    const ids = await pendingExternals(owner.accountId, 5);
    const active = toGlobalId(
      "Member",
      await insertMember(db.dataSource, {
        accountId: owner.accountId,
        userId: await insertUser(db.dataSource),
        role: Role.VIEWER,
      }),
    );
    const elsewhere = toGlobalId(
      "Member",
      await insertMember(db.dataSource, {
        accountId: await insertAccount(db.dataSource),
        userId: await insertUser(db.dataSource),
      }),
    );
    const listed = [ids[0]!, active, ids[1]!, ids[1]!, elsewhere, "garbage", ids[2]!];
    const result = await send(ACTIVATE, listed, "activateMembers");
    expect(result.data?.members).toEqual([]);
    expect(result.data?.userErrors.map((error) => [error.field, error.code])).toEqual([
      [["memberIds", "1"], "INVALID_STATE"],
      [["memberIds", "3"], "INVALID"],
      [["memberIds", "4"], "NOT_FOUND"],
      [["memberIds", "5"], "NOT_FOUND"],
    ]);
    expect(await statusesOf(ids)).toEqual({ PENDING: 5 });
  });

  it("refuses internal members beyond the seat limit and changes none", async () => {
    // FREE has 3 seats: the owner holds one, and three archived internal people want two more.
    const owner = await insertViewer(
      db.dataSource,
      Role.OWNER,
      await insertAccount(db.dataSource, { plan: Plan.FREE }),
    );
    app.actAs(owner.viewer);
    const archived: string[] = [];
    for (let i = 0; i < 3; i++)
      archived.push(
        toGlobalId(
          "Member",
          await insertMember(db.dataSource, {
            accountId: owner.accountId,
            userId: await insertUser(db.dataSource),
            role: Role.EDITOR,
            status: MemberStatus.ARCHIVED,
          }),
        ),
      );
    const refused = await send(RESTORE, archived, "restoreMembers");
    expect(refused.data).toEqual({
      members: [],
      userErrors: [
        {
          field: ["memberIds"],
          code: "SEAT_LIMIT_REACHED",
          message: "1 of 3 seats are used and this needs 3 more.",
        },
      ],
    });
    expect(await statusesOf(archived)).toEqual({ ARCHIVED: 3 });
    const restored = await send(RESTORE, archived.slice(0, 2), "restoreMembers");
    expect(restored.data?.userErrors).toEqual([]);
    expect(await statusesOf(archived)).toEqual({ ACTIVE: 2, ARCHIVED: 1 });
  });

  it("keeps nothing when a later step of the change fails", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(owner.viewer);
    const ids = await pendingExternals(owner.accountId, 50);
    // The members are updated before their audit entries are recorded: failing there
    // must take the update back with it.
    const failing: AuditSubscriber = async (_db, _origin, entries) => {
      if (entries.some((entry) => entry.action === "member.activated"))
        throw new Error("recording failed");
    };
    auditService.subscribe(failing);
    try {
      const result = await send(ACTIVATE, ids, "activateMembers");
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.length).toBe(1);
    } finally {
      auditService.unsubscribe(failing);
    }
    expect(await statusesOf(ids)).toEqual({ PENDING: 50 });
    const [{ n }]: { n: number }[] = await db.dataSource.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE account_id = $1 AND action = 'member.activated'",
      [owner.accountId],
    );
    expect(n).toBe(0);

    const retried = await send(ACTIVATE, ids, "activateMembers");
    expect(retried.data?.userErrors).toEqual([]);
    expect(await statusesOf(ids)).toEqual({ ACTIVE: 50 });
  });
});
