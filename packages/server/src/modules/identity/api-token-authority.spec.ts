/**
 * Authority follows the person: an API token acts with its creator's current membership,
 * is revoked (with the reason in the audit log) the moment that membership no longer
 * carries it, stays revoked on restore, may expire, and cannot mint tokens.
 */
import { MemberType, Role, toGlobalId } from "@pn/shared";
import { randomBytes } from "node:crypto";
import { clock } from "../../clock";
import { insertMember, insertUser, insertViewer } from "../../test-support/fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import type { Viewer } from "../../graphql/context";
import { hashSecret } from "../../crypto/secret-token";

let db: TestDatabase;
let app: TestApp;

const CREATE_TOKEN = `mutation Create($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { apiToken { id name expiresAt lastUsedAt } secret userErrors { field message code } }
}`;
const REVOKE_TOKEN = `mutation Revoke($id: ID!) { revokeApiToken(input: { apiTokenId: $id }) { apiToken { revokedAt } userErrors { field message code } } }`;
const UPDATE_MEMBER = `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { member { id role canLogin } userErrors { field code } } }`;
const ARCHIVE = `mutation($ids: [ID!]!) { archiveMembers(input: { memberIds: $ids }) { userErrors { code } } }`;
const RESTORE = `mutation($ids: [ID!]!) { restoreMembers(input: { memberIds: $ids }) { userErrors { code } } }`;
const VIEWER = "{ viewer { currentAccount { id } } }";

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
});

afterAll(async () => {
  clock.reset();
  await app?.close();
  await db?.drop();
});

afterEach(() => clock.reset());

/** An account whose owner acts, with an administrator who created a token of these scopes. */
async function adminWithToken(scopes: string[] = ["READ", "WRITE"]) {
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
    credential: { kind: "session", sessionId: randomBytes(16).toString("hex") },
  };
  const token = await createToken(admin, { name: `t-${scopes.join("-")}`, scopes });
  app.actAs(owner.viewer);
  return { owner, admin, adminId, ...token };
}

async function createToken(
  as: Viewer,
  input: { name: string; scopes: string[]; expiresAt?: string },
): Promise<{ secret: string; tokenId: string }> {
  app.actAs(as);
  const created = await app.graphql<{
    createApiToken: { apiToken: { id: string }; secret: string };
  }>(CREATE_TOKEN, { input });
  const { apiToken, secret } = created.body.data!.createApiToken;
  return { secret, tokenId: apiToken.id };
}

async function works(secret: string): Promise<boolean> {
  const client = app.client();
  client.setBearer(secret);
  const response = await client.graphql(VIEWER);
  return response.status === 200 && !response.body.errors;
}

async function revocationReasons(accountId: string): Promise<unknown[]> {
  const rows = await db.dataSource.query(
    "SELECT details FROM audit_events WHERE account_id = $1 AND action = 'api_token.revoked' ORDER BY created_at",
    [accountId],
  );
  return rows.map((row: { details: { reason: string } }) => row.details.reason);
}

