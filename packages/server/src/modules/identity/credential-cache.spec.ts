/**
 * The credential cache (SECURITY.md "Credential cache"): two apps on one database, each
 * with its own cache and LISTEN connection, stand for two server processes. A change made
 * through A is refused or reflected on B's very next request; a cache that cannot hear
 * the notifications (no listener yet, or one that was lost) vouches for nothing. With the
 * notifications switched off, the re-check in the BEGIN round trip still refuses a revoked
 * credential and applies a new role at once: only an account's name and plan wait for them.
 */
import { Role, toGlobalId } from "@pn/shared";
import { clock } from "../../clock";
import { insertMember, insertUser, insertViewer } from "../../test-support/fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import { waitFor } from "../../test-support/wait-for";
import { credentialNotificationsDrained } from "../../test-support/credential-notifications";
import type { Viewer } from "../../graphql/context";
import { SESSION_COOKIE, sessionsService } from "./sessions.service";

let db: TestDatabase;
let a: TestApp;
let b: TestApp;

const CREATE_TOKEN = `mutation Create($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { apiToken { id } secret userErrors { code } }
}`;
const REVOKE_TOKEN = `mutation Revoke($id: ID!) { revokeApiToken(input: { apiTokenId: $id }) { userErrors { code } } }`;
const UPDATE_MEMBER = `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { userErrors { field code } } }`;
const END_SESSION = `mutation($id: ID!) { endSession(input: { sessionId: $id }) { userErrors { code } } }`;
const WHO = "{ viewer { currentAccount { id } currentMember { role } } }";
type Who = {
  viewer: { currentAccount: { id: string } | null; currentMember: { role: Role } | null };
};

beforeAll(async () => {
  db = await createTestDatabase();
  [a, b] = await Promise.all([startTestApp(db.dataSource), startTestApp(db.dataSource)]);
  await waitFor("both listeners", () =>
    a.credentialCache.vouching && b.credentialCache.vouching ? true : undefined,
  );
});

afterAll(async () => {
  clock.reset();
  await a?.close();
  await b?.close();
  await db?.drop();
});

afterEach(() => clock.reset());

/** An owner (acting on A) and an administrator with a token of both scopes. */
async function adminWithToken() {
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
    credential: { kind: "session", sessionId: crypto.randomUUID() },
  };
  a.actAs(admin);
  const created = await a.graphql<{
    createApiToken: { apiToken: { id: string }; secret: string };
  }>(CREATE_TOKEN, { input: { name: "sync", scopes: ["READ", "WRITE"] } });
  const { apiToken, secret } = created.body.data!.createApiToken;
  a.actAs(owner.viewer);
  return { owner, admin, adminId, adminUserId, secret, tokenId: apiToken.id };
}

async function asBearer(app: TestApp, secret: string) {
  const client = app.client();
  client.setBearer(secret);
  return client.graphql<Who>(WHO);
}

/** A request on `app` with this session cookie, through real authentication. */
async function asSession(app: TestApp, token: string) {
  const response = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-test-real-auth": "1",
      cookie: `${SESSION_COOKIE}=${token}`,
    },
    body: JSON.stringify({ query: WHO }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: Who },
    clearsCookie: response.headers
      .getSetCookie()
      .some((header) => header.startsWith(`${SESSION_COOKIE}=;`)),
  };
}

/** The account's name as `app` answers it to this credential. */
async function accountNameFor(app: TestApp, credential: { bearer: string }): Promise<string> {
  const client = app.client();
  client.setBearer(credential.bearer);
  const response = await client.graphql<{ viewer: { currentAccount: { name: string } } }>(
    "{ viewer { currentAccount { name } } }",
  );
  return response.body.data!.viewer.currentAccount.name;
}

async function currentName(accountId: string): Promise<string> {
  const [row] = (await db.dataSource.query("SELECT name FROM accounts WHERE id = $1", [
    accountId,
  ])) as { name: string }[];
  return row!.name;
}

