/**
 * The owner is protected: every membership change passes the owner guard, so only the
 * owner changes the owner's login or status, no one changes the owner's role except by
 * transferring ownership, and no one archives or removes the owner. Refusals change nothing.
 */
import { MemberStatus, MemberType, Role, toGlobalId } from "@pn/shared";
import { randomUUID } from "node:crypto";
import { insertMember, insertUser, insertViewer } from "../../test-support/fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import type { Viewer } from "../../graphql/context";

let db: TestDatabase;
let app: TestApp;

const UPDATE_MEMBER = `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { member { id title canLogin role } userErrors { field message code } } }`;
const statusMutation = (name: string) =>
  `mutation($ids: [ID!]!) { ${name}(input: { memberIds: $ids }) { members { id } userErrors { field message code } } }`;

type Payload = { userErrors: { field: string[] | null; message: string; code: string }[] };

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

/** An account's owner, and an administrator acting in it. */
async function ownerAndAdmin() {
  const owner = await insertViewer(db.dataSource, Role.OWNER);
  const adminUserId = await insertUser(db.dataSource);
  const adminId = await insertMember(db.dataSource, {
    accountId: owner.accountId,
    userId: adminUserId,
    role: Role.ADMINISTRATOR,
  });
  const admin: Viewer = {
    userId: adminUserId,
    accountId: owner.accountId,
    memberId: adminId,
    role: Role.ADMINISTRATOR,
    credential: { kind: "session", sessionId: randomUUID() },
  };
  app.actAs(admin);
  return { owner, admin, adminId, ownerGlobalId: toGlobalId("Member", owner.memberId) };
}

async function ownerRow(memberId: string) {
  const [row] = await db.dataSource.query(
    "SELECT role, status, can_login, title FROM members WHERE id = $1",
    [memberId],
  );
  return row as { role: string; status: string; can_login: boolean; title: string | null };
}

const UNTOUCHED = { role: "OWNER", status: "ACTIVE", can_login: true, title: null };

describe("updateMember on the owner", () => {
  it("refuses an administrator switching off the owner's login (FORBIDDEN on canLogin), changing nothing", async () => {
    const { owner, ownerGlobalId } = await ownerAndAdmin();
    const response = await app.graphql<{ updateMember: Payload & { member: null } }>(
      UPDATE_MEMBER,
      { input: { memberId: ownerGlobalId, canLogin: false, title: "Not the boss" } },
    );
    expect(response.body.data?.updateMember).toEqual({
      member: null,
      userErrors: [
        {
          field: ["canLogin"],
          code: "FORBIDDEN",
          message: "Only the owner changes the owner's login.",
        },
      ],
    });
    expect(await ownerRow(owner.memberId)).toEqual(UNTOUCHED);
    const [{ events }] = await db.dataSource.query(
      "SELECT count(*)::int AS events FROM audit_events WHERE account_id = $1",
      [owner.accountId],
    );
    expect(events).toBe(0);
  });

  it("refuses anyone changing the owner's role, the owner included (ownership transfer is the way)", async () => {
    const { owner, ownerGlobalId } = await ownerAndAdmin();
    for (const as of [null, owner.viewer]) {
      if (as) app.actAs(as);
      const response = await app.graphql<{ updateMember: Payload }>(UPDATE_MEMBER, {
        input: { memberId: ownerGlobalId, role: "ADMINISTRATOR" },
      });
      expect(response.body.data?.updateMember.userErrors).toEqual([
        expect.objectContaining({ field: ["role"], code: "INVALID_STATE" }),
      ]);
    }
    expect(await ownerRow(owner.memberId)).toEqual(UNTOUCHED);
  });

  it("lets an administrator change the owner's title, and send the login the owner already has", async () => {
    const { owner, ownerGlobalId } = await ownerAndAdmin();
    const response = await app.graphql<{ updateMember: Payload & { member: { title: string } } }>(
      UPDATE_MEMBER,
      { input: { memberId: ownerGlobalId, canLogin: true, title: "Founder" } },
    );
    expect(response.body.data?.updateMember).toMatchObject({
      member: { title: "Founder", canLogin: true, role: "OWNER" },
      userErrors: [],
    });
    expect(await ownerRow(owner.memberId)).toEqual({ ...UNTOUCHED, title: "Founder" });
  });

  it("still refuses the owner switching off their own login", async () => {
    const { owner, ownerGlobalId } = await ownerAndAdmin();
    app.actAs(owner.viewer);
    const response = await app.graphql<{ updateMember: Payload }>(UPDATE_MEMBER, {
      input: { memberId: ownerGlobalId, canLogin: false },
    });
    expect(response.body.data?.updateMember.userErrors).toEqual([
      expect.objectContaining({ field: ["canLogin"], code: "INVALID_STATE" }),
    ]);
    expect(await ownerRow(owner.memberId)).toEqual(UNTOUCHED);
  });
});

