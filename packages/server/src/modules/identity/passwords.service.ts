/**
 * A person's own password: changing it (the current one required) and resetting it through
 * an emailed link. Both end the person's other sessions, so a leaked password or cookie can
 * be cut off by its owner (docs/api.md "Passwords and sessions").
 *
 * Hashes are computed before the request's transaction opens, as log-in does: a hash takes a
 * third of a second and no database connection should wait on it.
 */
import { isValidEmail, normalizeEmail, passwordProblem, UserErrorCode } from "@pn/shared";
import type { EntityManager } from "typeorm";
import { clock } from "../../clock";
import { hashSecret, isWellFormedSecret, mintToken } from "../../crypto/secret-token";
import { execute, queryRows } from "../../db/sql";
import { tenantScope } from "../../db/tenant-transaction";
import type { Context } from "../../graphql/context";
import { requireViewer } from "../../graphql/permissions";
import { userError, type UserError } from "../../graphql/user-error";
import { auditService } from "../audit/audit.service";
import { mailService } from "../mail/mail.service";
import { membersService } from "../members/members.service";
import { rateLimitedUserError } from "../rate-limits/rate-limits.service";
import { passwordMatchesHash, passwords } from "./password";
import { passwordResetEmail, passwordResetLink } from "./password-reset-email";
import { sessionsService } from "./sessions.service";
import { apiTokensService } from "./api-tokens.service";
import { toUser, type UserRow, type User } from "./user.type";

/** A reset link works for an hour: long enough to reach the mailbox, short for a link left lying in it. */
export const PASSWORD_RESET_LIFETIME_MS = 60 * 60 * 1000;

const ASK_AGAIN = "Ask for a new link on the “Forgot password?” page.";

type ResetTokenRow = {
  id: string;
  user_id: string;
  expires_at: Date;
  used_at: Date | null;
};

/** Reset links still open for a user end with a password change: the old mailbox no longer decides. */
async function endResetTokens(db: EntityManager, userId: string, exceptId: string | null) {
  await execute(
    db,
    "DELETE FROM password_reset_tokens WHERE user_id = $1 AND ($2::uuid IS NULL OR id <> $2::uuid)",
    [userId, exceptId],
  );
}

