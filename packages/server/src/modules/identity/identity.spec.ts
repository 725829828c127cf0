import { Role, toGlobalId } from "@pn/shared";
import { insertAccount, insertMember, insertViewer } from "../../test-support/fixtures";
import { signUpAndVerify, verificationTokenFor } from "../../test-support/sign-up";
import { startTestApp, type TestApp, type TestClient } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import { passwords } from "./password";

let db: TestDatabase;
let app: TestApp;

const SIGN_UP = `mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) { user { id email name } account { id name handle plan seatLimit } verificationEmailSent userErrors { field message code } }
}`;
const VERIFY = `mutation Verify($token: String!) { verifyEmail(input: { token: $token }) { user { email emailVerified } userErrors { field code } } }`;
const LOG_IN = `mutation LogIn($input: LogInInput!) { logIn(input: $input) { user { email } userErrors { field message code } } }`;
const VIEWER = `{ viewer { user { email } currentAccount { id name plan seatsUsed } currentMember { role } memberships { account { id name } } } }`;
const SWITCH = `mutation Switch($id: ID!) { switchAccount(input: { accountId: $id }) { account { name } userErrors { field code } } }`;
const CHANGE_PLAN = `mutation Plan($plan: Plan!) { changePlan(input: { plan: $plan }) { account { plan seatLimit } userErrors { field message code } } }`;
const CREATE_TOKEN = `mutation Token($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { apiToken { id name scopes lastUsedAt revokedAt } secret userErrors { field code } }
}`;
const REVOKE_TOKEN = `mutation Revoke($id: ID!) { revokeApiToken(input: { apiTokenId: $id }) { apiToken { revokedAt } userErrors { field code } } }`;

type SignUpData = {
  signUp: {
    user: { id: string } | null;
    account: { id: string; handle: string } | null;
    userErrors: { field: string[] | null; code: string; message: string }[];
  };
};

let counter = 0;
function nextInput(
  overrides: Partial<Record<"email" | "password" | "name" | "accountName", string>>,
) {
  counter += 1;
  return {
    email: `person${counter}@example.test`,
    password: "correct horse battery",
    name: `Person ${counter}`,
    accountName: "Acme Corp",
    ...overrides,
  };
}

/** signUp as sent, without following the verification email. */
async function rawSignUp(
  client: TestClient,
  overrides: Partial<Record<"email" | "password" | "name" | "accountName", string>> = {},
) {
  const input = nextInput(overrides);
  const response = await client.graphql<SignUpData>(SIGN_UP, { input });
  return { ...response.body.data!.signUp, input };
}

