/**
 * Sign-up, log-in, log-out and account switching, and users as the viewer may see them.
 */
import {
  emailKey,
  isValidEmail,
  NAME_MAX_LENGTH,
  normalizeEmail,
  passwordProblem,
  UserErrorCode,
} from "@pn/shared";
import type { EntityManager } from "typeorm";
import { execute, queryRows } from "../../db/sql";
import { tenantScope } from "../../db/tenant-transaction";
import type { Context } from "../../graphql/context";
import { localIdOf } from "../../graphql/global-id";
import type { NodeSource } from "../../graphql/node";
import { requireViewer } from "../../graphql/permissions";
import { userError, type UserError } from "../../graphql/user-error";
import { accountsService } from "../accounts/accounts.service";
import { auditService } from "../audit/audit.service";
import type { Account } from "../accounts/account.type";
import { membersService } from "../members/members.service";
import { rateLimitedUserError } from "../rate-limits/rate-limits.service";
import { emailVerificationService } from "./email-verification.service";
import { signUpAttemptEmail } from "./identity-email";
import { passwordMatchesHash, passwords } from "./password";
import { apiTokensService } from "./api-tokens.service";
import { sessionsService, type SessionOrigin } from "./sessions.service";
import { toUser, type User } from "./user.type";

const BAD_CREDENTIALS = "That email and password do not match an account.";

function requiredText(value: string, field: string, label: string, errors: UserError[]): string {
  const trimmed = value.trim();
  if (!trimmed) errors.push(userError(UserErrorCode.INVALID, `${label} is required.`, [field]));
  else if (trimmed.length > NAME_MAX_LENGTH) {
    errors.push(
      userError(UserErrorCode.INVALID, `${label} must be at most ${NAME_MAX_LENGTH} characters.`, [
        field,
      ]),
    );
  }
  return trimmed;
}

/** Who a user is for a login invitation: whether they have set a password yet (never the hash). */
export type UserLoginState = {
  id: string;
  email: string;
  hasPassword: boolean;
  /** Whether the person proved the mailbox; an unverified registration may be taken over. */
  emailVerified: boolean;
};