describe("an API token follows its creator's membership", () => {
  it("stops the moment the creator's login is withdrawn, and does not revive when it is given back", async () => {
    const { owner, adminId, secret } = await adminWithToken();
    expect(await works(secret)).toBe(true);

    const off = await app.graphql<{ updateMember: { userErrors: unknown[] } }>(UPDATE_MEMBER, {
      input: { memberId: toGlobalId("Member", adminId), canLogin: false },
    });
    expect(off.body.data?.updateMember.userErrors).toEqual([]);
    expect(await works(secret)).toBe(false);
    expect(await revocationReasons(owner.accountId)).toEqual(["creator_login_withdrawn"]);

    await app.graphql(UPDATE_MEMBER, {
      input: { memberId: toGlobalId("Member", adminId), canLogin: true },
    });
    expect(await works(secret)).toBe(false);
  });

  it("stops when the creator is archived and stays revoked after a restore", async () => {
    const { owner, adminId, secret } = await adminWithToken();
    const ids = [toGlobalId("Member", adminId)];
    expect((await app.graphql(ARCHIVE, { ids })).body.data).toEqual({
      archiveMembers: { userErrors: [] },
    });
    expect(await works(secret)).toBe(false);
    expect((await app.graphql(RESTORE, { ids })).body.data).toEqual({
      restoreMembers: { userErrors: [] },
    });
    expect(await works(secret)).toBe(false);
    const [row] = await db.dataSource.query(
      "SELECT revoked_at FROM api_tokens WHERE token_hash = $1",
      [hashSecret(secret)],
    );
    expect(row.revoked_at).toBeInstanceOf(Date);
    expect(await revocationReasons(owner.accountId)).toEqual(["creator_archived"]);
  });

  it("stops a WRITE token when the creator is demoted below the role that may write, and keeps a READ token", async () => {
    const { owner, admin, adminId, secret: writer } = await adminWithToken(["READ", "WRITE"]);
    const { secret: reader } = await createToken(admin, { name: "reader", scopes: ["READ"] });
    app.actAs(owner.viewer);
    // An editor may still write: nothing is revoked.
    await app.graphql(UPDATE_MEMBER, {
      input: { memberId: toGlobalId("Member", adminId), role: "EDITOR" },
    });
    expect(await works(writer)).toBe(true);
    expect(await revocationReasons(owner.accountId)).toEqual([]);

    await app.graphql(UPDATE_MEMBER, {
      input: { memberId: toGlobalId("Member", adminId), role: "VIEWER" },
    });
    expect(await works(writer)).toBe(false);
    expect(await works(reader)).toBe(true);
    expect(await revocationReasons(owner.accountId)).toEqual(["creator_role_changed"]);
    // Promoted again, the revoked token stays revoked.
    await app.graphql(UPDATE_MEMBER, {
      input: { memberId: toGlobalId("Member", adminId), role: "ADMINISTRATOR" },
    });
    expect(await works(writer)).toBe(false);
  });

  it("is revoked when its creator is removed with their client record (reason creator_removed)", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    const userId = await insertUser(db.dataSource);
    const memberId = await insertMember(db.dataSource, {
      accountId: owner.accountId,
      userId,
      role: Role.CLIENT,
      type: MemberType.EXTERNAL,
    });
    const [client] = await db.dataSource.query(
      "INSERT INTO clients (account_id, type, name, email, member_id, status) VALUES ($1, 'PERSON', 'C', 'c@example.test', $2, 'ACTIVE') RETURNING id",
      [owner.accountId, memberId],
    );
    // No role below EDITOR may create one; stored directly to prove the removal path revokes any.
    await db.dataSource.query(
      "INSERT INTO api_tokens (account_id, created_by_member_id, name, scopes, token_hash) VALUES ($1, $2, 'legacy', '{READ}', $3)",
      [owner.accountId, memberId, randomBytes(32)],
    );
    app.actAs(owner.viewer);
    const removed = await app.graphql<{ removeClientFromNetwork: { userErrors: unknown[] } }>(
      `mutation($id: ID!) { removeClientFromNetwork(input: { clientId: $id }) { userErrors { code } } }`,
      { id: toGlobalId("Client", client.id) },
    );
    expect(removed.body.data?.removeClientFromNetwork.userErrors).toEqual([]);
    const [row] = await db.dataSource.query(
      "SELECT revoked_at FROM api_tokens WHERE created_by_member_id = $1",
      [memberId],
    );
    expect(row.revoked_at).toBeInstanceOf(Date);
    expect(await revocationReasons(owner.accountId)).toEqual(["creator_removed"]);
  });

  it("checks the membership on every use too, even where no revocation ran", async () => {
    const { adminId, secret } = await adminWithToken(["READ", "WRITE"]);
    await db.dataSource.query("UPDATE members SET can_login = false WHERE id = $1", [adminId]);
    expect(await works(secret)).toBe(false);
    await db.dataSource.query(
      "UPDATE members SET can_login = true, role = 'VIEWER' WHERE id = $1",
      [adminId],
    );
    // A VIEWER holds READ but not WRITE: the token's scopes exceed the role.
    expect(await works(secret)).toBe(false);
    await db.dataSource.query("UPDATE members SET role = 'ADMINISTRATOR' WHERE id = $1", [adminId]);
    expect(await works(secret)).toBe(true);
  });
});