/** Runs `work` with the notification triggers off: only the cache's own rules protect then. */
async function withoutNotifications(work: () => Promise<void>): Promise<void> {
  const tables = ["api_tokens", "sessions", "members", "users", "accounts"];
  for (const table of tables)
    await db.dataSource.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
  try {
    await work();
  } finally {
    for (const table of tables)
      await db.dataSource.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
  }
}

async function listenerPids(): Promise<number[]> {
  const rows: { pid: number }[] = await db.dataSource.query(
    `SELECT pid FROM pg_stat_activity
     WHERE datname = current_database() AND application_name = 'partner-network-listen'`,
  );
  return rows.map((row) => row.pid);
}

describe("credential cache across processes", () => {
  it("answers from memory, and still refuses a token revoked with no notification at B's next request (the re-check with BEGIN)", async () => {
    const { owner, secret } = await adminWithToken();
    // The setup's own notifications (its members) must not drop what B is about to keep.
    await credentialNotificationsDrained(db.dataSource);
    expect(await accountNameFor(b, { bearer: secret })).toBe(await currentName(owner.accountId));
    await withoutNotifications(async () => {
      // A rename nobody announces: B answers its memory of the account, so memory is in use...
      await db.dataSource.query("UPDATE accounts SET name = 'Unannounced' WHERE id = $1", [
        owner.accountId,
      ]);
      expect(await accountNameFor(b, { bearer: secret })).not.toBe("Unannounced");
      // ...and a revocation nobody announces is refused all the same, then forgotten.
      await db.dataSource.query(
        "UPDATE api_tokens SET revoked_at = now() WHERE token_hash = sha256($1::text::bytea)",
        [secret],
      );
      expect((await asBearer(b, secret)).status).toBe(401);
      expect((await asBearer(b, secret)).status).toBe(401);
    });
  });

  it("applies a role change no notification announced to B's very next answer", async () => {
    const { owner, adminId, secret } = await adminWithToken();
    const session = await sessionsService.create(
      db.dataSource.manager,
      (await adminOf(secret))!.userId,
      owner.accountId,
    );
    await credentialNotificationsDrained(db.dataSource);
    expect((await asSession(b, session.token)).body.data?.viewer.currentMember?.role).toBe(
      Role.ADMINISTRATOR,
    );
    await withoutNotifications(async () => {
      await db.dataSource.query("UPDATE members SET role = $2 WHERE id = $1", [
        adminId,
        Role.EDITOR,
      ]);
      expect((await asSession(b, session.token)).body.data?.viewer.currentMember?.role).toBe(
        Role.EDITOR,
      );
      // The token's creator no longer holds the role it was made with: B refuses it at once.
      expect((await asBearer(b, secret)).status).toBe(200);
      await db.dataSource.query("UPDATE members SET can_login = false WHERE id = $1", [adminId]);
      expect((await asBearer(b, secret)).status).toBe(401);
      const signedOut = await asSession(b, session.token);
      expect(signedOut.body.data?.viewer?.currentAccount ?? null).toBeNull();
    });
  });

  it("signs a session out at B's next request when it ended with no notification", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    const session = await sessionsService.create(
      db.dataSource.manager,
      owner.userId,
      owner.accountId,
    );
    await credentialNotificationsDrained(db.dataSource);
    expect((await asSession(b, session.token)).body.data?.viewer.currentAccount?.id).toBe(
      toGlobalId("Account", owner.accountId),
    );
    await withoutNotifications(async () => {
      await db.dataSource.query("DELETE FROM sessions WHERE id = $1", [session.id]);
      const next = await asSession(b, session.token);
      expect(next.status).toBe(200);
      expect(next.body.data?.viewer ?? null).toBeNull();
      expect(next.clearsCookie).toBe(true);
    });
  });

  it("refuses to replay an idempotent answer to a token revoked with no notification", async () => {
    const { secret } = await adminWithToken();
    const key = crypto.randomUUID();
    const send = () =>
      fetch(`${b.url}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-test-real-auth": "1",
          authorization: `Bearer ${secret}`,
          "idempotency-key": key,
        },
        body: JSON.stringify({
          query: `mutation { updateAccount(input: { name: "Replayed Company" }) { userErrors { code } } }`,
        }),
      });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    await withoutNotifications(async () => {
      await db.dataSource.query(
        "UPDATE api_tokens SET revoked_at = now() WHERE token_hash = sha256($1::text::bytea)",
        [secret],
      );
      expect((await send()).status).toBe(401);
    });
  });

  it("refuses a token on B at its next request after A revoked it", async () => {
    const { secret, tokenId } = await adminWithToken();
    expect((await asBearer(b, secret)).status).toBe(200);
    expect((await asBearer(b, secret)).status).toBe(200);
    a.actAs((await adminOf(secret))!);
    const revoked = await a.graphql<{ revokeApiToken: { userErrors: unknown[] } }>(REVOKE_TOKEN, {
      id: tokenId,
    });
    expect(revoked.body.data?.revokeApiToken.userErrors).toEqual([]);
    const next = await asBearer(b, secret);
    expect(next.status).toBe(401);
  });

  it("refuses a token whose expiry passed while it was in memory", async () => {
    const { secret } = await adminWithToken();
    await db.dataSource.query(
      "UPDATE api_tokens SET expires_at = now() + interval '1 day' WHERE token_hash = sha256($1::text::bytea)",
      [secret],
    );
    expect((await asBearer(b, secret)).status).toBe(200);
    clock.advance(2 * 24 * 60 * 60 * 1000);
    expect((await asBearer(b, secret)).status).toBe(401);
  });

  it("shows a role change made on A in B's next answer, and refuses a token once its creator's login is off", async () => {
    const { owner, secret, adminId } = await adminWithToken();
    const session = await sessionsService.create(
      db.dataSource.manager,
      (await adminOf(secret))!.userId,
      owner.accountId,
    );
    expect((await asSession(b, session.token)).body.data?.viewer.currentMember?.role).toBe(
      Role.ADMINISTRATOR,
    );
    a.actAs(owner.viewer);
    await a.graphql(UPDATE_MEMBER, {
      input: { memberId: toGlobalId("Member", adminId), role: Role.EDITOR },
    });
    expect((await asSession(b, session.token)).body.data?.viewer.currentMember?.role).toBe(
      Role.EDITOR,
    );

    // Login off (which also ends their sessions in the account): B's session acts in no account, the token is refused.
    expect((await asBearer(b, secret)).status).toBe(200);
    const off = await a.graphql<{ updateMember: { userErrors: unknown[] } }>(UPDATE_MEMBER, {
      input: { memberId: toGlobalId("Member", adminId), canLogin: false },
    });
    expect(off.body.data?.updateMember.userErrors).toEqual([]);
    const signedOut = await asSession(b, session.token);
    expect(signedOut.body.data?.viewer?.currentAccount ?? null).toBeNull();
    expect((await asBearer(b, secret)).status).toBe(401);
  });

  it("answers the account the credential read with it, and shows a rename made on A in B's next answer", async () => {
    const { owner, secret } = await adminWithToken();
    const session = await sessionsService.create(
      db.dataSource.manager,
      owner.userId,
      owner.accountId,
    );
    const NAME = "{ viewer { currentAccount { name handle plan } } }";
    type Named = { viewer: { currentAccount: { name: string; handle: string; plan: string } } };
    const byBearer = () => {
      const client = b.client();
      client.setBearer(secret);
      return client.graphql<Named>(NAME);
    };
    const bySession = () =>
      fetch(`${b.url}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-test-real-auth": "1",
          cookie: `${SESSION_COOKIE}=${session.token}`,
        },
        body: JSON.stringify({ query: NAME }),
      }).then(async (response) => ((await response.json()) as { data: Named }).data);
    const before = (await byBearer()).body.data!.viewer.currentAccount;
    expect((await bySession()).viewer.currentAccount).toEqual(before);
    a.actAs(owner.viewer);
    const renamed = await a.graphql<{ updateAccount: { userErrors: unknown[] } }>(
      `mutation { updateAccount(input: { name: "Renamed Company", handle: "renamed-${owner.accountId.slice(0, 8)}" }) { userErrors { code } } }`,
    );
    expect(renamed.body.data?.updateAccount.userErrors).toEqual([]);
    const after = {
      ...before,
      name: "Renamed Company",
      handle: `renamed-${owner.accountId.slice(0, 8)}`,
    };
    expect((await byBearer()).body.data!.viewer.currentAccount).toEqual(after);
    expect((await bySession()).viewer.currentAccount).toEqual(after);
  });

  it("signs B's session out at its next request after it was ended on A", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    const session = await sessionsService.create(
      db.dataSource.manager,
      owner.userId,
      owner.accountId,
    );
    expect((await asSession(b, session.token)).body.data?.viewer.currentAccount?.id).toBe(
      toGlobalId("Account", owner.accountId),
    );
    a.actAs({ ...owner.viewer, credential: { kind: "session", sessionId: crypto.randomUUID() } });
    const ended = await a.graphql<{ endSession: { userErrors: unknown[] } }>(END_SESSION, {
      id: toGlobalId("Session", session.id),
    });
    expect(ended.body.data?.endSession.userErrors).toEqual([]);
    const next = await asSession(b, session.token);
    expect(next.body.data?.viewer ?? null).toBeNull();
  });
});

