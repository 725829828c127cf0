/**
 * Browser sessions: a random 32-byte id in an httpOnly cookie, stored hashed,
 * valid 30 days and extended while in use. Each session remembers the account
 * the user is acting in (the account selector).
 */
import { MemberStatus, type Plan, type Role } from "@pn/shared";
import type { EntityManager } from "typeorm";
import { hashSecret, newSecret } from "../../crypto/secret-token";
import { execute, queryRows, simpleQueryLiteral } from "../../db/sql";
import { NOT_IN_FORCE } from "./credential-check";
import type { Viewer } from "../../graphql/context";

export const SESSION_COOKIE = "pn_session";
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** Extending on every request would write on every read; once an hour is enough for a 30-day window. */
const EXTEND_AFTER_MS = 60 * 60 * 1000;

/** The request a session starts from (graphql/context.ts has both). */
export type SessionOrigin = { userAgent: string | null; ip: string | null };

export type SessionRow = {
  id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  user_agent: string | null;
  ip: string | null;
};

type SessionViewerRow = {
  id: string;
  user_id: string;
  account_id: string | null;
  last_seen_at: Date;
  expires_at: Date;
  member_id: string | null;
  role: Role | null;
  account_name: string | null;
  account_handle: string | null;
  account_plan: Plan | null;
  extended: boolean;
};

