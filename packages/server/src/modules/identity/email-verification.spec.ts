/**
 * Email verification and the sign-up that reveals nothing (docs/api.md "Identity and
 * verification"): one answer for new and taken emails, links that work once for 24 hours,
 * resend limits, and the mailbox's owner taking over an unverified registration.
 */
import { Role, toGlobalId } from "@pn/shared";
import { clock } from "../../clock";
import { open } from "../../crypto/sealed-box";
import { insertViewer } from "../../test-support/fixtures";
import {
  claimTokenFor,
  signUpAndVerify,
  TEST_SEAL_KEY,
  verificationTokenFor,
} from "../../test-support/sign-up";
import { startTestApp, type TestApp, type TestClient } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";

let db: TestDatabase;
let app: TestApp;

const PASSWORD = "correct horse battery";
const SIGN_UP_FULL = `mutation SignUpFull($input: SignUpInput!) {
  signUp(input: $input) { user { id } account { id } verificationEmailSent userErrors { field code message } }
}`;
const VERIFY = `mutation Verify($token: String!) { verifyEmail(input: { token: $token }) { user { email emailVerified } userErrors { field code message } } }`;
const RESEND = `mutation Resend { resendVerificationEmail { sent userErrors { field code message } } }`;
const LOG_IN = `mutation LogIn($input: LogInInput!) { logIn(input: $input) { user { email emailVerified } userErrors { code } } }`;
const VIEWER = `{ viewer { user { email name emailVerified } currentAccount { id } } }`;
const ACCEPT = `mutation Accept($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) { account { id } member { role } verificationEmailSent userErrors { field code message } }
}`;

type UserErrorShape = { field: string[] | null; code: string; message: string };

let counter = 0;
function input(
  overrides: Partial<Record<"email" | "password" | "name" | "accountName", string>> = {},
) {
  counter += 1;
  return {
    email: `verify${counter}@example.test`,
    password: PASSWORD,
    name: `Verify ${counter}`,
    accountName: `Verify Co ${counter}`,
    ...overrides,
  };
}

async function emailsTo(address: string) {
  const rows: { subject: string; text_body: string; sealed_link: string | null }[] =
    await db.dataSource.query(
      "SELECT subject, text_body, sealed_link FROM outbox WHERE lower(to_address) = lower($1) ORDER BY created_at",
      [address],
    );
  return rows.map((row) => ({
    subject: row.subject,
    text: row.text_body,
    link: row.sealed_link ? open(row.sealed_link, TEST_SEAL_KEY) : null,
  }));
}

async function viewerOf(client: TestClient) {
  const response = await client.graphql<{
    viewer: { user: { email: string; name: string; emailVerified: boolean } } | null;
  }>(VIEWER);
  return response.body.data?.viewer ?? null;
}

async function logIn(client: TestClient, email: string, password: string) {
  const response = await client.graphql<{
    logIn: { user: { email: string } | null; userErrors: UserErrorShape[] };
  }>(LOG_IN, { input: { email, password } });
  return response.body.data!.logIn;
}

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource, { appUrl: "https://pn.example.test" });
});