describe("credential cache without its listener", () => {
  it("looks every credential up while the listener is not connected", async () => {
    const blind = await startTestApp(db.dataSource, {
      // Nothing listens there: this app never hears a notification.
      env: { DATABASE_LISTEN_URL: "postgres://nobody@127.0.0.1:1/none" },
    });
    try {
      const { secret } = await adminWithToken();
      expect((await asBearer(blind, secret)).status).toBe(200);
      expect(blind.credentialCache.vouching).toBe(false);
      await withoutNotifications(async () => {
        await db.dataSource.query(
          "UPDATE api_tokens SET revoked_at = now() WHERE token_hash = sha256($1::text::bytea)",
          [secret],
        );
        expect((await asBearer(blind, secret)).status).toBe(401);
      });
    } finally {
      await blind.close();
    }
  });

  it("forgets everything when its listener was lost, before it vouches again", async () => {
    // A rename is what only the notifications carry (the re-check with BEGIN covers authority).
    const { owner, secret } = await adminWithToken();
    await credentialNotificationsDrained(db.dataSource);
    expect(await accountNameFor(b, { bearer: secret })).toBe(await currentName(owner.accountId));
    await withoutNotifications(async () => {
      await db.dataSource.query("UPDATE accounts SET name = 'Renamed Unheard' WHERE id = $1", [
        owner.accountId,
      ]);
      expect(await accountNameFor(b, { bearer: secret })).not.toBe("Renamed Unheard");
      const lost = await listenerPids();
      await db.dataSource.query("SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid", [
        lost,
      ]);
      await waitFor("the listeners to come back", async () => {
        const now = await listenerPids();
        return now.length === 2 &&
          now.every((pid) => !lost.includes(pid)) &&
          a.credentialCache.vouching &&
          b.credentialCache.vouching
          ? true
          : undefined;
      });
      expect(await accountNameFor(b, { bearer: secret })).toBe("Renamed Unheard");
    });
  });
});

/** The admin behind a token, as a session viewer (to act on A as them). */
async function adminOf(secret: string): Promise<Viewer | null> {
  const [row] = (await db.dataSource.query(
    `SELECT m.id, m.user_id, m.account_id, m.role FROM api_tokens t JOIN members m ON m.id = t.created_by_member_id
     WHERE t.token_hash = sha256($1::text::bytea)`,
    [secret],
  )) as { id: string; user_id: string; account_id: string; role: Role }[];
  if (!row) return null;
  return {
    userId: row.user_id,
    accountId: row.account_id,
    memberId: row.id,
    role: row.role,
    credential: { kind: "session", sessionId: crypto.randomUUID() },
  };
}