export const passwordsService = {
  async changePassword(
    context: Context,
    input: { currentPassword: string; newPassword: string },
  ): Promise<{ user: User | null; endedSessionCount: number; userErrors: UserError[] }> {
    const viewer = requireViewer(context);
    const fail = (error: UserError) => ({ user: null, endedSessionCount: 0, userErrors: [error] });
    if (viewer.credential.kind !== "session") {
      // A token acts for an account; a person's password is theirs alone.
      return fail(
        userError(
          UserErrorCode.INVALID_STATE,
          "An API token cannot change a password; sign in to change yours.",
        ),
      );
    }
    const sessionId = viewer.credential.sessionId;
    const weak = passwordProblem(input.newPassword);
    if (weak) return fail(userError(UserErrorCode.INVALID, weak, ["newPassword"]));
    if (input.newPassword === input.currentPassword) {
      return fail(
        userError(
          UserErrorCode.INVALID,
          "Choose a new password that differs from the current one.",
          ["newPassword"],
        ),
      );
    }
    // On the system pool: no connection of the request is held while the hash is checked.
    const row = await context.credentials.userWithPasswordById(viewer.userId);
    if (!row) throw new Error(`signed-in user ${viewer.userId} is missing`);
    // The log-in limiter: a stolen cookie must not buy unlimited guesses at the password.
    const attempt = await context.rateLimits.beginLogIn(row.email, context.ip);
    if (attempt.blocked) {
      return fail(
        rateLimitedUserError(
          "Too many wrong passwords for this email or from this network.",
          attempt.retryAfterSeconds,
          ["currentPassword"],
        ),
      );
    }
    if (!(await passwordMatchesHash(input.currentPassword, row.password_hash))) {
      return fail(
        userError(UserErrorCode.BAD_CREDENTIALS, "That is not your current password.", [
          "currentPassword",
        ]),
      );
    }
    await attempt.succeeded();
    const passwordHash = await passwords.hash(input.newPassword);
    const ended = await context.db.transaction(async (db) => {
      await execute(db, "UPDATE users SET password_hash = $2 WHERE id = $1", [
        viewer.userId,
        passwordHash,
      ]);
      const count = await sessionsService.endAllOfUser(db, viewer.userId, sessionId);
      await endResetTokens(db, viewer.userId, null);
      // A person with no account to enter has no trail to record it in.
      if (viewer.accountId) {
        await auditService.record(db, context, [
          {
            accountId: viewer.accountId,
            action: "user.password_changed",
            objectType: "User",
            objectId: viewer.userId,
            details: { otherSessionsEnded: count },
          },
        ]);
      }
      return count;
    });
    return { user: toUser(row), endedSessionCount: ended, userErrors: [] };
  },

  /**
   * Emails a reset link when the address belongs to a user. The answer is the same for known
   * and unknown addresses, and both are counted by the same limits, so neither the answer nor
   * the limit tells whether someone uses the product.
   */
  async requestPasswordReset(
    context: Context,
    input: { email: string },
  ): Promise<{ ok: boolean; userErrors: UserError[] }> {
    const email = normalizeEmail(input.email);
    if (!isValidEmail(email)) {
      return {
        ok: false,
        userErrors: [userError(UserErrorCode.INVALID, "Enter a valid email address.", ["email"])],
      };
    }
    const attempt = await context.rateLimits.beginPasswordResetRequest(email, context.ip);
    if (attempt.blocked) {
      return {
        ok: false,
        userErrors: [
          rateLimitedUserError(
            "Too many reset links were asked for this email or from this network.",
            attempt.retryAfterSeconds,
            ["email"],
          ),
        ],
      };
    }
    // Minted for unknown addresses too, so both paths do the same work before the lookup.
    const token = mintToken(PASSWORD_RESET_LIFETIME_MS, clock.now());
    await context.db.transaction(async (db) => {
      const [user] = await queryRows<{ id: string; email: string; name: string }>(
        db,
        "SELECT id, email, name FROM users WHERE email_key(email) = email_key($1)",
        [email],
      );
      if (!user) return;
      // The outbox's personal_mail policy lets a request write an email to this person only.
      await tenantScope.identifyUser(db, user.id);
      await execute(
        db,
        "INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, $3)",
        [user.id, token.hash, token.expiresAt],
      );
      const body = passwordResetEmail({ name: user.name, expiresAt: token.expiresAt });
      await mailService.queue(db, context.mail, [
        {
          accountId: null,
          invitationId: null,
          to: user.email,
          ...body,
          secretLink: passwordResetLink(context, token.secret),
        },
      ]);
    });
    return { ok: true, userErrors: [] };
  },

  /**
   * Sets a new password through an emailed link. Following the link proves the mailbox, so
   * the email counts as verified from here on; every session and every other reset link of
   * the person ends (an earlier, never-verified registration of the address loses its
   * password and sessions: the mailbox's owner takes the identity over), and a fresh session
   * starts for the browser that reset it.
   */
  async resetPassword(
    context: Context,
    input: { token: string; newPassword: string },
  ): Promise<{ user: User | null; userErrors: UserError[] }> {
    const fail = (code: UserErrorCode, message: string, field: string) => ({
      user: null,
      userErrors: [userError(code, message, [field])],
    });
    const weak = passwordProblem(input.newPassword);
    if (weak) return fail(UserErrorCode.INVALID, weak, "newPassword");
    // Unknown tokens count as guesses, as invitation tokens do.
    const lookup = await context.rateLimits.beginTokenLookup(context.ip);
    if (lookup.blocked) {
      return {
        user: null,
        userErrors: [
          rateLimitedUserError(
            "Too many unknown links were tried from this network.",
            lookup.retryAfterSeconds,
            ["token"],
          ),
        ],
      };
    }
    const invalid = () =>
      fail(UserErrorCode.INVALID, `This reset link is not valid. ${ASK_AGAIN}`, "token");
    if (!isWellFormedSecret(input.token)) return invalid();
    const passwordHash = await passwords.hash(input.newPassword);
    const outcome = await context.db.transaction(async (db) => {
      const [row] = await queryRows<ResetTokenRow>(
        db,
        "SELECT id, user_id, expires_at, used_at FROM password_reset_tokens WHERE token_hash = $1 FOR UPDATE",
        [hashSecret(input.token)],
      );
      if (!row) return { kind: "unknown" as const };
      if (row.used_at) return { kind: "used" as const };
      if (row.expires_at.getTime() <= clock.now().getTime()) return { kind: "expired" as const };
      await tenantScope.identifyUser(db, row.user_id);
      await execute(db, "UPDATE password_reset_tokens SET used_at = $2 WHERE id = $1", [
        row.id,
        clock.now(),
      ]);
      await endResetTokens(db, row.user_id, row.id);
      const [before] = await queryRows<{ verified: boolean }>(
        db,
        "SELECT email_verified_at IS NOT NULL AS verified FROM users WHERE id = $1",
        [row.user_id],
      );
      // A reset of a registration that was never verified is the mailbox owner taking it over:
      // tokens minted by whoever registered first go with the old password.
      const tokensRevoked = before?.verified
        ? 0
        : await apiTokensService.revokeAllOfUser(db, context, row.user_id);
      const [user] = await queryRows<UserRow>(
        db,
        `UPDATE users SET password_hash = $2, email_verified_at = coalesce(email_verified_at, now())
         WHERE id = $1 RETURNING id, email, name, email_verified_at`,
        [row.user_id, passwordHash],
      );
      const ended = await sessionsService.endAllOfUser(db, row.user_id, null);
      const membership = await membersService.firstEnterableMembership(db, row.user_id);
      const session = await sessionsService.create(
        db,
        row.user_id,
        membership?.accountId ?? null,
        context,
      );
      if (membership) {
        // The person now acts in the account the fresh session opens in.
        await tenantScope.enterAccount(db, membership.accountId);
        const actor = { userId: row.user_id, memberId: membership.memberId };
        await auditService.record(db, context, [
          {
            accountId: membership.accountId,
            action: "user.password_reset",
            objectType: "User",
            objectId: row.user_id,
            details: { sessionsEnded: ended, tokensRevoked },
            actor,
          },
          {
            accountId: membership.accountId,
            action: "session.created",
            objectType: "Session",
            objectId: session.id,
            details: { method: "password_reset" },
            actor,
          },
        ]);
      }
      return { kind: "reset" as const, user: user!, session };
    });
    if (outcome.kind !== "unknown") await lookup.succeeded();
    if (outcome.kind === "unknown") return invalid();
    if (outcome.kind === "used") {
      return fail(UserErrorCode.INVALID, `This reset link was used already. ${ASK_AGAIN}`, "token");
    }
    if (outcome.kind === "expired") {
      return fail(UserErrorCode.EXPIRED, `This reset link expired. ${ASK_AGAIN}`, "token");
    }
    context.sessionCookie.set(outcome.session.token, outcome.session.expiresAt);
    return { user: toUser(outcome.user), userErrors: [] };
  },
};