/** A signed-up owner with a session: the verification link followed. */
async function signUp(
  client: TestClient,
  overrides: Partial<Record<"email" | "password" | "name" | "accountName", string>> = {},
) {
  const input = nextInput(overrides);
  const made = await signUpAndVerify(client, db.dataSource, input);
  return {
    user: { id: made.userId },
    account: { id: made.accountId, handle: made.handle },
    userErrors: [],
    input,
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe("signUp", () => {
  it("creates the user, an account with a derived handle, an OWNER membership and a session", async () => {
    const client = app.client();
    const result = await signUp(client, { accountName: "Blue Widgets Ltd." });
    expect(result.userErrors).toEqual([]);
    expect(result.account?.handle).toBe("blue-widgets-ltd");
    const viewer = await client.graphql<{
      viewer: {
        currentMember: { role: string };
        currentAccount: { plan: string; seatsUsed: number };
      };
    }>(VIEWER);
    expect(viewer.body.data?.viewer.currentMember.role).toBe("OWNER");
    expect(viewer.body.data?.viewer.currentAccount).toMatchObject({ plan: "FREE", seatsUsed: 1 });
  });

  it("starts no session; the verification link sets an httpOnly, SameSite=Lax cookie whose secret is stored only hashed", async () => {
    const input = nextInput({ email: "cookie@example.test" });
    const response = await app.client().graphql(SIGN_UP, { input });
    expect(response.headers.get("set-cookie")).toBeNull();
    const verified = await app.client().graphql(VERIFY, {
      token: await verificationTokenFor(db.dataSource, input.email),
    });
    expect(verified.body.data).toEqual({
      verifyEmail: { user: { email: input.email, emailVerified: true }, userErrors: [] },
    });
    const setCookie = verified.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^pn_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // APP_URL is http in tests
    const token = /^pn_session=([^;]+)/.exec(setCookie)![1]!;
    const [{ found }] = await db.dataSource.query(
      "SELECT count(*)::int AS found FROM sessions WHERE encode(token_hash, 'escape') LIKE '%' || $1 || '%' OR encode(token_hash, 'hex') = $1",
      [token],
    );
    expect(found).toBe(0);
  });

  it("gives each account a unique handle", async () => {
    const first = await signUp(app.client(), { accountName: "Same Name" });
    const second = await signUp(app.client(), { accountName: "Same Name" });
    expect(first.account?.handle).toBe("same-name");
    expect(second.account?.handle).toMatch(/^same-name-[0-9a-f]{6}$/);
  });

  it("reports every invalid field at once and creates nothing", async () => {
    const [{ before }] = await db.dataSource.query("SELECT count(*)::int AS before FROM users");
    const result = await rawSignUp(app.client(), {
      email: "not-an-email",
      password: "short",
      name: " ",
      accountName: "",
    });
    expect(result.userErrors.map((error) => [error.field, error.code])).toEqual([
      [["email"], "INVALID"],
      [["password"], "INVALID"],
      [["name"], "INVALID"],
      [["accountName"], "INVALID"],
    ]);
    const [{ after }] = await db.dataSource.query("SELECT count(*)::int AS after FROM users");
    expect(after).toBe(before);
  });

  it("answers an email that exists, whatever its case and spacing, as it answers a new one", async () => {
    await signUp(app.client(), { email: "taken@example.test" });
    const again = await rawSignUp(app.client(), { email: "  TAKEN@Example.test " });
    const fresh = await rawSignUp(app.client(), { email: "fresh-taken@example.test" });
    expect(again.userErrors).toEqual([]);
    const { input: _again, ...againAnswer } = again;
    const { input: _fresh, ...freshAnswer } = fresh;
    expect(againAnswer).toEqual(freshAnswer);
    expect(againAnswer).toEqual({
      user: null,
      account: null,
      verificationEmailSent: true,
      userErrors: [],
    });
  });
});

describe("logIn and logOut", () => {
  it("logs in with a case-insensitive email and ends the session on log out", async () => {
    const { input } = await signUp(app.client(), { email: "login@example.test" });
    const client = app.client();
    const login = await client.graphql<{ logIn: { user: { email: string } } }>(LOG_IN, {
      input: { email: " LOGIN@example.test", password: input.password },
    });
    expect(login.body.data?.logIn.user.email).toBe("login@example.test");
    const oldCookie = client.cookie();
    expect((await client.graphql<{ viewer: unknown }>(VIEWER)).body.data?.viewer).not.toBeNull();

    const logout = await client.graphql<{ logOut: { ok: boolean } }>("mutation { logOut { ok } }");
    expect(logout.body.data?.logOut.ok).toBe(true);
    expect(client.cookie()).toBeUndefined();
    // The old cookie no longer works: the session ended on the server, not only in the browser.
    const replay = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: oldCookie!, "x-test-real-auth": "1" },
      body: JSON.stringify({ query: VIEWER }),
    });
    expect(((await replay.json()) as { data: { viewer: unknown } }).data.viewer).toBeNull();
  });

  it("answers an unknown email and a wrong password alike, both after verifying a password hash", async () => {
    const { input } = await signUp(app.client(), { email: "alike@example.test" });
    const verify = jest.spyOn(passwords, "verify");
    try {
      const unknown = await app
        .client()
        .graphql(LOG_IN, { input: { email: "nobody@example.test", password: input.password } });
      const wrong = await app
        .client()
        .graphql(LOG_IN, { input: { email: input.email, password: "wrong password!" } });
      expect(unknown.body).toEqual(wrong.body);
      expect(unknown.body).toEqual({
        data: {
          logIn: {
            user: null,
            userErrors: [{ field: null, code: "BAD_CREDENTIALS", message: expect.any(String) }],
          },
        },
      });
      expect(verify).toHaveBeenCalledTimes(2);
    } finally {
      verify.mockRestore();
    }
  });
});

