/**
 * Proving a mailbox (docs/api.md "Identity and verification"). A link carries a secret
 * (crypto/secret-token.ts) of which only the hash is stored; it works once, for 24 hours.
 *
 * - Sign-up sends one; a signed-in unverified user may ask for another (at most one a
 *   minute and five a day). Following it sets `users.email_verified_at` and signs the
 *   person in when they are not.
 * - A shareable client link, followed with a typed email, creates nothing: it stores a
 *   claim (what the person typed) and sends the link to that address; the invitation's
 *   accept path completes it when the emailed link comes back (clients.service.ts).
 */
import { UserErrorCode } from "@pn/shared";
import type { EntityManager } from "typeorm";
import { clock } from "../../clock";
import {
  hashSecret,
  isWellFormedSecret,
  mintToken,
  secretMatchesHash,
} from "../../crypto/secret-token";
import { execute, queryRows } from "../../db/sql";
import { tenantScope } from "../../db/tenant-transaction";
import type { Context } from "../../graphql/context";
import { requireViewer } from "../../graphql/permissions";
import { userError, type UserError } from "../../graphql/user-error";
import { auditService } from "../audit/audit.service";
import { mailService } from "../mail/mail.service";
import { membersService } from "../members/members.service";
import { rateLimitedUserError } from "../rate-limits/rate-limits.service";
import {
  clientLinkClaimEmail,
  clientLinkClaimLink,
  verificationEmail,
  verifyEmailLink,
} from "./identity-email";
import { sessionsService } from "./sessions.service";
import { toUser, type User, type UserRow } from "./user.type";

export const VERIFICATION_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Resends per user: one a minute keeps a double click from mailing twice, five a day bounds abuse. */
export const RESENDS_PER_MINUTE = 1;
export const RESENDS_PER_DAY = 5;

const INVALID_LINK = "This link is not valid. Log in and ask for a new one.";

type VerificationRow = {
  id: string;
  purpose: "sign_up" | "client_link";
  user_id: string | null;
  email: string;
  token_hash: Buffer;
  invitation_id: string | null;
  name: string | null;
  password_hash: string | null;
  expires_at: Date;
  used_at: Date | null;
};

/** A typed email and what came with it, waiting for its mailbox to answer. */
export type ClientLinkClaim = { id: string; email: string; name: string; passwordHash: string };

