import { Role, toGlobalId } from "@pn/shared";
import { insertAccount, insertMember, insertUser, insertViewer } from "../test-support/fixtures";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";

let db: TestDatabase;
let app: TestApp;
let a: Awaited<ReturnType<typeof insertViewer>>;
let b: Awaited<ReturnType<typeof insertViewer>>;

const NODE = `query Node($id: ID!) { node(id: $id) { __typename id ... on Member { name role } ... on Account { name } } }`;
const NODES = `query Nodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
  a = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
  b = await insertViewer(db.dataSource, Role.OWNER);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe("node and nodes", () => {
  it("refetch a member and the account of the viewer by global ID", async () => {
    app.actAs(a.viewer);
    const member = await app.graphql(NODE, { id: toGlobalId("Member", a.memberId) });
    expect(member.body.data?.node).toMatchObject({ __typename: "Member", role: "ADMINISTRATOR" });
    const account = await app.graphql(NODE, { id: toGlobalId("Account", a.accountId) });
    expect(account.body.data?.node).toMatchObject({
      __typename: "Account",
      id: toGlobalId("Account", a.accountId),
    });
  });

  it("treat another account's objects as nonexistent", async () => {
    app.actAs(a.viewer);
    for (const id of [
      toGlobalId("Member", b.memberId),
      toGlobalId("Account", b.accountId),
      toGlobalId("User", b.userId),
    ]) {
      const response = await app.graphql(NODE, { id });
      expect(response.body).toEqual({ data: { node: null } });
    }
  });

  it("return null for malformed, unknown-type and wrong-type IDs without errors", async () => {
    app.actAs(a.viewer);
    const ids = [
      "garbage",
      toGlobalId("Spaceship", "1"),
      toGlobalId("Member", a.accountId),
      toGlobalId("Member", "not-a-uuid"),
    ];
    for (const id of ids) {
      const response = await app.graphql(NODE, { id });
      expect(response.body).toEqual({ data: { node: null } });
    }
  });

  it("nodes keeps the order and puts null where an ID is not visible", async () => {
    app.actAs(a.viewer);
    const response = await app.graphql(NODES, {
      ids: [
        toGlobalId("Member", b.memberId),
        toGlobalId("Member", a.memberId),
        "garbage",
        toGlobalId("User", a.userId),
      ],
    });
    expect(response.body.data?.nodes).toEqual([
      null,
      { __typename: "Member", id: toGlobalId("Member", a.memberId) },
      null,
      { __typename: "User", id: toGlobalId("User", a.userId) },
    ]);
  });

  it("external collaborators see only their own member record", async () => {
    const userId = await insertUser(db.dataSource);
    const memberId = await insertMember(db.dataSource, {
      accountId: a.accountId,
      userId,
      role: Role.COLLABORATOR_EXTERNAL,
    });
    app.actAs({ ...a.viewer, userId, memberId, role: Role.COLLABORATOR_EXTERNAL });
    expect(
      (await app.graphql(NODE, { id: toGlobalId("Member", memberId) })).body.data?.node,
    ).not.toBeNull();
    expect(
      (await app.graphql(NODE, { id: toGlobalId("Member", a.memberId) })).body.data?.node,
    ).toBeNull();
  });

  it("signed out, nothing is visible", async () => {
    app.actAs(null);
    expect((await app.graphql(NODE, { id: toGlobalId("Member", a.memberId) })).body).toEqual({
      data: { node: null },
    });
  });
});

describe("viewer", () => {
  it("is null when signed out", async () => {
    app.actAs(null);
    expect((await app.graphql("{ viewer { user { id } } }")).body).toEqual({
      data: { viewer: null },
    });
  });

  it("lists memberships across accounts with a fixed number of SQL statements", async () => {
    const userId = await insertUser(db.dataSource, { name: "Many Hats" });
    const count = async () => {
      const response = await app.graphql<{ viewer: { memberships: unknown[] } }>(
        "{ viewer { user { name } memberships { role account { name handle } user { name } } currentAccount { name seatsUsed } } }",
      );
      expect(response.body.errors).toBeUndefined();
      return {
        memberships: response.body.data!.viewer.memberships.length,
        statements: Number(response.headers.get("x-sql-statements")),
      };
    };
    const firstAccount = await insertAccount(db.dataSource);
    const memberId = await insertMember(db.dataSource, {
      accountId: firstAccount,
      userId,
      role: Role.OWNER,
    });
    app.actAs({
      userId,
      accountId: firstAccount,
      memberId,
      role: Role.OWNER,
      credential: a.viewer.credential,
    });
    await insertMember(db.dataSource, {
      accountId: await insertAccount(db.dataSource),
      userId,
      role: Role.EDITOR,
    });
    const two = await count();
    for (let i = 0; i < 18; i += 1) {
      await insertMember(db.dataSource, {
        accountId: await insertAccount(db.dataSource),
        userId,
        role: Role.VIEWER,
      });
    }
    const twenty = await count();
    expect(two.memberships).toBe(2);
    expect(twenty.memberships).toBe(20);
    expect(twenty.statements).toBe(two.statements);
    // memberships, users, accounts (current, then the memberships'), seats used
    expect(twenty.statements).toBeLessThanOrEqual(5);
  });
});
