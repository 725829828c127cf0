import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { ApiScope, Plan, Role, toGlobalId } from "@pn/shared";
import { clock } from "../../clock";
import type { RateLimitSettings } from "../../config";
import { hashSecret, newSecret } from "../../crypto/secret-token";
import type { Viewer } from "../../graphql/context";
import { localIdOf } from "../../graphql/global-id";
import { passwords } from "../identity/password";
import { createRateLimits } from "./rate-limits.service";
import { insertMember, insertUser, insertViewer } from "../../test-support/fixtures";
import { GENEROUS_RATE_LIMITS, startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";

let db: TestDatabase;
const apps: TestApp[] = [];

type GraphQLBody<T> = {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
};
type UserErrorShape = { field: string[] | null; code: string; message: string };
type Throttle = {
  requestedQueryCost: number;
  actualQueryCost: number;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
};

/** POST /graphql from a chosen client address (these apps trust X-Forwarded-For from loopback). */
async function post<T>(
  app: TestApp,
  query: string,
  variables: Record<string, unknown> = {},
  ip?: string,
) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (ip) headers["x-forwarded-for"] = ip;
  const response = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as GraphQLBody<T>,
  };
}

async function start(rateLimits: Partial<RateLimitSettings>) {
  const app = await startTestApp(db.dataSource, { rateLimits, env: { TRUST_PROXY: "loopback" } });
  apps.push(app);
  return app;
}

const MEMBERS = `query Members($first: Int) { viewer { currentAccount { members(first: $first) { edges { node { id name } } } } } }`;
const NAME = `{ viewer { currentAccount { name } } }`;

beforeAll(async () => {
  db = await createTestDatabase();
});

beforeEach(async () => {
  await db.dataSource.query("DELETE FROM rate_limit_buckets");
  await db.dataSource.query("DELETE FROM rate_limit_windows");
});

afterEach(() => {
  clock.reset();
  jest.restoreAllMocks();
});

afterAll(async () => {
  for (const app of apps) await app.close();
  await db?.drop();
});