describe("status changes on the owner", () => {
  it.each([
    ["archiveMembers", "INVALID_STATE", "The owner cannot be archived."],
    ["activateMembers", "FORBIDDEN", "Only the owner changes the owner's status."],
    ["restoreMembers", "FORBIDDEN", "Only the owner changes the owner's status."],
  ])(
    "%s refuses the owner (%s) and, all or nothing, the rest of the batch",
    async (name, code, message) => {
      const { owner, ownerGlobalId } = await ownerAndAdmin();
      const otherId = await insertMember(db.dataSource, {
        accountId: owner.accountId,
        userId: await insertUser(db.dataSource),
        role: Role.EDITOR,
        status: {
          archiveMembers: MemberStatus.ACTIVE,
          activateMembers: MemberStatus.PENDING,
          restoreMembers: MemberStatus.ARCHIVED,
        }[name],
      });
      const [before] = await db.dataSource.query("SELECT status FROM members WHERE id = $1", [
        otherId,
      ]);
      const response = await app.graphql<Record<string, Payload>>(statusMutation(name), {
        ids: [toGlobalId("Member", otherId), ownerGlobalId],
      });
      expect(response.body.data?.[name]?.userErrors).toEqual([
        { field: ["memberIds", "1"], code, message },
      ]);
      expect(await ownerRow(owner.memberId)).toEqual(UNTOUCHED);
      const [after] = await db.dataSource.query("SELECT status FROM members WHERE id = $1", [
        otherId,
      ]);
      expect(after).toEqual(before);
    },
  );
});

describe("removals that archive people", () => {
  it("never archive the owner, even when a client record points at them", async () => {
    const { owner } = await ownerAndAdmin();
    const [client] = await db.dataSource.query(
      "INSERT INTO clients (account_id, type, name, email, member_id, status) VALUES ($1, 'PERSON', 'Odd', 'odd@example.test', $2, 'ACTIVE') RETURNING id",
      [owner.accountId, owner.memberId],
    );
    const response = await app.graphql<{
      removeClientFromNetwork: { archivedMemberCount: number; userErrors: unknown[] };
    }>(
      `mutation($id: ID!) { removeClientFromNetwork(input: { clientId: $id }) { archivedMemberCount userErrors { code } } }`,
      { id: toGlobalId("Client", client.id) },
    );
    expect(response.body.data?.removeClientFromNetwork).toEqual({
      archivedMemberCount: 0,
      userErrors: [],
    });
    expect(await ownerRow(owner.memberId)).toEqual(UNTOUCHED);
  });

  it("archive a removed client's own member as before", async () => {
    const { owner } = await ownerAndAdmin();
    const memberId = await insertMember(db.dataSource, {
      accountId: owner.accountId,
      userId: await insertUser(db.dataSource),
      role: Role.CLIENT,
      type: MemberType.EXTERNAL,
    });
    const [client] = await db.dataSource.query(
      "INSERT INTO clients (account_id, type, name, email, member_id, status) VALUES ($1, 'PERSON', 'C', 'c2@example.test', $2, 'ACTIVE') RETURNING id",
      [owner.accountId, memberId],
    );
    const response = await app.graphql<{
      removeClientFromNetwork: { archivedMemberCount: number };
    }>(
      `mutation($id: ID!) { removeClientFromNetwork(input: { clientId: $id }) { archivedMemberCount } }`,
      { id: toGlobalId("Client", client.id) },
    );
    expect(response.body.data?.removeClientFromNetwork.archivedMemberCount).toBe(1);
  });
});
