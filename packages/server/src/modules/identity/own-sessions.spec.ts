import { fromGlobalId, Role, toGlobalId } from "@pn/shared";
import { randomUUID } from "node:crypto";
import { browser, type Browser } from "../../test-support/browser";
import { insertAccount, insertMember, insertUser } from "../../test-support/fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import { passwords } from "./password";

let db: TestDatabase;
let app: TestApp;
const PASSWORD = "correct horse battery";

type UserErrorShape = { field: string[] | null; code: string; message: string };
type SessionShape = {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
};

const LOG_IN = `mutation LogIn($input: LogInInput!) { logIn(input: $input) { userErrors { code } } }`;
const VIEWER = `{ viewer { user { email } } }`;
const SESSIONS = `{ viewer { sessions { id createdAt lastSeenAt expiresAt userAgent ip current } } }`;
const END = `mutation End($id: ID!) { endSession(input: { sessionId: $id }) { endedSessionId userErrors { field code message } } }`;
const END_OTHERS = `mutation { endOtherSessions { endedSessionCount userErrors { field code } } }`;
const CREATE_TOKEN = `mutation Token($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`;

type SessionsData = { viewer: { sessions: SessionShape[] } | null };
type EndData = { endSession: { endedSessionId: string | null; userErrors: UserErrorShape[] } };
type EndOthersData = {
  endOtherSessions: { endedSessionCount: number; userErrors: UserErrorShape[] };
};

async function person() {
  const email = `sessions-${randomUUID().slice(0, 8)}@example.test`;
  const userId = await insertUser(db.dataSource, { email });
  await db.dataSource.query("UPDATE users SET password_hash = $2 WHERE id = $1", [
    userId,
    await passwords.hash(PASSWORD),
  ]);
  const accountId = await insertAccount(db.dataSource);
  await insertMember(db.dataSource, { accountId, userId, role: Role.OWNER });
  return { email, userId, accountId };
}

async function signedIn(email: string, ip: string, userAgent: string): Promise<Browser> {
  const client = browser(app, { ip, userAgent });
  const response = await client.graphql<{ logIn: { userErrors: UserErrorShape[] } }>(LOG_IN, {
    input: { email, password: PASSWORD },
  });
  expect(response.body.data?.logIn.userErrors).toEqual([]);
  return client;
}

async function signedInAs(client: Browser): Promise<string | null> {
  const response = await client.graphql<{ viewer: { user: { email: string } } | null }>(VIEWER);
  return response.body.data?.viewer?.user.email ?? null;
}