describe("query-cost budget per session and API token", () => {
  // Nearly no refill while a test runs, so every figure is exact; tests move the clock instead.
  const BUDGET = { costCapacity: 50, costRestorePerSecond: 0.5 };
  // MEMBERS requests viewer 1 + currentAccount 1 + members 1 + first × (edges 1 + node 1 + id 1 + name 1);
  // an account with one member returns viewer 1 + currentAccount 1 + members 1 + edges 1 + (node 1 + id 1 + name 1).
  const requested = (first: number) => 3 + 4 * first;
  const ONE_MEMBER_ACTUAL = 7;

  async function available(app: TestApp): Promise<number> {
    // NAME costs 3, requested and actual alike.
    return ((await post(app, NAME)).body.extensions?.cost as Throttle).throttleStatus
      .currentlyAvailable;
  }

  it("commits its own writes without waiting for the WAL flush, and only its own", async () => {
    const limits = createRateLimits(db.dataSource.manager, { ...GENEROUS_RATE_LIMITS, ...BUDGET });
    const subject = `token:${randomUUID()}`;
    const runner = db.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const modeAfter = async (sql: string) => {
        await runner.query("BEGIN");
        await runner.query(sql);
        const [{ mode }] = (await runner.query(
          "SELECT current_setting('synchronous_commit') AS mode",
        )) as [{ mode: string }];
        await runner.query("COMMIT");
        return mode;
      };
      const before = (await runner.query("SHOW synchronous_commit")) as [
        { synchronous_commit: string },
      ];
      expect(await modeAfter(limits.spendCostStatement(subject, 5)!.sql)).toBe("off");
      expect(await modeAfter(limits.refundCostStatement(subject, 5)!.sql)).toBe("off");
      // The session's own setting is back once that transaction ended.
      expect(await runner.query("SHOW synchronous_commit")).toEqual(before);
      expect(before[0].synchronous_commit).not.toBe("off");
    } finally {
      await runner.release();
    }
    // The system pool's form of the charge (bind parameters, no request transaction) still charges.
    expect((await limits.spendCost(subject, 5)).granted).toBe(true);
  });

  it("reserves the requested cost and charges the actual one: a 10-row page of one member costs one member", async () => {
    const app = await start(BUDGET);
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(owner.viewer);
    const small = await post<unknown>(app, MEMBERS, { first: 5 });
    const large = await post<unknown>(app, MEMBERS, { first: 10 });
    expect(small.body.errors).toBeUndefined();
    expect(small.body.extensions?.cost).toEqual({
      requestedQueryCost: requested(5),
      actualQueryCost: ONE_MEMBER_ACTUAL,
      throttleStatus: {
        maximumAvailable: 50,
        currentlyAvailable: 50 - ONE_MEMBER_ACTUAL,
        restoreRate: 0.5,
      },
    });
    expect(large.body.extensions?.cost).toMatchObject({
      requestedQueryCost: requested(10),
      actualQueryCost: ONE_MEMBER_ACTUAL,
      throttleStatus: { currentlyAvailable: 50 - 2 * ONE_MEMBER_ACTUAL },
    });
    expect(await available(app)).toBe(50 - 2 * ONE_MEMBER_ACTUAL - 3);
  });

  it("leaves the budget untouched for a syntax or validation error and for a query over the per-query limit", async () => {
    const app = await start(BUDGET);
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(owner.viewer);
    expect(await available(app)).toBe(47);
    const invalid = await post<unknown>(app, `{ viewer { currentAccount { noSuchField } } }`);
    expect(invalid.status).toBe(400);
    const unparsable = await post<unknown>(app, `{ viewer { `);
    expect(unparsable.status).toBe(400);
    // The per-query limit is the bucket's 50 here (below QUERY_COST_MAX): 12 rows request 51.
    const oversized = await post<unknown>(app, MEMBERS, { first: 12 });
    expect(oversized.status).toBe(400);
    expect(oversized.body.errors?.[0]?.extensions).toMatchObject({
      code: "MAX_COST_EXCEEDED",
      cost: requested(12),
      maxCost: 50,
    });
    expect(await available(app)).toBe(47 - 3);
  });

  it("gives everything back when the operation does not run (a READ token's mutation)", async () => {
    const app = await start(BUDGET);
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs({
      ...owner.viewer,
      credential: { kind: "apiToken", apiTokenId: randomUUID(), scopes: [ApiScope.READ] },
    });
    const refused = await post<unknown>(app, `mutation { logOut { ok } }`);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await available(app)).toBe(50 - 3);
  });

  it("refuses a request over the budget with RATE_LIMITED, retryAfter, Retry-After and HTTP 429, running nothing", async () => {
    const app = await start(BUDGET);
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(owner.viewer);
    // 50 − 7 − 7 = 36 left; the third reservation needs 43.
    for (let i = 0; i < 2; i += 1)
      expect((await post(app, MEMBERS, { first: 10 })).status).toBe(200);
    const refused = await post<unknown>(app, MEMBERS, { first: 10 });
    expect(refused.status).toBe(429);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors).toHaveLength(1);
    const error = refused.body.errors![0]!;
    expect(error.extensions?.code).toBe("RATE_LIMITED");
    expect(error.message).toMatch(/costs 43 points and 36 are available/);
    // (43 − 36) points at 0.5 a second: 14 seconds.
    expect(error.extensions?.retryAfter).toBe(14);
    expect(error.extensions).not.toHaveProperty("http");
    expect(refused.headers.get("retry-after")).toBe("14");
    expect(refused.body.extensions?.cost).toEqual({
      requestedQueryCost: 43,
      actualQueryCost: 0,
      throttleStatus: { maximumAvailable: 50, currentlyAvailable: 36, restoreRate: 0.5 },
    });
    // A refused request costs nothing: a cheap one still fits.
    expect(await available(app)).toBe(36 - 3);
  });

  it("refills with time: after retryAfter seconds the same request runs", async () => {
    const app = await start(BUDGET);
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(owner.viewer);
    for (let i = 0; i < 2; i += 1) await post(app, MEMBERS, { first: 10 });
    const refused = await post(app, MEMBERS, { first: 10 });
    const retryAfter = refused.body.errors![0]!.extensions!.retryAfter as number;
    clock.advance((retryAfter - 2) * 1000);
    expect((await post(app, MEMBERS, { first: 10 })).status).toBe(429);
    clock.advance(2000);
    const again = await post(app, MEMBERS, { first: 10 });
    expect(again.status).toBe(200);
    expect(again.body.errors).toBeUndefined();
    clock.advance(3_600_000);
    expect(await available(app)).toBe(50 - 3);
  });

  it("keeps one budget per session and one per API token; signed-out callers have none", async () => {
    const app = await start(BUDGET);
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    const tokenViewer: Viewer = {
      ...owner.viewer,
      credential: { kind: "apiToken", apiTokenId: randomUUID(), scopes: [ApiScope.READ] },
    };
    app.actAs(owner.viewer);
    for (let i = 0; i < 2; i += 1) await post(app, MEMBERS, { first: 10 });
    expect((await post(app, MEMBERS, { first: 10 })).status).toBe(429);
    app.actAs(tokenViewer);
    const byToken = await post<unknown>(app, MEMBERS, { first: 10 });
    expect(byToken.status).toBe(200);
    expect((byToken.body.extensions?.cost as Throttle).throttleStatus.currentlyAvailable).toBe(
      50 - ONE_MEMBER_ACTUAL,
    );
    app.actAs({ ...owner.viewer, credential: { kind: "session", sessionId: randomUUID() } });
    expect((await post(app, MEMBERS, { first: 10 })).status).toBe(200);
    app.actAs(null);
    const signedOut = await post<unknown>(app, NAME);
    expect(signedOut.status).toBe(200);
    expect(signedOut.body.extensions?.cost).toBeUndefined();
  });

  it("is shared by two app instances on one database", async () => {
    const first = await start(BUDGET);
    const second = await start(BUDGET);
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    first.actAs(owner.viewer);
    second.actAs(owner.viewer);
    expect((await post(first, MEMBERS, { first: 10 })).status).toBe(200);
    expect((await post(second, MEMBERS, { first: 10 })).status).toBe(200);
    const refused = await post(first, MEMBERS, { first: 10 });
    expect(refused.status).toBe(429);
    expect((refused.body.extensions?.cost as Throttle).throttleStatus.currentlyAvailable).toBe(36);
  });

  it("never overspends under concurrent requests: what is left is the capacity minus the actual costs", async () => {
    const app = await start(BUDGET);
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(owner.viewer);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => post(app, MEMBERS, { first: 10 })),
    );
    const granted = results.filter((result) => result.status === 200).length;
    expect(granted).toBeGreaterThanOrEqual(1);
    expect(granted + results.filter((result) => result.status === 429).length).toBe(10);
    expect(await available(app)).toBe(50 - granted * ONE_MEMBER_ACTUAL - 3);
  });
});

