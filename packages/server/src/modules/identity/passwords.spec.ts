import { Role } from "@pn/shared";
import { randomUUID } from "node:crypto";
import { clock } from "../../clock";
import { open, sealKeyFrom } from "../../crypto/sealed-box";
import { hashSecret } from "../../crypto/secret-token";
import { browser, type Browser } from "../../test-support/browser";
import { insertAccount, insertMember, insertUser } from "../../test-support/fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import { passwords } from "./password";

let db: TestDatabase;
let app: TestApp;
const apps: TestApp[] = [];
const key = sealKeyFrom("test-secret");
const PASSWORD = "correct horse battery";
const NEW_PASSWORD = "a brand new passphrase";
const APP_URL = "https://pn.example.test";

type UserErrorShape = { field: string[] | null; code: string; message: string };

const LOG_IN = `mutation LogIn($input: LogInInput!) { logIn(input: $input) { user { email } userErrors { field code } } }`;
const VIEWER = `{ viewer { user { email } } }`;
const CHANGE = `mutation Change($input: ChangePasswordInput!) {
  changePassword(input: $input) { user { email } endedSessionCount userErrors { field message code } }
}`;
const REQUEST = `mutation Request($input: RequestPasswordResetInput!) {
  requestPasswordReset(input: $input) { ok userErrors { field message code } }
}`;
const RESET = `mutation Reset($input: ResetPasswordInput!) {
  resetPassword(input: $input) { user { email } userErrors { field message code } }
}`;
const CREATE_TOKEN = `mutation Token($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret userErrors { code } } }`;

type ChangeData = {
  changePassword: {
    user: { email: string } | null;
    endedSessionCount: number;
    userErrors: UserErrorShape[];
  };
};
type RequestData = { requestPasswordReset: { ok: boolean; userErrors: UserErrorShape[] } };
type ResetData = {
  resetPassword: { user: { email: string } | null; userErrors: UserErrorShape[] };
};
type ViewerData = { viewer: { user: { email: string } } | null };

async function start(rateLimits = {}) {
  const started = await startTestApp(db.dataSource, {
    appUrl: APP_URL,
    rateLimits,
    env: { TRUST_PROXY: "loopback" },
  });
  apps.push(started);
  return started;
}

/** A user with a password and an OWNER membership (login allowed) of a fresh account. */
async function person(options: { verified?: boolean } = {}) {
  const email = `person-${randomUUID().slice(0, 8)}@example.test`;
  const userId = await insertUser(db.dataSource, { email });
  await db.dataSource.query(
    "UPDATE users SET password_hash = $2, email_verified_at = CASE WHEN $3 THEN now() END WHERE id = $1",
    [userId, await passwords.hash(PASSWORD), options.verified ?? true],
  );
  const accountId = await insertAccount(db.dataSource);
  const memberId = await insertMember(db.dataSource, { accountId, userId, role: Role.OWNER });
  return { email, userId, accountId, memberId };
}

async function signedIn(
  target: TestApp,
  email: string,
  password = PASSWORD,
  ip = "10.1.0.1",
): Promise<Browser> {
  const client = browser(target, { ip, userAgent: `Spec browser ${ip}` });
  const response = await client.graphql<{ logIn: { userErrors: UserErrorShape[] } }>(LOG_IN, {
    input: { email, password },
  });
  expect(response.body.data?.logIn.userErrors).toEqual([]);
  return client;
}

async function viewerEmail(client: Browser): Promise<string | null> {
  const response = await client.graphql<ViewerData>(VIEWER);
  return response.body.data?.viewer?.user.email ?? null;
}

async function logInWorks(target: TestApp, email: string, password: string): Promise<boolean> {
  const response = await browser(target, { ip: "10.250.0.1" }).graphql<{
    logIn: { userErrors: UserErrorShape[] };
  }>(LOG_IN, { input: { email, password } });
  return response.body.data?.logIn.userErrors.length === 0;
}

/** The newest reset email to `email`, with its link unsealed. */
async function resetEmailTo(email: string) {
  const rows = await db.dataSource.query(
    `SELECT subject, text_body, html_body, sealed_link, account_id FROM outbox
     WHERE to_address = $1 ORDER BY created_at DESC`,
    [email],
  );
  if (rows.length === 0) return null;
  const [row] = rows;
  const link = open(row.sealed_link, key);
  return { ...row, link, token: link.split("#token=")[1]!, count: rows.length };
}

beforeAll(async () => {
  db = await createTestDatabase();
  app = await start();
});

afterEach(() => {
  clock.reset();
  jest.restoreAllMocks();
});