async function sessionsOf(client: Browser): Promise<SessionShape[]> {
  const response = await client.graphql<SessionsData>(SESSIONS);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.viewer!.sessions;
}

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource, { env: { TRUST_PROXY: "loopback" } });
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe("viewer.sessions", () => {
  it("lists only the viewer's own live sessions, newest first, with device, IP and which is this one", async () => {
    const me = await person();
    const someoneElse = await person();
    const laptop = await signedIn(me.email, "10.8.0.1", "Laptop Firefox");
    const phone = await signedIn(me.email, "10.8.0.2", "Phone Safari");
    await signedIn(someoneElse.email, "10.8.0.3", "Their browser");
    await db.dataSource.query(
      "UPDATE sessions SET created_at = created_at - interval '1 minute' WHERE user_id = $1 AND user_agent = 'Laptop Firefox'",
      [me.userId],
    );
    // An expired session is not listed.
    await db.dataSource.query(
      "INSERT INTO sessions (token_hash, user_id, expires_at, user_agent) VALUES ($1, $2, now() - interval '1 minute', 'Old')",
      [Buffer.from(randomUUID()), me.userId],
    );

    const listed = await sessionsOf(phone);
    expect(listed.map(({ userAgent, ip, current }) => ({ userAgent, ip, current }))).toEqual([
      { userAgent: "Phone Safari", ip: "10.8.0.2", current: true },
      { userAgent: "Laptop Firefox", ip: "10.8.0.1", current: false },
    ]);
    const stored = await db.dataSource.query(
      "SELECT id FROM sessions WHERE user_id = $1 AND user_agent = 'Phone Safari'",
      [me.userId],
    );
    expect(listed[0]!.id).toBe(toGlobalId("Session", stored[0].id));
    for (const session of listed) {
      expect(new Date(session.expiresAt).getTime()).toBeGreaterThan(Date.now());
      expect(new Date(session.lastSeenAt).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    }
    expect((await sessionsOf(laptop)).map((session) => session.current)).toEqual([false, true]);
  });

  it("is refused to an API token (FORBIDDEN)", async () => {
    const me = await person();
    const here = await signedIn(me.email, "10.8.1.1", "Browser");
    const token = await here.graphql<{ createApiToken: { secret: string } }>(CREATE_TOKEN, {
      input: { name: "integration", scopes: ["READ", "WRITE"] },
    });
    const integration = browser(app);
    integration.setBearer(token.body.data!.createApiToken.secret);
    const listed = await integration.graphql<SessionsData>(SESSIONS);
    expect(listed.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const ended = await integration.graphql<EndOthersData>(END_OTHERS);
    expect(ended.body.data?.endOtherSessions).toEqual({
      endedSessionCount: 0,
      userErrors: [{ field: null, code: "INVALID_STATE" }],
    });
    expect(await signedInAs(here)).toBe(me.email);
  });
});

describe("node(id) of a session", () => {
  it("refetches the viewer's own session and gives null for another person's", async () => {
    const me = await person();
    const other = await person();
    const mine = await signedIn(me.email, "10.13.0.1", "Mine");
    const theirs = await signedIn(other.email, "10.13.0.2", "Theirs");
    const [own] = await sessionsOf(mine);
    const [their] = await sessionsOf(theirs);
    const NODE = `query($id: ID!) { node(id: $id) { id ... on Session { userAgent current } } }`;
    const refetched = await mine.graphql<{ node: unknown }>(NODE, { id: own!.id });
    expect(refetched.body.data?.node).toEqual({ id: own!.id, userAgent: "Mine", current: true });
    const foreign = await mine.graphql<{ node: unknown }>(NODE, { id: their!.id });
    expect(foreign.body.errors).toBeUndefined();
    expect(foreign.body.data).toEqual({ node: null });
  });
});

describe("endSession", () => {
  it("signs out one of the viewer's other sessions: its next request is signed out; audited", async () => {
    const me = await person();
    const laptop = await signedIn(me.email, "10.9.0.1", "Laptop");
    const phone = await signedIn(me.email, "10.9.0.2", "Phone");
    const phoneSession = (await sessionsOf(laptop)).find((session) => !session.current)!;
    const response = await laptop.graphql<EndData>(END, { id: phoneSession.id });
    expect(response.body.data?.endSession).toEqual({
      endedSessionId: phoneSession.id,
      userErrors: [],
    });
    expect(await signedInAs(phone)).toBeNull();
    expect(await signedInAs(laptop)).toBe(me.email);
    const events = await db.dataSource.query(
      "SELECT object_id, details FROM audit_events WHERE account_id = $1 AND action = 'session.ended'",
      [me.accountId],
    );
    expect(events).toEqual([
      {
        object_id: fromGlobalId(phoneSession.id)!.id,
        details: { method: "session_list" },
      },
    ]);
  });

  it("refuses another person's session as NOT_FOUND and changes nothing", async () => {
    const me = await person();
    const victim = await person();
    const mine = await signedIn(me.email, "10.10.0.1", "Mine");
    const theirs = await signedIn(victim.email, "10.10.0.2", "Theirs");
    const [theirSession] = await sessionsOf(theirs);
    const response = await mine.graphql<EndData>(END, { id: theirSession!.id });
    expect(response.body.data?.endSession).toEqual({
      endedSessionId: null,
      userErrors: [{ field: ["sessionId"], code: "NOT_FOUND", message: "No such session." }],
    });
    expect(await signedInAs(theirs)).toBe(victim.email);
    for (const id of ["not-an-id", toGlobalId("Member", randomUUID())]) {
      const odd = await mine.graphql<EndData>(END, { id });
      expect(odd.body.data?.endSession.userErrors[0]?.code).toBe("NOT_FOUND");
    }
  });

  it("ending the current session is a log-out (the cookie is cleared)", async () => {
    const me = await person();
    const here = await signedIn(me.email, "10.11.0.1", "Here");
    const [current] = await sessionsOf(here);
    const response = await here.graphql<EndData>(END, { id: current!.id });
    expect(response.body.data?.endSession.userErrors).toEqual([]);
    expect(response.headers.get("set-cookie")).toMatch(/^pn_session=;/);
    expect(here.cookie()).toBeUndefined();
  });
});

describe("endOtherSessions", () => {
  it("ends every session of the viewer but this one, in every account, and no one else's", async () => {
    const me = await person();
    const other = await person();
    const here = await signedIn(me.email, "10.12.0.1", "Here");
    const elsewhere = await signedIn(me.email, "10.12.0.2", "Elsewhere");
    const otherPerson = await signedIn(other.email, "10.12.0.3", "Other person");
    // A session of mine in no account at all.
    await db.dataSource.query(
      "INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 day')",
      [Buffer.from(randomUUID()), me.userId],
    );
    const response = await here.graphql<EndOthersData>(END_OTHERS);
    expect(response.body.data?.endOtherSessions).toEqual({ endedSessionCount: 2, userErrors: [] });
    expect(await signedInAs(here)).toBe(me.email);
    expect(await signedInAs(elsewhere)).toBeNull();
    expect(await signedInAs(otherPerson)).toBe(other.email);
    expect((await sessionsOf(here)).map((session) => session.current)).toEqual([true]);
    const events = await db.dataSource.query(
      "SELECT details FROM audit_events WHERE account_id = $1 AND action = 'user.other_sessions_ended'",
      [me.accountId],
    );
    expect(events).toEqual([{ details: { sessionsEnded: 2 } }]);
  });
});