export const identityService = {
  /** By id, or by email (case-insensitive); read inside the caller's transaction. */
  async loginState(
    db: EntityManager,
    user: { id: string } | { email: string | null },
  ): Promise<UserLoginState | null> {
    const [where, value] =
      "id" in user ? ["id = $1", user.id] : ["email_key(email) = email_key($1)", user.email];
    const [row] = await queryRows<{
      id: string;
      email: string;
      password_hash: string | null;
      email_verified_at: Date | null;
    }>(db, `SELECT id, email, password_hash, email_verified_at FROM users WHERE ${where}`, [value]);
    return row
      ? {
          id: row.id,
          email: row.email,
          hasPassword: Boolean(row.password_hash),
          emailVerified: row.email_verified_at !== null,
        }
      : null;
  },

  /** A user's name, read inside the caller's transaction. */
  async nameOf(db: EntityManager, userId: string): Promise<string> {
    const [row] = await queryRows<{ name: string }>(db, "SELECT name FROM users WHERE id = $1", [
      userId,
    ]);
    return row.name;
  },

  async findUserByEmail(
    db: EntityManager,
    email: string,
  ): Promise<{ id: string; emailVerified: boolean } | null> {
    const [row] = await queryRows<{ id: string; email_verified_at: Date | null }>(
      db,
      "SELECT id, email_verified_at FROM users WHERE email_key(email) = email_key($1)",
      [normalizeEmail(email)],
    );
    return row ? { id: row.id, emailVerified: row.email_verified_at !== null } : null;
  },

  /**
   * A password's stored form. Callers hash before their transaction opens: a hash takes a
   * third of a second, and no database connection should wait on it.
   */
  hashPassword(password: string): Promise<string> {
    return passwords.hash(password);
  },

  /** A new user with a password hashed by hashPassword (accepting an invitation); the caller checked the email is free. */
  async createUser(
    db: EntityManager,
    input: { email: string; name: string; passwordHash: string },
  ): Promise<string> {
    const { passwordHash } = input;
    const [row] = await queryRows<{ id: string }>(
      db,
      "INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id",
      [normalizeEmail(input.email), input.name, passwordHash],
    );
    return row!.id;
  },

  /** Only when none is set: a login invitation must not overwrite a password chosen meanwhile. */
  async setFirstPassword(db: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await execute(
      db,
      "UPDATE users SET password_hash = $2 WHERE id = $1 AND password_hash IS NULL",
      [userId, passwordHash],
    );
  },

  startSession(
    db: EntityManager,
    userId: string,
    accountId: string | null,
    origin?: SessionOrigin,
  ) {
    return sessionsService.create(db, userId, accountId, origin);
  },

  moveSession(db: EntityManager, sessionId: string, accountId: string) {
    return sessionsService.switchAccount(db, sessionId, accountId);
  },

  async userById(context: Context, userId: string): Promise<User> {
    const user = await context.loaders.userById.load(userId);
    if (!user) throw new Error(`user ${userId} referenced but missing`);
    return user;
  },

  /** A user who may be gone (the actor of an old audit event). */
  userOrNull(context: Context, userId: string): Promise<User | null> {
    return context.loaders.userById.load(userId);
  },

  /**
   * The `user` field of a member. Until the person accepted (or while an unclaimed
   * placeholder) the account sees only what it typed, so this is a view with the member's
   * name and email, never the person's own identity.
   */
  async userOfMember(
    context: Context,
    member: { userId: string; identityShown: boolean; name: string; email: string },
  ): Promise<User> {
    if (!member.identityShown)
      return toUser({
        id: member.userId,
        name: member.name,
        email: member.email,
        // The account learns nothing of the person's own state either.
        email_verified_at: null,
      });
    return identityService.userById(context, member.userId);
  },

  /**
   * Answers the same for a new and a taken email (docs/api.md "Identity and verification"):
   * no session, `user` and `account` null, "check your inbox". A new email gets its user
   * (unverified), account and owner membership, and a verification link; a taken one gets
   * nothing but a notice to that address. The password is hashed in both branches so the
   * time taken does not tell them apart either.
   */
  async signUp(
    context: Context,
    input: { email: string; password: string; name: string; accountName: string },
  ): Promise<{
    user: User | null;
    account: Account | null;
    verificationEmailSent: boolean;
    userErrors: UserError[];
  }> {
    const refused = (userErrors: UserError[]) => ({
      user: null,
      account: null,
      verificationEmailSent: false,
      userErrors,
    });
    const userErrors: UserError[] = [];
    const email = normalizeEmail(input.email);
    if (!isValidEmail(email))
      userErrors.push(userError(UserErrorCode.INVALID, "Enter a valid email address.", ["email"]));
    const weak = passwordProblem(input.password);
    if (weak) userErrors.push(userError(UserErrorCode.INVALID, weak, ["password"]));
    const name = requiredText(input.name, "name", "Your name", userErrors);
    const accountName = requiredText(input.accountName, "accountName", "Company name", userErrors);
    if (userErrors.length) return refused(userErrors);
    const limit = await context.rateLimits.beginSignUp(context.ip);
    if (!limit.granted)
      return refused([
        rateLimitedUserError("Too many sign-ups from this network.", limit.retryAfterSeconds),
      ]);

    const passwordHash = await passwords.hash(input.password);
    const created = await context.db.transaction(async (db) => {
      const [row] = await queryRows<{ id: string; email: string; name: string }>(
        db,
        `INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3)
         ON CONFLICT ((email_key(email))) DO NOTHING RETURNING id, email, name`,
        [email, name, passwordHash],
      );
      if (!row) return false;
      const account = await accountsService.createAccount(db, accountName);
      // The new person acts in their new account for the rest of this transaction.
      await tenantScope.identifyUser(db, row.id);
      await tenantScope.enterAccount(db, account.localId);
      const ownerId = await membersService.addOwner(db, account.localId, row.id);
      await auditService.record(db, context, [
        {
          accountId: account.localId,
          action: "account.created",
          objectType: "Account",
          objectId: account.localId,
          details: { name: account.name, handle: account.handle },
          actor: { userId: row.id, memberId: ownerId },
        },
      ]);
      await emailVerificationService.sendSignUpVerification(db, context, row, account.localId);
      return true;
    });
    if (!created) {
      // Never a verification link here: it would hand the first registrant's password a
      // proven identity. The mailbox's owner takes over through a password reset instead.
      const notice = await context.rateLimits.takeWindow(
        `sign-up-notice:${emailKey(email)}`,
        1,
        60 * 60,
      );
      if (notice.granted)
        await context.personalMail.send({
          to: email,
          ...signUpAttemptEmail({ appUrl: context.appUrl }),
          secretLink: null,
        });
    }
    return { user: null, account: null, verificationEmailSent: true, userErrors: [] };
  },

  /** The person proved the mailbox of their email (an invitation's emailed link, their own session). */
  async markEmailVerified(db: EntityManager, userId: string): Promise<void> {
    await execute(
      db,
      "UPDATE users SET email_verified_at = coalesce(email_verified_at, now()) WHERE id = $1",
      [userId],
    );
  },

  /**
   * A verified claim to `email` (an emailed invitation link, a confirmed shareable-link
   * claim) from someone not signed in as its user. A new email becomes a verified user. An
   * existing user whose email was never verified is taken over: the mailbox's owner sets the
   * name and password, the earlier password and every session end, and the account's audit
   * log records it. A verified user is never changed by someone else's link: null, and the
   * caller asks them to log in. Every accept path goes through here.
   */
  async claimVerifiedIdentity(
    db: EntityManager,
    context: Context,
    input: { email: string; name: string; passwordHash: string; accountId: string },
  ): Promise<{ userId: string; outcome: "created" | "taken_over" } | null> {
    const [row] = await queryRows<{
      id: string;
      email_verified_at: Date | null;
      registered: boolean;
    }>(
      db,
      "SELECT id, email_verified_at, password_hash IS NOT NULL AS registered FROM users WHERE email_key(email) = email_key($1) FOR UPDATE",
      [normalizeEmail(input.email)],
    );
    if (!row) {
      const [created] = await queryRows<{ id: string }>(
        db,
        "INSERT INTO users (email, name, password_hash, email_verified_at) VALUES ($1, $2, $3, now()) RETURNING id",
        [normalizeEmail(input.email), input.name, input.passwordHash],
      );
      return { userId: created!.id, outcome: "created" };
    }
    if (row.email_verified_at) return null;
    await execute(
      db,
      "UPDATE users SET name = $2, password_hash = $3, email_verified_at = now() WHERE id = $1",
      [row.id, input.name, input.passwordHash],
    );
    // The user's own sessions are theirs to end (row-level security): act as them from here.
    await tenantScope.identifyUser(db, row.id);
    const ended = await queryRows<{ id: string }>(
      db,
      "DELETE FROM sessions WHERE user_id = $1 RETURNING id",
      [row.id],
    );
    await emailVerificationService.spendLinksOf(db, row.id);
    // A placeholder (no password yet) claimed by its person is no takeover: nothing to record.
    if (!row.registered) return { userId: row.id, outcome: "taken_over" };
    const tokensRevoked = await apiTokensService.revokeAllOfUser(db, context, row.id);
    await auditService.record(db, context, [
      {
        accountId: input.accountId,
        action: "user.identity_claimed",
        objectType: "User",
        objectId: row.id,
        details: { sessionsEnded: ended.length, tokensRevoked, reason: "verified_email_claim" },
        actor: { userId: row.id, memberId: null },
      },
    ]);
    return { userId: row.id, outcome: "taken_over" };
  },

  async logIn(
    context: Context,
    input: { email: string; password: string },
  ): Promise<{ user: User | null; userErrors: UserError[] }> {
    // Counted before the password is checked; a blocked attempt never reaches the hash.
    const attempt = await context.rateLimits.beginLogIn(input.email, context.ip);
    if (attempt.blocked) {
      return {
        user: null,
        userErrors: [
          rateLimitedUserError(
            "Too many failed log-ins for this email or from this network.",
            attempt.retryAfterSeconds,
          ),
        ],
      };
    }
    // Outside the request's transaction: no connection is held while the hash is checked.
    const row = await context.credentials.userWithPassword(input.email);
    const matches = await passwordMatchesHash(input.password, row?.password_hash);
    if (!row || !matches) {
      return {
        user: null,
        userErrors: [userError(UserErrorCode.BAD_CREDENTIALS, BAD_CREDENTIALS)],
      };
    }
    await attempt.succeeded();
    await tenantScope.identifyUser(context.db, row.id);
    const session = await context.db.transaction(async (db) => {
      const membership = await membersService.firstEnterableMembership(db, row.id);
      const created = await sessionsService.create(
        db,
        row.id,
        membership?.accountId ?? null,
        context,
      );
      // A user with no account to enter has no trail to record it in.
      if (membership) {
        // The person now acts in the account the session opens in.
        await tenantScope.enterAccount(db, membership.accountId);
        await auditService.record(db, context, [
          {
            accountId: membership.accountId,
            action: "session.created",
            objectType: "Session",
            objectId: created.id,
            details: { method: "password" },
            actor: { userId: row.id, memberId: membership.memberId },
          },
        ]);
      }
      return created;
    });
    context.sessionCookie.set(session.token, session.expiresAt);
    return { user: toUser(row), userErrors: [] };
  },

  async logOut(context: Context): Promise<{ ok: boolean }> {
    const credential = context.viewer?.credential;
    context.sessionCookie.clear();
    if (credential?.kind !== "session") return { ok: false };
    const viewer = context.viewer!;
    await context.db.transaction(async (db) => {
      await sessionsService.end(db, credential.sessionId);
      if (viewer.accountId) {
        await auditService.record(db, context, [
          {
            accountId: viewer.accountId,
            action: "session.ended",
            objectType: "Session",
            objectId: credential.sessionId,
          },
        ]);
      }
    });
    return { ok: true };
  },

  async switchAccount(
    context: Context,
    accountGlobalId: string,
  ): Promise<{ account: Account | null; userErrors: UserError[] }> {
    const viewer = requireViewer(context);
    const notFound = {
      account: null,
      userErrors: [userError(UserErrorCode.NOT_FOUND, "No such account.", ["accountId"])],
    };
    const accountId = localIdOf(accountGlobalId, "Account");
    if (!accountId) return notFound;
    if (viewer.credential.kind !== "session") {
      return {
        account: null,
        userErrors: [
          userError(UserErrorCode.INVALID_STATE, "An API token is bound to its account.", [
            "accountId",
          ]),
        ],
      };
    }
    const sessionId = viewer.credential.sessionId;
    const switched = await context.db.transaction(async (db) => {
      const membership = await membersService.enterableMembership(db, viewer.userId, accountId);
      if (!membership) return false;
      await sessionsService.switchAccount(db, sessionId, accountId);
      await tenantScope.enterAccount(db, accountId);
      // Recorded in the account entered only: the one left learns nothing of where its people go.
      await auditService.record(db, context, [
        {
          accountId,
          action: "session.account_switched",
          objectType: "Session",
          objectId: sessionId,
          actor: { userId: viewer.userId, memberId: membership.id },
        },
      ]);
      return true;
    });
    if (!switched) return notFound;
    return { account: await accountsService.accountById(context, accountId), userErrors: [] };
  },
};

export const userNodeSource: NodeSource = {
  typeName: "User",
  // A user is refetchable by themselves; other people are reached through Member.
  load: (context, ids) =>
    Promise.all(
      ids.map((id) =>
        id === context.viewer?.userId ? context.loaders.userById.load(id) : Promise.resolve(null),
      ),
    ),
};
