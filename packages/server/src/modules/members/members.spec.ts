import { MemberStatus, Plan, Role, toGlobalId } from "@pn/shared";
import { randomBytes } from "node:crypto";
import { insertAccount, insertMember, insertUser, insertViewer } from "../../test-support/fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import { sessionsService } from "../identity/sessions.service";

let db: TestDatabase;
let app: TestApp;

const ARCHIVE = `mutation($ids: [ID!]!) { archiveMembers(input: { memberIds: $ids }) { members { id status } userErrors { field message code } } }`;
const RESTORE = `mutation($ids: [ID!]!) { restoreMembers(input: { memberIds: $ids }) { members { id status } userErrors { field message code } } }`;
const SEATS = `{ viewer { currentAccount { seatsUsed seatLimit } } }`;

type StatusData = {
  members: { id: string; status: string }[];
  userErrors: { field: string[] | null; message: string; code: string }[];
};

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

/** An account on FREE (3 seats) with its owner acting, and an internal editor who is signed in and has invited someone. */
async function accountWithEditor() {
  const owner = await insertViewer(
    db.dataSource,
    Role.OWNER,
    await insertAccount(db.dataSource, { plan: Plan.FREE }),
  );
  const editorUserId = await insertUser(db.dataSource);
  const editorId = await insertMember(db.dataSource, {
    accountId: owner.accountId,
    userId: editorUserId,
    role: Role.EDITOR,
  });
  await db.dataSource.query(
    `INSERT INTO invitations (account_id, kind, email, role, token_hash, expires_at, invited_by_member_id)
     VALUES ($1, 'USER', $2, 'VIEWER', $3, now() + interval '1 day', $4)`,
    [
      owner.accountId,
      `invited-by-editor-${randomBytes(3).toString("hex")}@example.test`,
      randomBytes(32),
      editorId,
    ],
  );
  await sessionsService.create(db.dataSource.manager, editorUserId, owner.accountId);
  // The same person elsewhere: that session must survive the archiving here.
  const elsewhere = await insertAccount(db.dataSource);
  await insertMember(db.dataSource, {
    accountId: elsewhere,
    userId: editorUserId,
    role: Role.VIEWER,
  });
  await sessionsService.create(db.dataSource.manager, editorUserId, elsewhere);
  app.actAs(owner.viewer);
  return { owner, editorId, editorUserId, elsewhere };
}

async function seatsUsed(): Promise<number> {
  const response = await app.graphql<{ viewer: { currentAccount: { seatsUsed: number } } }>(SEATS);
  return response.body.data!.viewer.currentAccount.seatsUsed;
}

describe("archiving an internal member", () => {
  it("frees their seat at once, ends their sessions in the account only, and revokes the invitations they sent", async () => {
    const { editorId, editorUserId, elsewhere } = await accountWithEditor();
    // Owner + editor + the editor's pending invitation.
    expect(await seatsUsed()).toBe(3);

    const result = await app.graphql<{ archiveMembers: StatusData }>(ARCHIVE, {
      ids: [toGlobalId("Member", editorId)],
    });
    expect(result.body.data?.archiveMembers).toEqual({
      members: [{ id: toGlobalId("Member", editorId), status: "ARCHIVED" }],
      userErrors: [],
    });

    expect(await seatsUsed()).toBe(1);
    const sessions: { account_id: string }[] = await db.dataSource.query(
      "SELECT account_id FROM sessions WHERE user_id = $1",
      [editorUserId],
    );
    expect(sessions.map((session) => session.account_id)).toEqual([elsewhere]);
    const invitations = await db.dataSource.query(
      "SELECT status FROM invitations WHERE invited_by_member_id = $1",
      [editorId],
    );
    expect(invitations).toEqual([{ status: "REVOKED" }]);
    const [membership] = await db.dataSource.query(
      "SELECT status FROM members WHERE user_id = $1 AND account_id = $2",
      [editorUserId, elsewhere],
    );
    expect(membership.status).toBe(MemberStatus.ACTIVE);
  });

  it("is refused for the owner (and for oneself), changing nothing", async () => {
    const { owner, editorId } = await accountWithEditor();
    const admin = await insertViewer(db.dataSource, Role.ADMINISTRATOR, owner.accountId);
    app.actAs(admin.viewer);
    const result = await app.graphql<{ archiveMembers: StatusData }>(ARCHIVE, {
      ids: [
        toGlobalId("Member", editorId),
        toGlobalId("Member", owner.memberId),
        toGlobalId("Member", admin.memberId),
      ],
    });
    expect(result.body.data?.archiveMembers).toEqual({
      members: [],
      userErrors: [
        {
          field: ["memberIds", "1"],
          code: "INVALID_STATE",
          message: "The owner cannot be archived.",
        },
        {
          field: ["memberIds", "2"],
          code: "INVALID_STATE",
          message: "You cannot archive yourself.",
        },
      ],
    });
    const statuses = await db.dataSource.query(
      "SELECT status FROM members WHERE account_id = $1 AND status = 'ARCHIVED'",
      [owner.accountId],
    );
    expect(statuses).toEqual([]);
  });

  it("is for owners and administrators only, and another account's member is not found", async () => {
    const { owner, editorId } = await accountWithEditor();
    const editor = await insertViewer(db.dataSource, Role.EDITOR, owner.accountId);
    app.actAs(editor.viewer);
    const forbidden = await app.graphql(ARCHIVE, { ids: [toGlobalId("Member", editorId)] });
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const stranger = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
    app.actAs(stranger.viewer);
    const foreign = await app.graphql<{ archiveMembers: StatusData }>(ARCHIVE, {
      ids: [toGlobalId("Member", editorId)],
    });
    expect(foreign.body.data?.archiveMembers.userErrors).toEqual([
      { field: ["memberIds", "0"], code: "NOT_FOUND", message: "No such member." },
    ]);
    const [row] = await db.dataSource.query("SELECT status FROM members WHERE id = $1", [editorId]);
    expect(row.status).toBe("ACTIVE");
  });
});

describe("restoring an internal member", () => {
  it("needs a free seat: SEAT_LIMIT_REACHED when the plan is full, restored once one is free", async () => {
    const { owner, editorId } = await accountWithEditor();
    await app.graphql(ARCHIVE, { ids: [toGlobalId("Member", editorId)] });
    // Fill the freed seats: owner + two more active internal members = 3 of 3.
    const fillers = [];
    for (let i = 0; i < 2; i += 1)
      fillers.push(
        await insertMember(db.dataSource, {
          accountId: owner.accountId,
          userId: await insertUser(db.dataSource),
          role: Role.VIEWER,
        }),
      );
    expect(await seatsUsed()).toBe(3);

    const refused = await app.graphql<{ restoreMembers: StatusData }>(RESTORE, {
      ids: [toGlobalId("Member", editorId)],
    });
    expect(refused.body.data?.restoreMembers).toEqual({
      members: [],
      userErrors: [
        {
          field: ["memberIds"],
          code: "SEAT_LIMIT_REACHED",
          message: "3 of 3 seats are used and this needs 1 more.",
        },
      ],
    });
    await app.graphql(ARCHIVE, { ids: [toGlobalId("Member", fillers[0]!)] });
    const restored = await app.graphql<{ restoreMembers: StatusData }>(RESTORE, {
      ids: [toGlobalId("Member", editorId)],
    });
    expect(restored.body.data?.restoreMembers.members).toEqual([
      { id: toGlobalId("Member", editorId), status: "ACTIVE" },
    ]);
    expect(await seatsUsed()).toBe(3);
  });
});