export const sessionsService = {
  /** `origin` is the request that signs in: its user agent and IP label the session in the person's list. */
  async create(
    db: EntityManager,
    userId: string,
    accountId: string | null,
    origin?: SessionOrigin,
  ) {
    const token = newSecret();
    const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
    const [row] = await queryRows<{ id: string }>(
      db,
      "INSERT INTO sessions (token_hash, user_id, account_id, expires_at, user_agent, ip) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      [
        hashSecret(token),
        userId,
        accountId,
        expiresAt,
        origin?.userAgent ?? null,
        origin?.ip ?? null,
      ],
    );
    return { id: row!.id, token, expiresAt };
  },

  /** A person's live sessions, newest first; the caller's transaction must know the person (RLS own_sessions). */
  async listForUser(db: EntityManager, userId: string): Promise<SessionRow[]> {
    return queryRows<SessionRow>(
      db,
      `SELECT id, created_at, last_seen_at, expires_at, user_agent, ip FROM sessions
       WHERE user_id = $1 AND expires_at > now() ORDER BY created_at DESC, id`,
      [userId],
    );
  },

  /** The person's live sessions among `ids` (refetching by `node`); others' and ended ones are left out. */
  async ownByIds(db: EntityManager, userId: string, ids: readonly string[]): Promise<SessionRow[]> {
    return queryRows<SessionRow>(
      db,
      `SELECT id, created_at, last_seen_at, expires_at, user_agent, ip FROM sessions
       WHERE id = ANY($1::uuid[]) AND user_id = $2 AND expires_at > now()`,
      [ids, userId],
    );
  },

  /** Ends one of the person's own sessions; false when `sessionId` is not theirs (or gone). */
  async endOwn(db: EntityManager, userId: string, sessionId: string): Promise<boolean> {
    const ended = await queryRows<{ id: string }>(
      db,
      "DELETE FROM sessions WHERE id = $1 AND user_id = $2 RETURNING id",
      [sessionId, userId],
    );
    return ended.length > 0;
  },

  /** Every session of the person but `keepSessionId` (null: all of them), in every account. */
  async endAllOfUser(
    db: EntityManager,
    userId: string,
    keepSessionId: string | null,
  ): Promise<number> {
    const ended = await queryRows<{ id: string }>(
      db,
      "DELETE FROM sessions WHERE user_id = $1 AND ($2::uuid IS NULL OR id <> $2::uuid) RETURNING id",
      [userId, keepSessionId],
    );
    return ended.length;
  },

  /**
   * The viewer behind a session cookie, or null when it is unknown or expired.
   * The current account counts only while the membership is accepted, active, with login allowed.
   * One statement: when the session was last extended over an hour ago, the same statement
   * extends it (`extendedUntil`, for the cookie).
   */
  async viewerForToken(
    db: EntityManager,
    token: string,
  ): Promise<{
    viewer: Viewer;
    expiresAt: Date;
    lastSeenAt: Date;
    extendedUntil: Date | null;
  } | null> {
    const now = Date.now();
    const extendTo = new Date(now + SESSION_LIFETIME_MS);
    const [row] = await queryRows<SessionViewerRow>(
      db,
      `WITH found AS (
         SELECT s.id, s.user_id, s.account_id, s.last_seen_at, s.expires_at, m.id AS member_id, m.role,
           a.name AS account_name, a.handle AS account_handle, a.plan AS account_plan
         FROM sessions s
         LEFT JOIN members m ON m.account_id = s.account_id AND m.user_id = s.user_id
           AND m.status = $2 AND m.can_login AND m.accepted_at IS NOT NULL
         LEFT JOIN accounts a ON a.id = m.account_id
         WHERE s.token_hash = $1 AND s.expires_at > now()
       ), extended AS (
         UPDATE sessions SET last_seen_at = now(), expires_at = $3
         WHERE id IN (SELECT id FROM found WHERE last_seen_at < $4) RETURNING id
       )
       SELECT found.*, EXISTS (SELECT 1 FROM extended) AS extended FROM found`,
      [hashSecret(token), MemberStatus.ACTIVE, extendTo, new Date(now - EXTEND_AFTER_MS)],
    );
    if (!row) return null;
    const inAccount = row.member_id !== null;
    return {
      viewer: {
        userId: row.user_id,
        accountId: inAccount ? row.account_id : null,
        memberId: row.member_id,
        role: row.role,
        credential: { kind: "session", sessionId: row.id },
        account:
          inAccount && row.account_id && row.account_name !== null
            ? {
                id: row.account_id,
                name: row.account_name,
                handle: row.account_handle!,
                plan: row.account_plan!,
              }
            : null,
      },
      expiresAt: row.extended ? extendTo : row.expires_at,
      lastSeenAt: row.extended ? new Date(now) : row.last_seen_at,
      extendedUntil: row.extended ? extendTo : null,
    };
  },

  /**
   * The re-check of a session's viewer that the credential cache answered (credential-cache.ts):
   * one row whose `in_force` is true while `viewerForToken` would still answer the same — the
   * session not ended nor expired, and, if it acts in an account, still there as the same
   * accepted, active member with login and the same role. A simple-query statement (literals).
   */
  inForceSql(sessionId: string, viewer: Viewer): string {
    const literal = simpleQueryLiteral;
    const session = `EXISTS (SELECT 1 FROM sessions s WHERE s.id = ${literal.uuid(sessionId)} AND s.expires_at > now()`;
    if (viewer.accountId === null) return `SELECT ${session}) AS in_force`;
    if (!viewer.memberId || !viewer.role) return NOT_IN_FORCE;
    const account = literal.uuid(viewer.accountId);
    return `SELECT ${session} AND s.account_id = ${account})
      AND EXISTS (SELECT 1 FROM members m WHERE m.id = ${literal.uuid(viewer.memberId)}
        AND m.account_id = ${account} AND m.user_id = ${literal.uuid(viewer.userId)}
        AND m.status = ${literal.enumValue(MemberStatus.ACTIVE)} AND m.can_login AND m.accepted_at IS NOT NULL
        AND m.role = ${literal.enumValue(viewer.role)}) AS in_force`;
  },

  /** Whether a session last seen at `lastSeenAt` is due its hourly extension. */
  extensionDue(lastSeenAt: Date, now = Date.now()): boolean {
    return now - lastSeenAt.getTime() > EXTEND_AFTER_MS;
  },

  /** Extends a session seen from the credential cache, unless another process just did. */
  async extend(db: EntityManager, sessionId: string, until: Date): Promise<void> {
    await execute(
      db,
      "UPDATE sessions SET last_seen_at = now(), expires_at = greatest(expires_at, $2) WHERE id = $1",
      [sessionId, until],
    );
  },

  async switchAccount(db: EntityManager, sessionId: string, accountId: string): Promise<void> {
    await execute(db, "UPDATE sessions SET account_id = $2 WHERE id = $1", [sessionId, accountId]);
  },

  async end(db: EntityManager, sessionId: string): Promise<void> {
    await execute(db, "DELETE FROM sessions WHERE id = $1", [sessionId]);
  },

  /** Ends a user's sessions inside one account (archiving, removal from the network). */
  async endForMembersInAccount(
    db: EntityManager,
    accountId: string,
    userIds: string[],
  ): Promise<number> {
    const ended = await queryRows<{ id: string }>(
      db,
      "DELETE FROM sessions WHERE account_id = $1 AND user_id = ANY($2::uuid[]) RETURNING id",
      [accountId, userIds],
    );
    return ended.length;
  },
};