describe("log-in failures per email and per IP", () => {
  const LOG_IN = `mutation LogIn($input: LogInInput!) { logIn(input: $input) { user { email } userErrors { field message code } } }`;
  type LogInData = { logIn: { user: { email: string } | null; userErrors: UserErrorShape[] } };
  const LIMITS = { loginFailuresPerEmail: 3, loginFailuresPerIp: 5, loginWindowSeconds: 900 };
  const PASSWORD = "correct horse battery";

  async function userWithPassword(): Promise<string> {
    const email = `login-${randomUUID().slice(0, 8)}@example.test`;
    const userId = await insertUser(db.dataSource, { email });
    await db.dataSource.query("UPDATE users SET password_hash = $2 WHERE id = $1", [
      userId,
      await passwords.hash(PASSWORD),
    ]);
    return email;
  }

  const logIn = (app: TestApp, email: string, password: string, ip: string) =>
    post<LogInData>(app, LOG_IN, { input: { email, password } }, ip);

  it("after the limit for an email, logIn returns RATE_LIMITED without checking the password, until the window ends", async () => {
    const app = await start(LIMITS);
    const email = await userWithPassword();
    for (let i = 0; i < 3; i += 1) {
      expect(
        (await logIn(app, email, "wrong password", `10.0.0.${i + 1}`)).body.data?.logIn
          .userErrors[0]?.code,
      ).toBe("BAD_CREDENTIALS");
    }
    const verify = jest.spyOn(passwords, "verify");
    const blocked = await logIn(app, email.toUpperCase(), PASSWORD, "10.0.1.1");
    expect(blocked.status).toBe(200);
    expect(blocked.body.data?.logIn).toEqual({
      user: null,
      userErrors: [
        {
          field: null,
          code: "RATE_LIMITED",
          message:
            "Too many failed log-ins for this email or from this network. Try again in 15 minutes.",
        },
      ],
    });
    expect(verify).not.toHaveBeenCalled();
    expect(blocked.headers.get("set-cookie")).toBeNull();

    // The window runs 15 minutes from the first failure.
    clock.advance(800_000);
    expect(
      (await logIn(app, email, PASSWORD, "10.0.1.1")).body.data?.logIn.userErrors[0]?.code,
    ).toBe("RATE_LIMITED");
    clock.advance(100_000);
    expect((await logIn(app, email, PASSWORD, "10.0.1.1")).body.data?.logIn).toEqual({
      user: { email },
      userErrors: [],
    });
  });

  it("counts failures per IP across emails", async () => {
    const app = await start(LIMITS);
    for (let i = 0; i < 5; i += 1) {
      expect(
        (await logIn(app, `nobody-${i}@example.test`, "wrong password", "10.0.2.1")).body.data
          ?.logIn.userErrors[0]?.code,
      ).toBe("BAD_CREDENTIALS");
    }
    const email = await userWithPassword();
    expect(
      (await logIn(app, email, PASSWORD, "10.0.2.1")).body.data?.logIn.userErrors[0]?.code,
    ).toBe("RATE_LIMITED");
    // The email's own count was given back: from another network it still logs in.
    expect((await logIn(app, email, PASSWORD, "10.0.2.2")).body.data?.logIn.user).toEqual({
      email,
    });
  });

  it("does not count successful log-ins", async () => {
    const app = await start(LIMITS);
    const email = await userWithPassword();
    for (let i = 0; i < 4; i += 1)
      expect((await logIn(app, email, PASSWORD, "10.0.3.1")).body.data?.logIn.user).toEqual({
        email,
      });
  });
});