describe("switchAccount", () => {
  it("moves the session to another account of the user and refuses others as NOT_FOUND", async () => {
    const client = app.client();
    const { user } = await signUp(client, { accountName: "Home Base" });
    const userId = (
      await db.dataSource.query("SELECT id FROM users WHERE name = $1", [`Person ${counter}`])
    )[0].id;
    const second = await insertAccount(db.dataSource, { name: "Second Home" });
    await insertMember(db.dataSource, { accountId: second, userId, role: Role.EDITOR });
    const archived = await insertAccount(db.dataSource, { name: "Archived Home" });
    await insertMember(db.dataSource, {
      accountId: archived,
      userId,
      role: Role.EDITOR,
      status: "ARCHIVED" as never,
    });
    const stranger = await insertAccount(db.dataSource, { name: "Not Yours" });
    expect(user).not.toBeNull();

    const viewer = await client.graphql<{
      viewer: { memberships: { account: { name: string } }[] };
    }>(VIEWER);
    expect(viewer.body.data?.viewer.memberships.map((m) => m.account.name).sort()).toEqual([
      "Home Base",
      "Second Home",
    ]);

    const switched = await client.graphql<{ switchAccount: { account: { name: string } } }>(
      SWITCH,
      { id: toGlobalId("Account", second) },
    );
    expect(switched.body.data?.switchAccount.account.name).toBe("Second Home");
    const now = await client.graphql<{
      viewer: { currentAccount: { name: string }; currentMember: { role: string } };
    }>(VIEWER);
    expect(now.body.data?.viewer.currentAccount.name).toBe("Second Home");
    expect(now.body.data?.viewer.currentMember.role).toBe("EDITOR");

    for (const id of [
      toGlobalId("Account", stranger),
      toGlobalId("Account", archived),
      toGlobalId("Member", second),
      "junk",
    ]) {
      const refused = await client.graphql<{ switchAccount: unknown }>(SWITCH, { id });
      expect(refused.body.data?.switchAccount).toEqual({
        account: null,
        userErrors: [{ field: ["accountId"], code: "NOT_FOUND" }],
      });
    }
    const still = await client.graphql<{ viewer: { currentAccount: { name: string } } }>(VIEWER);
    expect(still.body.data?.viewer.currentAccount.name).toBe("Second Home");
  });

  it("needs a signed-in viewer (UNAUTHENTICATED)", async () => {
    const response = await app
      .client()
      .graphql(SWITCH, { id: toGlobalId("Account", "00000000-0000-4000-8000-000000000000") });
    expect(response.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("changePlan", () => {
  it("lets the owner change plan and refuses a plan below the seats in use with the numbers", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    for (let i = 0; i < 4; i += 1) {
      const member = await insertViewer(db.dataSource, Role.VIEWER, owner.accountId);
      expect(member.accountId).toBe(owner.accountId);
    }
    app.actAs(owner.viewer);
    const toTeam = await app.graphql<{
      changePlan: { account: { plan: string; seatLimit: number } };
    }>(CHANGE_PLAN, { plan: "TEAM" });
    expect(toTeam.body.data?.changePlan.account).toEqual({ plan: "TEAM", seatLimit: 10 });
    const toFree = await app.graphql<{
      changePlan: {
        account: null;
        userErrors: { field: string[]; code: string; message: string }[];
      };
    }>(CHANGE_PLAN, { plan: "FREE" });
    expect(toFree.body.data?.changePlan.account).toBeNull();
    expect(toFree.body.data?.changePlan.userErrors[0]).toMatchObject({
      field: ["plan"],
      code: "INVALID_STATE",
    });
    expect(toFree.body.data?.changePlan.userErrors[0]?.message).toMatch(/3 seats but 5 are in use/);
    const [{ plan }] = await db.dataSource.query("SELECT plan FROM accounts WHERE id = $1", [
      owner.accountId,
    ]);
    expect(plan).toBe("TEAM");
  });

  it.each([Role.ADMINISTRATOR, Role.EDITOR, Role.VIEWER, Role.COLLABORATOR_EXTERNAL, Role.CLIENT])(
    "is FORBIDDEN for %s",
    async (role) => {
      const { viewer } = await insertViewer(db.dataSource, role);
      app.actAs(viewer);
      const response = await app.graphql(CHANGE_PLAN, { plan: "ENTERPRISE" });
      expect(response.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    },
  );
});

describe("API tokens", () => {
  it("creates a token shown once, authenticates with it, and stops it at once when revoked", async () => {
    const admin = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
    app.actAs(admin.viewer);
    const created = await app.graphql<{
      createApiToken: { apiToken: { id: string; scopes: string[] }; secret: string };
    }>(CREATE_TOKEN, {
      input: { name: " CRM sync ", scopes: ["WRITE", "READ", "READ"] },
    });
    const { apiToken, secret } = created.body.data!.createApiToken;
    expect(secret).toMatch(/^pn_[A-Za-z0-9_-]{43}$/);
    expect(apiToken.scopes).toEqual(["READ", "WRITE"]);
    const stored = JSON.stringify(await db.dataSource.query("SELECT * FROM api_tokens"));
    expect(stored).not.toContain(secret.slice(3));

    const partner = app.client();
    partner.setBearer(secret);
    const read = await partner.graphql<{ viewer: { currentAccount: { id: string } } }>(VIEWER);
    expect(read.body.data?.viewer.currentAccount.id).toBe(toGlobalId("Account", admin.accountId));
    const [{ last_used_at }] = await db.dataSource.query(
      "SELECT last_used_at FROM api_tokens WHERE name = 'CRM sync'",
    );
    expect(last_used_at).toBeInstanceOf(Date);

    const list = await app.graphql<{
      viewer: { currentAccount: { apiTokens: { name: string; lastUsedAt: string | null }[] } };
    }>("{ viewer { currentAccount { apiTokens { name lastUsedAt } } } }");
    expect(list.body.data?.viewer.currentAccount.apiTokens).toEqual([
      { name: "CRM sync", lastUsedAt: expect.any(String) },
    ]);

    const revoked = await app.graphql<{ revokeApiToken: { apiToken: { revokedAt: string } } }>(
      REVOKE_TOKEN,
      { id: apiToken.id },
    );
    expect(revoked.body.data?.revokeApiToken.apiToken.revokedAt).toEqual(expect.any(String));
    const refused = await partner.graphql(VIEWER);
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("lets a READ token query but not mutate (FORBIDDEN)", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(owner.viewer);
    const created = await app.graphql<{ createApiToken: { secret: string } }>(CREATE_TOKEN, {
      input: { name: "reader", scopes: ["READ"] },
    });
    const reader = app.client();
    reader.setBearer(created.body.data!.createApiToken.secret);
    expect((await reader.graphql<{ viewer: unknown }>(VIEWER)).body.data?.viewer).not.toBeNull();
    const mutation = await reader.graphql(CHANGE_PLAN, { plan: "TEAM" });
    expect(mutation.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const [{ plan }] = await db.dataSource.query("SELECT plan FROM accounts WHERE id = $1", [
      owner.accountId,
    ]);
    expect(plan).toBe("FREE");
  });

  it("refuses made-up bearer tokens with UNAUTHENTICATED", async () => {
    for (const token of ["pn_made-up", "not-even-prefixed", ""]) {
      const client = app.client();
      client.setBearer(token || "   ");
      const response = await client.graphql(VIEWER);
      expect(response.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
  });

  it("reports invalid names and empty scopes as userErrors", async () => {
    const { viewer } = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(viewer);
    const response = await app.graphql<{
      createApiToken: { userErrors: { field: string[]; code: string }[]; secret: null };
    }>(CREATE_TOKEN, { input: { name: "  ", scopes: [] } });
    expect(response.body.data?.createApiToken.secret).toBeNull();
    expect(response.body.data?.createApiToken.userErrors).toEqual([
      { field: ["name"], code: "INVALID" },
      { field: ["scopes"], code: "INVALID" },
    ]);
  });

  it.each([Role.EDITOR, Role.VIEWER])("is FORBIDDEN for %s to create or list", async (role) => {
    const { viewer } = await insertViewer(db.dataSource, role);
    app.actAs(viewer);
    expect(
      (await app.graphql(CREATE_TOKEN, { input: { name: "x", scopes: ["READ"] } })).body.errors?.[0]
        ?.extensions?.code,
    ).toBe("FORBIDDEN");
    expect(
      (await app.graphql("{ viewer { currentAccount { apiTokens { id } } } }")).body.errors?.[0]
        ?.extensions?.code,
    ).toBe("FORBIDDEN");
  });
});

describe("tenant isolation", () => {
  it("another account's IDs leak nothing through any identity operation", async () => {
    const a = await insertViewer(db.dataSource, Role.OWNER);
    const b = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(b.viewer);
    const bToken = await app.graphql<{ createApiToken: { apiToken: { id: string } } }>(
      CREATE_TOKEN,
      {
        input: { name: "B's token", scopes: ["READ"] },
      },
    );
    const bTokenId = bToken.body.data!.createApiToken.apiToken.id;

    app.actAs(a.viewer);
    expect((await app.graphql(REVOKE_TOKEN, { id: bTokenId })).body.data).toEqual({
      revokeApiToken: {
        apiToken: null,
        userErrors: [{ field: ["apiTokenId"], code: "NOT_FOUND" }],
      },
    });
    expect(
      (await app.graphql(SWITCH, { id: toGlobalId("Account", b.accountId) })).body.data,
    ).toEqual({
      switchAccount: { account: null, userErrors: [{ field: ["accountId"], code: "NOT_FOUND" }] },
    });
    for (const id of [
      bTokenId,
      toGlobalId("Account", b.accountId),
      toGlobalId("Member", b.memberId),
      toGlobalId("User", b.userId),
    ]) {
      expect((await app.graphql("query($id: ID!) { node(id: $id) { id } }", { id })).body).toEqual({
        data: { node: null },
      });
    }
    const [{ revoked_at }] = await db.dataSource.query(
      "SELECT revoked_at FROM api_tokens WHERE name = $1",
      ["B's token"],
    );
    expect(revoked_at).toBeNull();
  });
});