afterEach(() => clock.reset());

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe("signUp reveals nothing", () => {
  it("answers a new, a taken-and-verified and a taken-but-unverified email alike, with no cookie", async () => {
    const verified = input();
    await signUpAndVerify(app.client(), db.dataSource, verified);
    const unverified = input();
    await app.client().graphql(SIGN_UP_FULL, { input: unverified });

    const answers = [];
    for (const email of [
      "brand-new@example.test",
      verified.email.toUpperCase(),
      unverified.email,
    ]) {
      const response = await app.client().graphql(SIGN_UP_FULL, { input: input({ email }) });
      answers.push({ body: response.body, cookie: response.headers.get("set-cookie") });
    }
    expect(answers[0]).toEqual({
      body: {
        data: {
          signUp: { user: null, account: null, verificationEmailSent: true, userErrors: [] },
        },
      },
      cookie: null,
    });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it("creates nothing for a taken email and mails its owner a notice, at most once an hour, never a link", async () => {
    const owner = input();
    await signUpAndVerify(app.client(), db.dataSource, owner);
    const [{ users: before }] = await db.dataSource.query(
      "SELECT count(*)::int AS users FROM users",
    );
    const [{ accounts: accountsBefore }] = await db.dataSource.query(
      "SELECT count(*)::int AS accounts FROM accounts",
    );
    for (let i = 0; i < 2; i += 1)
      await app.client().graphql(SIGN_UP_FULL, {
        input: input({ email: owner.email, password: "attacker password 1" }),
      });
    const [{ users: after }] = await db.dataSource.query(
      "SELECT count(*)::int AS users FROM users",
    );
    const [{ accounts: accountsAfter }] = await db.dataSource.query(
      "SELECT count(*)::int AS accounts FROM accounts",
    );
    expect([after, accountsAfter]).toEqual([before, accountsBefore]);

    const mails = await emailsTo(owner.email);
    const notices = mails.filter((mail) => mail.subject.startsWith("Someone tried"));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain("https://pn.example.test/forgot-password");
    expect(notices[0]!.link).toBeNull();
    // Only the one verification link of the real sign-up.
    expect(mails.filter((mail) => mail.subject.startsWith("Confirm your email"))).toHaveLength(1);

    clock.advance(61 * 60 * 1000);
    await app.client().graphql(SIGN_UP_FULL, { input: input({ email: owner.email }) });
    const later = await emailsTo(owner.email);
    expect(later.filter((mail) => mail.subject.startsWith("Someone tried"))).toHaveLength(2);
  });

  it("never sends a second registrant of an unverified email a link (the first password never becomes verified)", async () => {
    const first = input();
    await app.client().graphql(SIGN_UP_FULL, { input: first });
    await app.client().graphql(SIGN_UP_FULL, {
      input: input({ email: first.email, password: "second person pass" }),
    });
    const links = (await emailsTo(first.email)).filter((mail) =>
      mail.link?.includes("/verify-email#token="),
    );
    expect(links).toHaveLength(1);
    // The second registrant's password opens nothing.
    expect((await logIn(app.client(), first.email, "second person pass")).userErrors).toEqual([
      { code: "BAD_CREDENTIALS" },
    ]);
  });

  it("limits sign-ups per IP (RATE_LIMITED with when to retry), new and taken emails alike", async () => {
    const limited = await startTestApp(db.dataSource, {
      rateLimits: { signUpsPerIp: 2, signUpWindowSeconds: 3600 },
    });
    try {
      // Earlier specs' sign-ups came from this IP too: a fresh window for this app's key.
      await db.dataSource.query("DELETE FROM rate_limit_windows WHERE key LIKE 'sign-up-ip:%'");
      const taken = input();
      await limited.client().graphql(SIGN_UP_FULL, { input: taken });
      await limited.client().graphql(SIGN_UP_FULL, { input: input({ email: taken.email }) });
      const third = await limited.client().graphql<{
        signUp: { userErrors: UserErrorShape[]; verificationEmailSent: boolean };
      }>(SIGN_UP_FULL, { input: input() });
      expect(third.body.data?.signUp).toMatchObject({
        verificationEmailSent: false,
        userErrors: [
          { field: null, code: "RATE_LIMITED", message: expect.stringMatching(/Try again in/) },
        ],
      });
    } finally {
      await limited.close();
      await db.dataSource.query("DELETE FROM rate_limit_windows WHERE key LIKE 'sign-up-ip:%'");
    }
  });

  it("lets an unverified person log in (the SPA shows a banner) with emailVerified false", async () => {
    const person = input();
    await app.client().graphql(SIGN_UP_FULL, { input: person });
    const client = app.client();
    expect((await logIn(client, person.email, person.password)).userErrors).toEqual([]);
    expect((await viewerOf(client))?.user).toEqual({
      email: person.email,
      name: person.name,
      emailVerified: false,
    });
  });
});

describe("verifyEmail", () => {
  it("verifies, signs the person in, and works once", async () => {
    const person = input();
    await app.client().graphql(SIGN_UP_FULL, { input: person });
    const token = (await verificationTokenFor(db.dataSource, person.email))!;
    const mail = (await emailsTo(person.email)).find((m) => m.subject.startsWith("Confirm"));
    expect(mail!.link).toBe(`https://pn.example.test/verify-email#token=${token}`);

    const client = app.client();
    const first = await client.graphql(VERIFY, { token });
    expect(first.body.data).toEqual({
      verifyEmail: { user: { email: person.email, emailVerified: true }, userErrors: [] },
    });
    expect((await viewerOf(client))?.user.emailVerified).toBe(true);

    const again = await app.client().graphql<{
      verifyEmail: { user: null; userErrors: UserErrorShape[] };
    }>(VERIFY, { token });
    expect(again.body.data?.verifyEmail).toMatchObject({
      user: null,
      userErrors: [{ field: ["token"], code: "ALREADY_ACCEPTED" }],
    });
    expect(again.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a link older than 24 hours (EXPIRED, ask for a new one) and a wrong one (INVALID)", async () => {
    const person = input();
    await app.client().graphql(SIGN_UP_FULL, { input: person });
    const token = (await verificationTokenFor(db.dataSource, person.email))!;
    clock.advance(24 * 60 * 60 * 1000 + 1000);
    const expired = await app.client().graphql<{
      verifyEmail: { userErrors: UserErrorShape[] };
    }>(VERIFY, { token });
    expect(expired.body.data?.verifyEmail.userErrors).toEqual([
      { field: ["token"], code: "EXPIRED", message: expect.stringMatching(/new link/) },
    ]);
    for (const wrong of [`${token.slice(0, -2)}xx`, "short", ""]) {
      const response = await app.client().graphql<{
        verifyEmail: { userErrors: UserErrorShape[] };
      }>(VERIFY, { token: wrong });
      expect(response.body.data?.verifyEmail.userErrors[0]).toMatchObject({
        field: ["token"],
        code: "INVALID",
      });
    }
    const [{ verified }] = await db.dataSource.query(
      "SELECT email_verified_at IS NOT NULL AS verified FROM users WHERE email = $1",
      [person.email],
    );
    expect(verified).toBe(false);
  });

  it("stores only the hash of the link's secret", async () => {
    const person = input();
    await app.client().graphql(SIGN_UP_FULL, { input: person });
    const token = (await verificationTokenFor(db.dataSource, person.email))!;
    const [{ found }] = await db.dataSource.query(
      "SELECT count(*)::int AS found FROM email_verifications WHERE encode(token_hash, 'escape') LIKE '%' || $1 || '%' OR encode(token_hash, 'hex') = $1",
      [token],
    );
    expect(found).toBe(0);
  });
});

describe("resendVerificationEmail", () => {
  it("sends a new link at most once a minute and five times a day (RATE_LIMITED), and any link verifies", async () => {
    const person = input();
    await app.client().graphql(SIGN_UP_FULL, { input: person });
    const client = app.client();
    await logIn(client, person.email, person.password);
    type Resent = { resendVerificationEmail: { sent: boolean; userErrors: UserErrorShape[] } };
    const results: Resent["resendVerificationEmail"][] = [];
    for (let i = 0; i < 5; i += 1) {
      results.push((await client.graphql<Resent>(RESEND)).body.data!.resendVerificationEmail);
      const tooSoon = (await client.graphql<Resent>(RESEND)).body.data!.resendVerificationEmail;
      expect(tooSoon).toMatchObject({ sent: false, userErrors: [{ code: "RATE_LIMITED" }] });
      clock.advance(61_000);
    }
    expect(results.every((result) => result.sent && result.userErrors.length === 0)).toBe(true);
    const sixth = (await client.graphql<Resent>(RESEND)).body.data!.resendVerificationEmail;
    expect(sixth).toMatchObject({
      sent: false,
      userErrors: [{ code: "RATE_LIMITED", message: expect.stringMatching(/Try again in/) }],
    });
    const links = (await emailsTo(person.email)).filter((mail) =>
      mail.subject.startsWith("Confirm"),
    );
    expect(links).toHaveLength(6);

    // The newest link verifies; the viewer keeps their session (no new cookie).
    const token = (await verificationTokenFor(db.dataSource, person.email))!;
    const verified = await client.graphql(VERIFY, { token });
    expect(verified.headers.get("set-cookie")).toBeNull();
    expect((await viewerOf(client))?.user.emailVerified).toBe(true);
    const after = (await client.graphql<Resent>(RESEND)).body.data!.resendVerificationEmail;
    expect(after.userErrors[0]?.code).toBe("INVALID_STATE");
  });

  it("needs a signed-in viewer (UNAUTHENTICATED)", async () => {
    const response = await app.client().graphql(RESEND);
    expect(response.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

/** An account's admin invites `email` as an EDITOR; the token from the outbox. */
async function invite(email: string) {
  const admin = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
  await db.dataSource.query("UPDATE accounts SET plan = 'TEAM' WHERE id = $1", [admin.accountId]);
  app.actAs(admin.viewer);
  const response = await app.graphql<{
    inviteUsers: { invitations: { id: string }[]; userErrors: UserErrorShape[] };
  }>(
    `mutation($input: InviteUsersInput!) { inviteUsers(input: $input) { invitations { id } userErrors { field code message } } }`,
    { input: { invitees: [{ email, role: "EDITOR" }] } },
  );
  app.actAs(null);
  expect(response.body.data?.inviteUsers.userErrors).toEqual([]);
  const [row] = await db.dataSource.query(
    "SELECT sealed_link FROM outbox WHERE lower(to_address) = lower($1) AND sealed_link LIKE '%' ORDER BY created_at DESC LIMIT 1",
    [email],
  );
  return { admin, token: open(row.sealed_link, TEST_SEAL_KEY).split("/invite/")[1]! };
}

describe("verified takeover through an invitation's emailed link", () => {
  it("replaces an unverified registration's password, ends its sessions, and records why", async () => {
    const squatter = input({ password: "squatter password" });
    await app.client().graphql(SIGN_UP_FULL, { input: squatter });
    const squatterSession = app.client();
    expect((await logIn(squatterSession, squatter.email, squatter.password)).userErrors).toEqual(
      [],
    );
    // A token minted meanwhile must not outlive the squatter's password.
    const minted = await squatterSession.graphql<{ createApiToken: { secret: string | null } }>(
      `mutation { createApiToken(input: { name: "squatter", scopes: [READ] }) { secret } }`,
    );
    const squatterToken = app.client();
    squatterToken.setBearer(minted.body.data!.createApiToken.secret!);
    expect((await squatterToken.graphql(`{ viewer { user { email } } }`)).status).toBe(200);
    const { admin, token } = await invite(squatter.email);

    const owner = app.client();
    const accepted = await owner.graphql<{
      acceptInvitation: { member: { role: string }; userErrors: UserErrorShape[] };
    }>(ACCEPT, { input: { token, name: "Rightful Owner", password: "owner's own password" } });
    expect(accepted.body.data?.acceptInvitation).toMatchObject({
      member: { role: "EDITOR" },
      userErrors: [],
    });
    expect((await viewerOf(owner))?.user).toEqual({
      email: squatter.email,
      name: "Rightful Owner",
      emailVerified: true,
    });
    // The squatter's session and password are gone.
    expect(await viewerOf(squatterSession)).toBeNull();
    expect((await logIn(app.client(), squatter.email, squatter.password)).userErrors).toEqual([
      { code: "BAD_CREDENTIALS" },
    ]);
    expect((await logIn(app.client(), squatter.email, "owner's own password")).userErrors).toEqual(
      [],
    );
    // The squatter's sign-up link no longer verifies anything.
    const oldLink = (await emailsTo(squatter.email)).find((m) => m.link?.includes("#token="));
    const replay = await app
      .client()
      .graphql<{ verifyEmail: { userErrors: UserErrorShape[] } }>(VERIFY, {
        token: oldLink!.link!.split("#token=")[1],
      });
    expect(replay.body.data?.verifyEmail.userErrors[0]?.code).toBe("ALREADY_ACCEPTED");
    const [event] = await db.dataSource.query(
      "SELECT details FROM audit_events WHERE account_id = $1 AND action = 'user.identity_claimed'",
      [admin.accountId],
    );
    expect(event.details).toEqual({
      sessionsEnded: 1,
      tokensRevoked: 1,
      reason: "verified_email_claim",
    });
    expect((await squatterToken.graphql(`{ viewer { user { email } } }`)).status).toBe(401);
  });

  it("never changes a verified user: the link-follower must log in (SIGN_IN_REQUIRED)", async () => {
    const real = input();
    await signUpAndVerify(app.client(), db.dataSource, real);
    const { token } = await invite(real.email);
    const stranger = await app.client().graphql<{
      acceptInvitation: { userErrors: UserErrorShape[] };
    }>(ACCEPT, { input: { token, name: "Impostor", password: "impostor password" } });
    expect(stranger.body.data?.acceptInvitation.userErrors[0]?.code).toBe("SIGN_IN_REQUIRED");
    expect((await logIn(app.client(), real.email, real.password)).userErrors).toEqual([]);
  });

  it("marks an invitee verified when they accept from their own session", async () => {
    const person = input();
    await app.client().graphql(SIGN_UP_FULL, { input: person });
    const client = app.client();
    await logIn(client, person.email, person.password);
    const { token } = await invite(person.email);
    const accepted = await client.graphql<{ acceptInvitation: { userErrors: UserErrorShape[] } }>(
      ACCEPT,
      { input: { token } },
    );
    expect(accepted.body.data?.acceptInvitation.userErrors).toEqual([]);
    expect((await viewerOf(client))?.user.emailVerified).toBe(true);
  });
});

describe("shareable client links wait for the typed email", () => {
  async function link() {
    const editor = await insertViewer(db.dataSource, Role.EDITOR);
    app.actAs(editor.viewer);
    const response = await app.graphql<{ createClientInviteLink: { url: string } }>(
      `mutation($ids: [ID!]!) { createClientInviteLink(input: { teamMemberIds: $ids }) { url userErrors { code } } }`,
      { ids: [toGlobalId("Member", editor.viewer.memberId!)] },
    );
    app.actAs(null);
    const url = response.body.data!.createClientInviteLink.url;
    return { editor, token: url.split("/invite/")[1]! };
  }

  async function counts(accountId: string) {
    const [row] = await db.dataSource.query(
      `SELECT (SELECT count(*)::int FROM users) AS users,
              (SELECT count(*)::int FROM members WHERE account_id = $1) AS members,
              (SELECT count(*)::int FROM clients WHERE account_id = $1) AS clients`,
      [accountId],
    );
    return row;
  }

  it("creates nothing until the emailed link comes back, then completes as a verified client", async () => {
    const { editor, token } = await link();
    const before = await counts(editor.accountId);
    const client = app.client();
    const first = await client.graphql<{
      acceptInvitation: { verificationEmailSent: boolean; userErrors: UserErrorShape[] };
    }>(ACCEPT, {
      input: { token, email: "linked@client.example", name: "Linked", password: PASSWORD },
    });
    expect(first.body.data?.acceptInvitation).toEqual({
      account: null,
      member: null,
      verificationEmailSent: true,
      userErrors: [],
    });
    expect(first.headers.get("set-cookie")).toBeNull();
    expect(await counts(editor.accountId)).toEqual(before);

    const claimToken = (await claimTokenFor(db.dataSource, "linked@client.example"))!;
    const mail = (await emailsTo("linked@client.example"))[0]!;
    expect(mail.link).toBe(`https://pn.example.test/invite/${token}#claim=${claimToken}`);
    const done = await client.graphql<{
      acceptInvitation: { member: { role: string }; userErrors: UserErrorShape[] };
    }>(ACCEPT, { input: { token, claimToken } });
    expect(done.body.data?.acceptInvitation).toMatchObject({
      member: { role: "CLIENT" },
      verificationEmailSent: false,
      userErrors: [],
    });
    expect((await viewerOf(client))?.user).toEqual({
      email: "linked@client.example",
      name: "Linked",
      emailVerified: true,
    });
    const again = await app.client().graphql<{
      acceptInvitation: { userErrors: UserErrorShape[] };
    }>(ACCEPT, { input: { token, claimToken } });
    expect(again.body.data?.acceptInvitation.userErrors[0]).toMatchObject({
      field: ["claimToken"],
      code: "ALREADY_ACCEPTED",
    });
  });

  it("answers alike for a taken email, and asks its verified owner to log in and open the link again", async () => {
    const real = input();
    await signUpAndVerify(app.client(), db.dataSource, real);
    const { token } = await link();
    const first = await app.client().graphql<{
      acceptInvitation: { verificationEmailSent: boolean; userErrors: UserErrorShape[] };
    }>(ACCEPT, { input: { token, email: real.email, name: "Someone", password: "someone else 1" } });
    expect(first.body.data?.acceptInvitation).toEqual({
      account: null,
      member: null,
      verificationEmailSent: true,
      userErrors: [],
    });
    const claimToken = (await claimTokenFor(db.dataSource, real.email))!;
    const signedOut = await app.client().graphql<{
      acceptInvitation: { userErrors: UserErrorShape[] };
    }>(ACCEPT, { input: { token, claimToken } });
    expect(signedOut.body.data?.acceptInvitation.userErrors[0]).toMatchObject({
      code: "SIGN_IN_REQUIRED",
      message: expect.stringMatching(/open the link again/),
    });
    // Their password is untouched; signed in, the same link completes.
    const client = app.client();
    expect((await logIn(client, real.email, real.password)).userErrors).toEqual([]);
    const done = await client.graphql<{
      acceptInvitation: { member: { role: string }; userErrors: UserErrorShape[] };
    }>(ACCEPT, { input: { token, claimToken } });
    expect(done.body.data?.acceptInvitation).toMatchObject({
      member: { role: "CLIENT" },
      userErrors: [],
    });
  });

  it("takes over an unverified registration of the typed email once confirmed", async () => {
    const squatter = input({ password: "squatter password" });
    await app.client().graphql(SIGN_UP_FULL, { input: squatter });
    const { token } = await link();
    await app.client().graphql(ACCEPT, {
      input: { token, email: squatter.email, name: "Client Owner", password: "client password 1" },
    });
    const claimToken = (await claimTokenFor(db.dataSource, squatter.email))!;
    const done = await app.client().graphql<{
      acceptInvitation: { userErrors: UserErrorShape[] };
    }>(ACCEPT, { input: { token, claimToken } });
    expect(done.body.data?.acceptInvitation.userErrors).toEqual([]);
    expect((await logIn(app.client(), squatter.email, squatter.password)).userErrors).toEqual([
      { code: "BAD_CREDENTIALS" },
    ]);
    expect((await logIn(app.client(), squatter.email, "client password 1")).userErrors).toEqual([]);
  });

  it("refuses a claim of another link and a wrong claim token", async () => {
    const first = await link();
    const second = await link();
    await app.client().graphql(ACCEPT, {
      input: { token: first.token, email: "crossed@client.example", name: "X", password: PASSWORD },
    });
    const claimToken = (await claimTokenFor(db.dataSource, "crossed@client.example"))!;
    for (const attempt of [
      { token: second.token, claimToken },
      { token: first.token, claimToken: `${claimToken.slice(0, -2)}zz` },
    ]) {
      const response = await app.client().graphql<{
        acceptInvitation: { userErrors: UserErrorShape[] };
      }>(ACCEPT, { input: attempt });
      expect(response.body.data?.acceptInvitation.userErrors[0]).toMatchObject({
        field: ["claimToken"],
        code: "INVALID",
      });
    }
  });
});