describe("invitation emails per account per day", () => {
  const INVITE = `mutation Invite($invitees: [InviteeInput!]!) { inviteUsers(input: { invitees: $invitees }) { invitations { id } userErrors { field message code } } }`;
  const RESEND = `mutation Resend($id: ID!) { resendInvitation(input: { invitationId: $id }) { invitation { sendCount } userErrors { field code message } } }`;
  const IMPORT = `mutation Import($csv: String!, $dryRun: Boolean) {
    importUserInvitations(input: { csv: $csv, dryRun: $dryRun }) { created rows { outcome } userErrors { field code message } } }`;
  const INVITE_CLIENT = `mutation Client($input: InviteClientInput!) { inviteClient(input: $input) { client { id } userErrors { field code message } } }`;
  const IMPORT_CLIENTS = `mutation ImportClients($csv: String!, $dryRun: Boolean) {
    importClients(input: { csv: $csv, dryRun: $dryRun }) { created userErrors { field code message } } }`;
  type InviteData = {
    inviteUsers: { invitations: { id: string }[]; userErrors: UserErrorShape[] };
  };

  async function enterpriseAdmin() {
    const admin = await insertViewer(db.dataSource, Role.OWNER);
    await db.dataSource.query("UPDATE accounts SET plan = $2 WHERE id = $1", [
      admin.accountId,
      Plan.ENTERPRISE,
    ]);
    return admin;
  }
  const outboxCount = async (accountId: string) =>
    Number(
      (
        await db.dataSource.query("SELECT count(*) AS n FROM outbox WHERE account_id = $1", [
          accountId,
        ])
      )[0].n,
    );
  const invitees = (...names: string[]) =>
    names.map((name) => ({
      email: `${name}-${randomUUID().slice(0, 6)}@example.test`,
      role: "VIEWER",
    }));

  it("counts inviteUsers, imports and resends against one daily allowance; over it nothing is written", async () => {
    const app = await start({ invitationSendsPerDay: 4 });
    const admin = await enterpriseAdmin();
    app.actAs(admin.viewer);
    const first = await post<InviteData>(app, INVITE, { invitees: invitees("a", "b") });
    expect(first.body.data?.inviteUsers.userErrors).toEqual([]);

    const tooMany = await post<InviteData>(app, INVITE, { invitees: invitees("c", "d", "e") });
    expect(tooMany.body.data?.inviteUsers).toEqual({
      invitations: [],
      userErrors: [
        {
          field: ["invitees"],
          code: "RATE_LIMITED",
          message:
            "This account may send 4 invitation emails a day and this would go over it. Try again in 24 hours.",
        },
      ],
    });
    expect(await outboxCount(admin.accountId)).toBe(2);

    const dryRun = await post<{
      importUserInvitations: { created: number; userErrors: UserErrorShape[] };
    }>(app, IMPORT, {
      csv: `email,role\n${invitees("f", "g", "h")
        .map((i) => `${i.email},Viewer`)
        .join("\n")}`,
      dryRun: true,
    });
    expect(
      dryRun.body.data?.importUserInvitations.userErrors.map((e) => [e.code, e.field]),
    ).toEqual([["RATE_LIMITED", ["csv"]]]);
    const imported = await post<{
      importUserInvitations: { created: number; userErrors: UserErrorShape[] };
    }>(app, IMPORT, {
      csv: `email,role\n${invitees("f")
        .map((i) => `${i.email},Viewer`)
        .join("\n")}`,
    });
    expect(imported.body.data?.importUserInvitations).toMatchObject({ created: 1, userErrors: [] });

    const resent = await post<{ resendInvitation: { userErrors: UserErrorShape[] } }>(app, RESEND, {
      id: first.body.data!.inviteUsers.invitations[0]!.id,
    });
    expect(resent.body.data?.resendInvitation.userErrors).toEqual([]);
    const overResend = await post<{
      resendInvitation: { invitation: unknown; userErrors: UserErrorShape[] };
    }>(app, RESEND, {
      id: first.body.data!.inviteUsers.invitations[1]!.id,
    });
    expect(overResend.body.data?.resendInvitation.invitation).toBeNull();
    expect(overResend.body.data?.resendInvitation.userErrors.map((e) => [e.code, e.field])).toEqual(
      [["RATE_LIMITED", ["invitationId"]]],
    );
    expect(await outboxCount(admin.accountId)).toBe(4);

    // Another account has its own allowance.
    const other = await enterpriseAdmin();
    app.actAs(other.viewer);
    expect(
      (await post<InviteData>(app, INVITE, { invitees: invitees("x") })).body.data?.inviteUsers
        .userErrors,
    ).toEqual([]);

    clock.advance(24 * 3_600_000);
    app.actAs(admin.viewer);
    const nextDay = await post<{ resendInvitation: { userErrors: UserErrorShape[] } }>(
      app,
      RESEND,
      { id: first.body.data!.inviteUsers.invitations[1]!.id },
    );
    expect(nextDay.body.data?.resendInvitation.userErrors).toEqual([]);
  });

  it("counts client invitations and client imports", async () => {
    const app = await start({ invitationSendsPerDay: 2 });
    const admin = await enterpriseAdmin();
    const staffUser = await insertUser(db.dataSource, {
      email: `staff-${randomUUID().slice(0, 6)}@example.test`,
    });
    const staffId = await insertMember(db.dataSource, {
      accountId: admin.accountId,
      userId: staffUser,
      role: Role.EDITOR,
    });
    const [{ email: staffEmail }] = await db.dataSource.query(
      "SELECT email FROM users WHERE id = $1",
      [staffUser],
    );
    app.actAs(admin.viewer);
    const invited = await post<{ inviteClient: { userErrors: UserErrorShape[] } }>(
      app,
      INVITE_CLIENT,
      {
        input: {
          name: "One",
          email: "one@client.example",
          teamMemberIds: [toGlobalId("Member", staffId)],
        },
      },
    );
    expect(invited.body.data?.inviteClient.userErrors).toEqual([]);
    const csv = `First Name,Last Name,Email,Phone Number,Team\nTwo,C,two@client.example,,${staffEmail}\nThree,C,three@client.example,,${staffEmail}`;
    const overImport = await post<{
      importClients: { created: number; userErrors: UserErrorShape[] };
    }>(app, IMPORT_CLIENTS, { csv });
    expect(overImport.body.data?.importClients).toMatchObject({
      created: 0,
      userErrors: [{ field: ["csv"], code: "RATE_LIMITED" }],
    });
    expect(
      Number(
        (
          await db.dataSource.query("SELECT count(*) AS n FROM clients WHERE account_id = $1", [
            admin.accountId,
          ])
        )[0].n,
      ),
    ).toBe(1);
    const overInvite = await post<{ inviteClient: { userErrors: UserErrorShape[] } }>(
      app,
      INVITE_CLIENT,
      {
        input: {
          name: "Four",
          email: "four@client.example",
          teamMemberIds: [toGlobalId("Member", staffId)],
        },
      },
    );
    expect(overInvite.body.data?.inviteClient.userErrors).toEqual([]);
    const fifth = await post<{ inviteClient: { userErrors: UserErrorShape[] } }>(
      app,
      INVITE_CLIENT,
      {
        input: {
          name: "Five",
          email: "five@client.example",
          teamMemberIds: [toGlobalId("Member", staffId)],
        },
      },
    );
    expect(fifth.body.data?.inviteClient.userErrors.map((e) => [e.code, e.field])).toEqual([
      ["RATE_LIMITED", ["email"]],
    ]);
  });

  it("counts partner invitations", async () => {
    const app = await start({ invitationSendsPerDay: 1 });
    const admin = await enterpriseAdmin();
    app.actAs(admin.viewer);
    const INVITE_PARTNER = `mutation Partner($email: String!) { invitePartner(input: { email: $email }) { partner { id } userErrors { field code } } }`;
    type PartnerData = {
      invitePartner: { partner: unknown; userErrors: { field: string[]; code: string }[] };
    };
    expect(
      (await post<PartnerData>(app, INVITE_PARTNER, { email: "first@partner.example" })).body.data
        ?.invitePartner.userErrors,
    ).toEqual([]);
    const over = await post<PartnerData>(app, INVITE_PARTNER, { email: "second@partner.example" });
    expect(over.body.data?.invitePartner).toEqual({
      partner: null,
      userErrors: [{ field: ["email"], code: "RATE_LIMITED" }],
    });
    expect(
      Number(
        (
          await db.dataSource.query("SELECT count(*) AS n FROM partners WHERE account_id = $1", [
            admin.accountId,
          ])
        )[0].n,
      ),
    ).toBe(1);
  });
  describe("resends of one invitation to the same address", () => {
    const RESEND_AT = `mutation Resend($id: ID!) { resendInvitation(input: { invitationId: $id }) { invitation { sendCount } userErrors { field code message retryAfter } } }`;
    type ResendData = {
      resendInvitation: {
        invitation: { sendCount: number } | null;
        userErrors: (UserErrorShape & { retryAfter: string | null })[];
      };
    };

    async function invited(app: TestApp) {
      const admin = await enterpriseAdmin();
      app.actAs(admin.viewer);
      const response = await post<InviteData>(app, INVITE, { invitees: invitees("resend") });
      return { admin, id: response.body.data!.inviteUsers.invitations[0]!.id };
    }

    const sendCount = async (id: string) =>
      Number(
        (
          await db.dataSource.query("SELECT send_count FROM invitations WHERE id = $1", [
            localIdOf(id, "Invitation"),
          ])
        )[0].send_count,
      );

    it("refuses a second resend within a minute with retryAfter, and changes nothing", async () => {
      const app = await start({ invitationResendsPerMinute: 1, invitationResendsPerDay: 5 });
      const { admin, id } = await invited(app);
      const firstAt = clock.now().getTime();
      const first = await post<ResendData>(app, RESEND_AT, { id });
      expect(first.body.data?.resendInvitation.userErrors).toEqual([]);
      const outbox = await outboxCount(admin.accountId);
      const sent = await sendCount(id);

      clock.advance(20_000);
      const second = await post<ResendData>(app, RESEND_AT, { id });
      expect(second.body.data?.resendInvitation).toEqual({
        invitation: null,
        userErrors: [
          {
            field: ["invitationId"],
            code: "RATE_LIMITED",
            message: expect.stringMatching(
              /^This invitation may be emailed to the same address once a minute\. Try again in 4\d seconds\.$/,
            ),
            retryAfter: expect.any(String),
          },
        ],
      });
      // A minute after the first resend, give or take the rounding to whole seconds.
      const retryAfter = Date.parse(second.body.data!.resendInvitation.userErrors[0]!.retryAfter!);
      expect(Math.abs(retryAfter - (firstAt + 60_000))).toBeLessThan(3_000);
      expect(await outboxCount(admin.accountId)).toBe(outbox);
      expect(await sendCount(id)).toBe(sent);

      clock.advance(41_000);
      const later = await post<ResendData>(app, RESEND_AT, { id });
      expect(later.body.data?.resendInvitation.userErrors).toEqual([]);
    });

    it("refuses the sixth resend in a day, and no email is queued for it", async () => {
      const app = await start({ invitationResendsPerMinute: 1, invitationResendsPerDay: 5 });
      const { admin, id } = await invited(app);
      const firstAt = clock.now().getTime();
      for (let resend = 0; resend < 5; resend++) {
        const ok = await post<ResendData>(app, RESEND_AT, { id });
        expect(ok.body.data?.resendInvitation.userErrors).toEqual([]);
        clock.advance(61_000);
      }
      const outbox = await outboxCount(admin.accountId);
      const sixth = await post<ResendData>(app, RESEND_AT, { id });
      const [refusal] = sixth.body.data!.resendInvitation.userErrors;
      expect(refusal).toMatchObject({ code: "RATE_LIMITED", field: ["invitationId"] });
      expect(refusal!.message).toContain("5 times a day");
      expect(Math.abs(Date.parse(refusal!.retryAfter!) - (firstAt + 24 * 3_600_000))).toBeLessThan(
        3_000,
      );
      expect(await outboxCount(admin.accountId)).toBe(outbox);
      expect(await sendCount(id)).toBe(6);
    });

    it("counts each invitation on its own", async () => {
      const app = await start({ invitationResendsPerMinute: 1, invitationResendsPerDay: 5 });
      const one = await invited(app);
      expect(
        (await post<ResendData>(app, RESEND_AT, { id: one.id })).body.data?.resendInvitation
          .userErrors,
      ).toEqual([]);
      const two = await post<InviteData>(app, INVITE, { invitees: invitees("other") });
      const otherId = two.body.data!.inviteUsers.invitations[0]!.id;
      expect(
        (await post<ResendData>(app, RESEND_AT, { id: otherId })).body.data?.resendInvitation
          .userErrors,
      ).toEqual([]);
    });
  });
});