async function insertVerification(
  db: EntityManager,
  row: {
    purpose: VerificationRow["purpose"];
    userId: string | null;
    email: string;
    invitationId?: string | null;
    name?: string | null;
    passwordHash?: string | null;
  },
) {
  const token = mintToken(VERIFICATION_LIFETIME_MS, clock.now());
  await execute(
    db,
    `INSERT INTO email_verifications (purpose, user_id, email, token_hash, invitation_id, name, password_hash, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      row.purpose,
      row.userId,
      row.email,
      token.hash,
      row.invitationId ?? null,
      row.name ?? null,
      row.passwordHash ?? null,
      token.expiresAt,
    ],
  );
  return token;
}

async function findByToken(db: EntityManager, token: string): Promise<VerificationRow | null> {
  if (!isWellFormedSecret(token)) return null;
  const [row] = await queryRows<VerificationRow>(
    db,
    `SELECT id, purpose, user_id, email, token_hash, invitation_id, name, password_hash, expires_at, used_at
     FROM email_verifications WHERE token_hash = $1 FOR UPDATE`,
    [hashSecret(token)],
  );
  return row && secretMatchesHash(token, row.token_hash) ? row : null;
}

/** Why a link does not work, in the order a person can act on it. */
function linkProblem(row: VerificationRow | null, purpose: VerificationRow["purpose"]) {
  if (!row || row.purpose !== purpose)
    return userError(UserErrorCode.INVALID, INVALID_LINK, ["token"]);
  if (row.used_at)
    return userError(
      UserErrorCode.ALREADY_ACCEPTED,
      "This link was used already. If your email is not confirmed yet, log in and ask for a new link.",
      ["token"],
    );
  if (row.expires_at.getTime() <= clock.now().getTime())
    return userError(
      UserErrorCode.EXPIRED,
      "This link has expired; log in and ask for a new link.",
      ["token"],
    );
  return null;
}

export const emailVerificationService = {
  /** Sign-up's link, queued in the new account's outbox inside the sign-up transaction. */
  async sendSignUpVerification(
    db: EntityManager,
    context: Context,
    user: { id: string; email: string; name: string },
    accountId: string,
  ): Promise<void> {
    const token = await insertVerification(db, {
      purpose: "sign_up",
      userId: user.id,
      email: user.email,
    });
    await mailService.queue(db, context.mail, [
      {
        accountId,
        invitationId: null,
        to: user.email,
        ...verificationEmail({ name: user.name, expiresAt: token.expiresAt }),
        secretLink: verifyEmailLink(context, token.secret),
      },
    ]);
  },

  async verifyEmail(
    context: Context,
    token: string,
  ): Promise<{ user: User | null; userErrors: UserError[] }> {
    const lookup = await context.rateLimits.beginTokenLookup(context.ip);
    if (lookup.blocked)
      return {
        user: null,
        userErrors: [
          rateLimitedUserError(
            "Too many links that do not exist were tried from this network.",
            lookup.retryAfterSeconds,
            ["token"],
          ),
        ],
      };
    const outcome = await context.db.transaction(async (db) => {
      const row = await findByToken(db, token);
      if (row) await lookup.succeeded();
      const problem = linkProblem(row, "sign_up");
      if (problem) return { problem };
      const userId = row!.user_id!;
      // The link proves the address it was sent to; an address changed since proves nothing.
      const [user] = await queryRows<UserRow>(
        db,
        `UPDATE users SET email_verified_at = coalesce(email_verified_at, now())
         WHERE id = $1 AND email_key(email) = email_key($2) RETURNING id, email, name, email_verified_at`,
        [userId, row!.email],
      );
      if (!user) return { problem: userError(UserErrorCode.INVALID, INVALID_LINK, ["token"]) };
      // Every outstanding link of this user is spent: one proof is enough.
      await execute(
        db,
        "UPDATE email_verifications SET used_at = now() WHERE user_id = $1 AND used_at IS NULL",
        [userId],
      );
      if (context.viewer?.userId === userId) return { user, session: null };
      // Whoever holds the link reads the mailbox: they are signed in as its owner.
      await tenantScope.identifyUser(db, userId);
      const membership = await membersService.firstEnterableMembership(db, userId);
      const session = await sessionsService.create(
        db,
        userId,
        membership?.accountId ?? null,
        context,
      );
      if (membership) {
        await tenantScope.enterAccount(db, membership.accountId);
        await auditService.record(db, context, [
          {
            accountId: membership.accountId,
            action: "session.created",
            objectType: "Session",
            objectId: session.id,
            details: { method: "email_verification" },
            actor: { userId, memberId: membership.memberId },
          },
        ]);
      }
      return { user, session };
    });
    if ("problem" in outcome) return { user: null, userErrors: [outcome.problem!] };
    if (outcome.session)
      context.sessionCookie.set(outcome.session.token, outcome.session.expiresAt);
    return { user: toUser(outcome.user), userErrors: [] };
  },

  async resend(context: Context): Promise<{ sent: boolean; userErrors: UserError[] }> {
    const viewer = requireViewer(context);
    const [user] = await queryRows<UserRow & { email_verified_at: Date | null }>(
      context.db,
      "SELECT id, email, name, email_verified_at FROM users WHERE id = $1",
      [viewer.userId],
    );
    if (user!.email_verified_at)
      return {
        sent: false,
        userErrors: [
          userError(UserErrorCode.INVALID_STATE, "Your email address is confirmed already."),
        ],
      };
    // The day's allowance is checked first and taken last, so a refused minute costs none of it.
    const dayKey = `verify-resend-day:${user!.id}`;
    const day = await context.rateLimits.peekWindow(dayKey, RESENDS_PER_DAY);
    const minute = day.granted
      ? await context.rateLimits.takeWindow(
          `verify-resend-minute:${user!.id}`,
          RESENDS_PER_MINUTE,
          60,
        )
      : day;
    const taken = minute.granted
      ? await context.rateLimits.takeWindow(dayKey, RESENDS_PER_DAY, 24 * 60 * 60)
      : minute;
    if (!taken.granted)
      return {
        sent: false,
        userErrors: [
          rateLimitedUserError("A confirmation email was sent recently.", taken.retryAfterSeconds),
        ],
      };
    const token = await insertVerification(context.db, {
      purpose: "sign_up",
      userId: user!.id,
      email: user!.email,
    });
    await context.personalMail.send({
      to: user!.email,
      ...verificationEmail({ name: user!.name, expiresAt: token.expiresAt }),
      secretLink: verifyEmailLink(context, token.secret),
    });
    return { sent: true, userErrors: [] };
  },

  /**
   * A shareable client link followed with a typed email: stores the claim and sends the
   * address a link back to the same invitation. Runs in the accepting transaction, reaching
   * into the link's account, so the email counts against its daily invitation allowance.
   */
  async storeClientLinkClaim(
    db: EntityManager,
    context: Context,
    claim: {
      invitationId: string;
      invitationToken: string;
      accountId: string;
      accountName: string;
      email: string;
      name: string;
      passwordHash: string;
    },
  ): Promise<UserError | null> {
    const limited = await context.rateLimits.reserveInvitationSends(db, claim.accountId, 1, {
      field: ["email"],
    });
    if (limited) return limited;
    const token = await insertVerification(db, {
      purpose: "client_link",
      userId: null,
      email: claim.email,
      invitationId: claim.invitationId,
      name: claim.name,
      passwordHash: claim.passwordHash,
    });
    await mailService.queue(db, context.mail, [
      {
        accountId: claim.accountId,
        invitationId: claim.invitationId,
        to: claim.email,
        ...clientLinkClaimEmail({ accountName: claim.accountName, expiresAt: token.expiresAt }),
        secretLink: clientLinkClaimLink(context, claim.invitationToken, token.secret),
      },
    ]);
    return null;
  },

  /** The claim an emailed link names, for this invitation only; locked until the transaction ends. */
  async openClientLinkClaim(
    db: EntityManager,
    claimToken: string,
    invitationId: string,
  ): Promise<ClientLinkClaim | UserError> {
    const row = await findByToken(db, claimToken);
    const problem = linkProblem(
      row && row.invitation_id === invitationId ? row : null,
      "client_link",
    );
    if (problem) return { ...problem, field: ["claimToken"] };
    return { id: row!.id, email: row!.email, name: row!.name!, passwordHash: row!.password_hash! };
  },

  /** Spends a claim once it completed; its password hash is not kept. */
  async closeClientLinkClaim(db: EntityManager, claimId: string): Promise<void> {
    await execute(
      db,
      "UPDATE email_verifications SET used_at = now(), password_hash = NULL WHERE id = $1",
      [claimId],
    );
  },

  /** Spends every outstanding sign-up link of a user (their registration was taken over). */
  async spendLinksOf(db: EntityManager, userId: string): Promise<void> {
    await execute(
      db,
      "UPDATE email_verifications SET used_at = now() WHERE user_id = $1 AND used_at IS NULL",
      [userId],
    );
  },
};