describe("API token expiry", () => {
  it("refuses an expiry in the past or more than a year ahead", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(owner.viewer);
    for (const expiresAt of [
      new Date(Date.now() - 60_000).toISOString(),
      new Date(Date.now() + 400 * 24 * 60 * 60 * 1000).toISOString(),
    ]) {
      const response = await app.graphql<{
        createApiToken: { apiToken: null; userErrors: { field: string[]; code: string }[] };
      }>(CREATE_TOKEN, { input: { name: "x", scopes: ["READ"], expiresAt } });
      expect(response.body.data?.createApiToken).toMatchObject({
        apiToken: null,
        userErrors: [{ field: ["expiresAt"], code: "INVALID" }],
      });
    }
    const [{ count }] = await db.dataSource.query(
      "SELECT count(*)::int AS count FROM api_tokens WHERE account_id = $1",
      [owner.accountId],
    );
    expect(count).toBe(0);
  });

  it("works until its expiry and is refused once past it; the list shows expiry and last use", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    const expiresAt = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000);
    const { secret } = await createToken(owner.viewer, {
      name: "monthly",
      scopes: ["READ"],
      expiresAt: expiresAt.toISOString(),
    });
    expect(await works(secret)).toBe(true);
    const list = await app.graphql<{
      viewer: {
        currentAccount: { apiTokens: { expiresAt: string; lastUsedAt: string | null }[] };
      };
    }>("{ viewer { currentAccount { apiTokens { expiresAt lastUsedAt } } } }");
    expect(list.body.data?.viewer.currentAccount.apiTokens).toEqual([
      { expiresAt: expiresAt.toISOString(), lastUsedAt: expect.any(String) },
    ]);
    clock.advance(31 * 24 * 60 * 60 * 1000);
    expect(await works(secret)).toBe(false);
  });
});

describe("an API token cannot manage API tokens", () => {
  it("refuses createApiToken and revokeApiToken from a WRITE token, saying a person must sign in", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    const { secret, tokenId } = await createToken(owner.viewer, {
      name: "automation",
      scopes: ["READ", "WRITE"],
    });
    const client = app.client();
    client.setBearer(secret);
    const minted = await client.graphql<{
      createApiToken: {
        apiToken: null;
        secret: null;
        userErrors: { code: string; message: string }[];
      };
    }>(CREATE_TOKEN, { input: { name: "child", scopes: ["READ"] } });
    expect(minted.body.data?.createApiToken).toEqual({
      apiToken: null,
      secret: null,
      userErrors: [
        {
          field: null,
          code: "FORBIDDEN",
          message: expect.stringMatching(/API token cannot create or revoke API tokens; sign in/),
        },
      ],
    });
    const revoked = await client.graphql<{ revokeApiToken: { userErrors: { code: string }[] } }>(
      REVOKE_TOKEN,
      { id: tokenId },
    );
    expect(revoked.body.data?.revokeApiToken.userErrors[0]?.code).toBe("FORBIDDEN");
    const [{ count, revoked: revokedCount }] = await db.dataSource.query(
      "SELECT count(*)::int AS count, count(revoked_at)::int AS revoked FROM api_tokens WHERE account_id = $1",
      [owner.accountId],
    );
    expect({ count, revokedCount }).toEqual({ count: 1, revokedCount: 0 });
    expect(await works(secret)).toBe(true);
  });
});