describe("invitation token guesses per IP", () => {
  const PREVIEW = `query Preview($token: String!) { invitation(token: $token) { email } }`;
  const ACCEPT = `mutation Accept($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { member { email } userErrors { field code message } } }`;
  const LIMITS = { tokenGuessesPerIp: 3, tokenGuessWindowSeconds: 600 };

  async function pendingInvitation(): Promise<{ token: string; email: string }> {
    const admin = await insertViewer(db.dataSource, Role.OWNER);
    const token = newSecret();
    const email = `invitee-${randomUUID().slice(0, 6)}@example.test`;
    await db.dataSource.query(
      `INSERT INTO invitations (account_id, kind, email, role, token_hash, delivery, expires_at, send_count, invited_by_member_id)
       VALUES ($1, 'USER', $2, 'VIEWER', $3, 'QUEUED', now() + interval '2 days', 1, $4)`,
      [admin.accountId, email, hashSecret(token), admin.memberId],
    );
    return { token, email };
  }

  it("after the limit of unknown tokens, invitation(token) is RATE_LIMITED with retryAfter, from that IP only, until the window ends", async () => {
    const app = await start(LIMITS);
    const known = await pendingInvitation();
    for (let i = 0; i < 3; i += 1) {
      const miss = await post<{ invitation: unknown }>(
        app,
        PREVIEW,
        { token: newSecret() },
        "10.1.0.1",
      );
      expect(miss.body.data?.invitation).toBeNull();
    }
    const blocked = await post<{ invitation: unknown }>(
      app,
      PREVIEW,
      { token: known.token },
      "10.1.0.1",
    );
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBe("600");
    expect(blocked.body.errors?.[0]).toMatchObject({
      extensions: { code: "RATE_LIMITED", retryAfter: 600 },
    });
    expect(blocked.body.errors?.[0]?.extensions).not.toHaveProperty("http");
    expect(blocked.body.data?.invitation ?? null).toBeNull();

    const accept = await post<{ acceptInvitation: { userErrors: UserErrorShape[] } }>(
      app,
      ACCEPT,
      { input: { token: known.token, name: "Kim", password: "correct horse battery" } },
      "10.1.0.1",
    );
    expect(accept.body.data?.acceptInvitation.userErrors).toEqual([
      {
        field: ["token"],
        code: "RATE_LIMITED",
        message:
          "Too many invitation links that do not exist were tried from this network. Try again in 10 minutes.",
      },
    ]);
    expect(
      (
        await db.dataSource.query("SELECT status FROM invitations WHERE email = $1", [known.email])
      )[0].status,
    ).toBe("PENDING");

    expect(
      (await post<{ invitation: unknown }>(app, PREVIEW, { token: known.token }, "10.1.0.2")).body
        .data?.invitation,
    ).toEqual({ email: known.email });
    clock.advance(600_000);
    expect(
      (await post<{ invitation: unknown }>(app, PREVIEW, { token: known.token }, "10.1.0.1")).body
        .data?.invitation,
    ).toEqual({ email: known.email });
  });

  it("counts failed acceptInvitation lookups, not found tokens", async () => {
    const app = await start(LIMITS);
    const known = await pendingInvitation();
    for (let i = 0; i < 5; i += 1) {
      expect(
        (await post<{ invitation: unknown }>(app, PREVIEW, { token: known.token }, "10.1.1.1")).body
          .data?.invitation,
      ).toEqual({ email: known.email });
    }
    for (let i = 0; i < 3; i += 1) {
      const miss = await post<{ acceptInvitation: { userErrors: UserErrorShape[] } }>(
        app,
        ACCEPT,
        { input: { token: newSecret() } },
        "10.1.1.1",
      );
      expect(miss.body.data?.acceptInvitation.userErrors[0]?.code).toBe("NOT_FOUND");
    }
    const blocked = await post<{ acceptInvitation: { userErrors: UserErrorShape[] } }>(
      app,
      ACCEPT,
      { input: { token: newSecret() } },
      "10.1.1.1",
    );
    expect(blocked.body.data?.acceptInvitation.userErrors[0]?.code).toBe("RATE_LIMITED");
  });
});

describe("pruning", () => {
  it("deletes finished windows and buckets that have refilled, and keeps the rest", async () => {
    const limits = createRateLimits(db.dataSource.manager, {
      ...GENEROUS_RATE_LIMITS,
      costCapacity: 100,
      costRestorePerSecond: 1,
      tokenGuessWindowSeconds: 60,
    });
    await limits.spendCost("session:old", 50);
    await limits.beginTokenLookup("10.9.0.1");
    clock.advance(61_000);
    await limits.spendCost("session:recent", 50);
    await limits.beginTokenLookup("10.9.0.2");
    clock.advance(50_000);
    await limits.prune();
    expect(
      (await db.dataSource.query("SELECT key FROM rate_limit_buckets ORDER BY key")).map(
        (row: { key: string }) => row.key,
      ),
    ).toEqual(["cost:session:recent"]);
    expect(
      (await db.dataSource.query("SELECT key FROM rate_limit_windows ORDER BY key")).map(
        (row: { key: string }) => row.key,
      ),
    ).toEqual(["token-guess:10.9.0.2"]);
  });
});