afterAll(async () => {
  for (const started of apps) await started.close();
  await db?.drop();
});

describe("changePassword", () => {
  it("with the current password: sets the new one, ends every other session, keeps this one, and is audited", async () => {
    const { email, userId, accountId } = await person();
    const here = await signedIn(app, email, PASSWORD, "10.1.0.1");
    const elsewhere = await signedIn(app, email, PASSWORD, "10.1.0.2");
    // A session in no account (or another one) ends too: passwords are per person, not per account.
    await db.dataSource.query(
      "INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 day')",
      [hashSecret(randomUUID()), userId],
    );
    await db.dataSource.query(
      "INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 hour')",
      [userId, hashSecret(randomUUID())],
    );

    const response = await here.graphql<ChangeData>(CHANGE, {
      input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(response.body.data?.changePassword).toEqual({
      user: { email },
      endedSessionCount: 2,
      userErrors: [],
    });
    expect(await viewerEmail(here)).toBe(email);
    expect(await viewerEmail(elsewhere)).toBeNull();
    expect(await logInWorks(app, email, PASSWORD)).toBe(false);
    expect(await logInWorks(app, email, NEW_PASSWORD)).toBe(true);
    const [{ open: openLinks }] = await db.dataSource.query(
      "SELECT count(*)::int AS open FROM password_reset_tokens WHERE user_id = $1",
      [userId],
    );
    expect(openLinks).toBe(0);
    const events = await db.dataSource.query(
      "SELECT actor_user_id, object_id, details FROM audit_events WHERE account_id = $1 AND action = 'user.password_changed'",
      [accountId],
    );
    expect(events).toEqual([
      { actor_user_id: userId, object_id: userId, details: { otherSessionsEnded: 2 } },
    ]);
  });

  it("refuses a wrong current password (BAD_CREDENTIALS on currentPassword) and changes nothing", async () => {
    const { email } = await person();
    const here = await signedIn(app, email);
    const elsewhere = await signedIn(app, email, PASSWORD, "10.1.0.9");
    const response = await here.graphql<ChangeData>(CHANGE, {
      input: { currentPassword: "not my password", newPassword: NEW_PASSWORD },
    });
    expect(response.body.data?.changePassword).toEqual({
      user: null,
      endedSessionCount: 0,
      userErrors: [
        {
          field: ["currentPassword"],
          code: "BAD_CREDENTIALS",
          message: "That is not your current password.",
        },
      ],
    });
    expect(await viewerEmail(elsewhere)).toBe(email);
    expect(await logInWorks(app, email, PASSWORD)).toBe(true);
  });

  it("checks the new password with the shared rules (INVALID on newPassword) before anything else", async () => {
    const { email } = await person();
    const here = await signedIn(app, email);
    const verify = jest.spyOn(passwords, "verify");
    const response = await here.graphql<ChangeData>(CHANGE, {
      input: { currentPassword: PASSWORD, newPassword: "short" },
    });
    expect(response.body.data?.changePassword.userErrors).toEqual([
      expect.objectContaining({ field: ["newPassword"], code: "INVALID" }),
    ]);
    expect(verify).not.toHaveBeenCalled();
    expect(await logInWorks(app, email, PASSWORD)).toBe(true);
  });

  it("counts wrong current passwords with the log-in limiter: past it, RATE_LIMITED without checking", async () => {
    const limited = await start({ loginFailuresPerEmail: 2, loginWindowSeconds: 900 });
    const { email } = await person();
    const here = await signedIn(limited, email);
    for (let i = 0; i < 2; i += 1) {
      const wrong = await here.graphql<ChangeData>(CHANGE, {
        input: { currentPassword: `guess ${i} of many`, newPassword: NEW_PASSWORD },
      });
      expect(wrong.body.data?.changePassword.userErrors[0]?.code).toBe("BAD_CREDENTIALS");
    }
    const verify = jest.spyOn(passwords, "verify");
    const blocked = await here.graphql<ChangeData>(CHANGE, {
      input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(blocked.body.data?.changePassword.userErrors).toEqual([
      {
        field: ["currentPassword"],
        code: "RATE_LIMITED",
        message:
          "Too many wrong passwords for this email or from this network. Try again in 15 minutes.",
      },
    ]);
    expect(verify).not.toHaveBeenCalled();
    // Log-in shares the count: the same email is blocked there too.
    const logIn = await browser(limited, { ip: "10.77.0.1" }).graphql<{
      logIn: { userErrors: UserErrorShape[] };
    }>(LOG_IN, { input: { email, password: PASSWORD } });
    expect(logIn.body.data?.logIn.userErrors[0]?.code).toBe("RATE_LIMITED");
  });

  it("is refused to an API token (INVALID_STATE), which never reaches its creator's password", async () => {
    const { email } = await person();
    const here = await signedIn(app, email);
    const token = await here.graphql<{ createApiToken: { secret: string } }>(CREATE_TOKEN, {
      input: { name: "ci", scopes: ["READ", "WRITE"] },
    });
    const integration = browser(app);
    integration.setBearer(token.body.data!.createApiToken.secret);
    const response = await integration.graphql<ChangeData>(CHANGE, {
      input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(response.body.data?.changePassword.userErrors).toEqual([
      expect.objectContaining({ code: "INVALID_STATE", field: null }),
    ]);
    expect(await logInWorks(app, email, PASSWORD)).toBe(true);
  });

  it("needs a signed-in person (UNAUTHENTICATED)", async () => {
    const response = await browser(app).graphql<ChangeData>(CHANGE, {
      input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(response.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("requestPasswordReset", () => {
  it("answers a known and an unknown email identically; only the known one gets a link", async () => {
    const { email, userId } = await person();
    const unknown = `nobody-${randomUUID().slice(0, 8)}@example.test`;
    const known = await browser(app, { ip: "10.2.0.1" }).graphql<RequestData>(REQUEST, {
      input: { email: email.toUpperCase() },
    });
    const notKnown = await browser(app, { ip: "10.2.0.1" }).graphql<RequestData>(REQUEST, {
      input: { email: unknown },
    });
    expect(known.status).toBe(notKnown.status);
    expect(known.body).toEqual(notKnown.body);
    expect(known.body.data?.requestPasswordReset).toEqual({ ok: true, userErrors: [] });
    expect(known.headers.get("set-cookie")).toBeNull();

    const sent = await resetEmailTo(email);
    expect(sent).toMatchObject({
      account_id: null,
      subject: "Reset your Partner Network password",
    });
    expect(sent!.link).toMatch(
      new RegExp(`^${APP_URL.replace(/\./g, "\\.")}/reset-password#token=[A-Za-z0-9_-]{43}$`),
    );
    // The bodies hold a placeholder; the link is stored only sealed.
    expect(sent!.text_body).not.toContain(sent!.token);
    expect(sent!.html_body).not.toContain(sent!.token);
    const tokens = await db.dataSource.query(
      "SELECT token_hash, expires_at, used_at FROM password_reset_tokens WHERE user_id = $1",
      [userId],
    );
    expect(tokens).toHaveLength(1);
    expect(tokens[0].token_hash).toEqual(hashSecret(sent!.token));
    expect(tokens[0].used_at).toBeNull();
    const lifetime = tokens[0].expires_at.getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(59 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(60 * 60_000);
    expect(await resetEmailTo(unknown)).toBeNull();
  });

  it("limits requests per email, known or not (RATE_LIMITED on email with the retry time)", async () => {
    const limited = await start({ passwordResetsPerEmail: 2, passwordResetWindowSeconds: 3600 });
    const { email } = await person();
    const unknown = `nobody-${randomUUID().slice(0, 8)}@example.test`;
    for (const address of [email, unknown]) {
      for (let i = 0; i < 2; i += 1) {
        const taken = await browser(limited, { ip: `10.3.${i}.1` }).graphql<RequestData>(REQUEST, {
          input: { email: address },
        });
        expect(taken.body.data?.requestPasswordReset).toEqual({ ok: true, userErrors: [] });
      }
    }
    const known = await browser(limited, { ip: "10.3.9.1" }).graphql<RequestData>(REQUEST, {
      input: { email },
    });
    const notKnown = await browser(limited, { ip: "10.3.9.2" }).graphql<RequestData>(REQUEST, {
      input: { email: unknown },
    });
    expect(known.body).toEqual(notKnown.body);
    expect(known.body.data?.requestPasswordReset).toEqual({
      ok: false,
      userErrors: [
        {
          field: ["email"],
          code: "RATE_LIMITED",
          message:
            "Too many reset links were asked for this email or from this network. Try again in 60 minutes.",
        },
      ],
    });
    expect((await resetEmailTo(email))?.count).toBe(2);
    clock.advance(3_600_000);
    const later = await browser(limited, { ip: "10.3.9.1" }).graphql<RequestData>(REQUEST, {
      input: { email },
    });
    expect(later.body.data?.requestPasswordReset.ok).toBe(true);
  });

  it("limits requests per IP across emails", async () => {
    const limited = await start({ passwordResetsPerIp: 3, passwordResetWindowSeconds: 3600 });
    const ip = "10.4.0.1";
    for (let i = 0; i < 3; i += 1) {
      const taken = await browser(limited, { ip }).graphql<RequestData>(REQUEST, {
        input: { email: `ip-${i}-${randomUUID().slice(0, 6)}@example.test` },
      });
      expect(taken.body.data?.requestPasswordReset.ok).toBe(true);
    }
    const { email } = await person();
    const blocked = await browser(limited, { ip }).graphql<RequestData>(REQUEST, {
      input: { email },
    });
    expect(blocked.body.data?.requestPasswordReset.userErrors[0]?.code).toBe("RATE_LIMITED");
    expect(await resetEmailTo(email)).toBeNull();
    const otherNetwork = await browser(limited, { ip: "10.4.0.2" }).graphql<RequestData>(REQUEST, {
      input: { email },
    });
    expect(otherNetwork.body.data?.requestPasswordReset.ok).toBe(true);
  });

  it("refuses an address that is not an email (INVALID on email) and sends nothing", async () => {
    const response = await browser(app).graphql<RequestData>(REQUEST, {
      input: { email: "not an email" },
    });
    expect(response.body.data?.requestPasswordReset.userErrors).toEqual([
      expect.objectContaining({ field: ["email"], code: "INVALID" }),
    ]);
  });
});

describe("resetPassword", () => {
  async function requestLink(email: string): Promise<string> {
    const response = await browser(app, { ip: "10.5.0.1" }).graphql<RequestData>(REQUEST, {
      input: { email },
    });
    expect(response.body.data?.requestPasswordReset.ok).toBe(true);
    return (await resetEmailTo(email))!.token;
  }

  it("sets the password, ends every session and other link, verifies the email, and signs this browser in", async () => {
    const { email, userId, accountId } = await person({ verified: true });
    const before = await signedIn(app, email);
    const older = await requestLink(email);
    const token = await requestLink(email);
    expect(older).not.toBe(token);

    const resetter = browser(app, { ip: "10.5.0.9", userAgent: "Reset browser" });
    const response = await resetter.graphql<ResetData>(RESET, {
      input: { token, newPassword: NEW_PASSWORD },
    });
    expect(response.body.data?.resetPassword).toEqual({ user: { email }, userErrors: [] });
    expect(await viewerEmail(before)).toBeNull();
    expect(await viewerEmail(resetter)).toBe(email);
    expect(await logInWorks(app, email, PASSWORD)).toBe(false);
    expect(await logInWorks(app, email, NEW_PASSWORD)).toBe(true);

    // The other link ended with the reset.
    const again = await browser(app).graphql<ResetData>(RESET, {
      input: { token: older, newPassword: "yet another passphrase" },
    });
    expect(again.body.data?.resetPassword.userErrors[0]).toMatchObject({
      field: ["token"],
      code: "INVALID",
    });
    const events = await db.dataSource.query(
      "SELECT action, actor_user_id, details FROM audit_events WHERE account_id = $1 AND action IN ('user.password_reset', 'session.created') AND details->>'method' IS DISTINCT FROM 'password' ORDER BY action",
      [accountId],
    );
    expect(events).toEqual([
      {
        action: "session.created",
        actor_user_id: userId,
        details: { method: "password_reset" },
      },
      {
        action: "user.password_reset",
        actor_user_id: userId,
        details: { sessionsEnded: 1, tokensRevoked: 0 },
      },
    ]);
  });

  it("works once: the same link again is INVALID with a message to ask for a new one", async () => {
    const { email } = await person();
    const token = await requestLink(email);
    const first = await browser(app).graphql<ResetData>(RESET, {
      input: { token, newPassword: NEW_PASSWORD },
    });
    expect(first.body.data?.resetPassword.userErrors).toEqual([]);
    const second = await browser(app).graphql<ResetData>(RESET, {
      input: { token, newPassword: "someone else's passphrase" },
    });
    expect(second.body.data?.resetPassword).toEqual({
      user: null,
      userErrors: [
        {
          field: ["token"],
          code: "INVALID",
          message:
            "This reset link was used already. Ask for a new link on the “Forgot password?” page.",
        },
      ],
    });
    expect(await logInWorks(app, email, NEW_PASSWORD)).toBe(true);
  });

  it("expires after one hour (EXPIRED on token) and changes nothing", async () => {
    const { email } = await person();
    const before = await signedIn(app, email);
    const token = await requestLink(email);
    clock.advance(60 * 60_000 + 1000);
    const response = await browser(app).graphql<ResetData>(RESET, {
      input: { token, newPassword: NEW_PASSWORD },
    });
    expect(response.body.data?.resetPassword).toEqual({
      user: null,
      userErrors: [
        {
          field: ["token"],
          code: "EXPIRED",
          message: "This reset link expired. Ask for a new link on the “Forgot password?” page.",
        },
      ],
    });
    expect(response.headers.get("set-cookie")).toBeNull();
    clock.reset();
    expect(await viewerEmail(before)).toBe(email);
    expect(await logInWorks(app, email, PASSWORD)).toBe(true);
  });

  it("refuses an unknown or malformed token (INVALID) and a weak password (INVALID on newPassword, the link still works)", async () => {
    for (const token of ["x".repeat(43), "not a token"]) {
      const unknown = await browser(app).graphql<ResetData>(RESET, {
        input: { token, newPassword: NEW_PASSWORD },
      });
      expect(unknown.body.data?.resetPassword.userErrors).toEqual([
        {
          field: ["token"],
          code: "INVALID",
          message:
            "This reset link is not valid. Ask for a new link on the “Forgot password?” page.",
        },
      ]);
    }
    const { email } = await person();
    const token = await requestLink(email);
    const weak = await browser(app).graphql<ResetData>(RESET, {
      input: { token, newPassword: "short" },
    });
    expect(weak.body.data?.resetPassword.userErrors).toEqual([
      expect.objectContaining({ field: ["newPassword"], code: "INVALID" }),
    ]);
    const ok = await browser(app).graphql<ResetData>(RESET, {
      input: { token, newPassword: NEW_PASSWORD },
    });
    expect(ok.body.data?.resetPassword.userErrors).toEqual([]);
  });

  it("counts unknown tokens with the token-guess limiter", async () => {
    const limited = await start({ tokenGuessesPerIp: 2, tokenGuessWindowSeconds: 600 });
    const guesser = browser(limited, { ip: "10.6.0.1" });
    const codes: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const guess = await guesser.graphql<ResetData>(RESET, {
        input: { token: `${"g".repeat(42)}${i}`, newPassword: NEW_PASSWORD },
      });
      codes.push(guess.body.data!.resetPassword.userErrors[0]!.code);
    }
    expect(codes).toEqual(["INVALID", "INVALID", "RATE_LIMITED"]);
  });

  it("takes over an address whose earlier registration was never verified: its password and sessions end", async () => {
    // Someone registered the address first and never proved the mailbox.
    const squatter = await person({ verified: false });
    const squatterSession = await signedIn(app, squatter.email);
    const [minted] = await db.dataSource.query(
      `INSERT INTO api_tokens (account_id, created_by_member_id, name, scopes, token_hash)
       VALUES ($1, $2, 'squatter', ARRAY['READ'], $3) RETURNING id`,
      [squatter.accountId, squatter.memberId, randomUUID()],
    );
    const token = await requestLink(squatter.email);
    const owner = browser(app, { ip: "10.7.0.1" });
    const response = await owner.graphql<ResetData>(RESET, {
      input: { token, newPassword: NEW_PASSWORD },
    });
    expect(response.body.data?.resetPassword.userErrors).toEqual([]);
    expect(await viewerEmail(squatterSession)).toBeNull();
    expect(await logInWorks(app, squatter.email, PASSWORD)).toBe(false);
    const [{ email_verified_at: verifiedAt }] = await db.dataSource.query(
      "SELECT email_verified_at FROM users WHERE id = $1",
      [squatter.userId],
    );
    expect(verifiedAt).toBeInstanceOf(Date);
    // Tokens minted by whoever registered first go with their password.
    const [{ revoked_at: revokedAt }] = await db.dataSource.query(
      "SELECT revoked_at FROM api_tokens WHERE id = $1",
      [minted.id],
    );
    expect(revokedAt).toBeInstanceOf(Date);
  });

  it("keeps an earlier verification time", async () => {
    const { email, userId } = await person({ verified: true });
    const [{ email_verified_at: before }] = await db.dataSource.query(
      "SELECT email_verified_at FROM users WHERE id = $1",
      [userId],
    );
    const token = await requestLink(email);
    await browser(app).graphql<ResetData>(RESET, { input: { token, newPassword: NEW_PASSWORD } });
    const [{ email_verified_at: after }] = await db.dataSource.query(
      "SELECT email_verified_at FROM users WHERE id = $1",
      [userId],
    );
    expect(after).toEqual(before);
  });
});
