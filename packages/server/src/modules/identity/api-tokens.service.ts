/**
 * API tokens for partner systems: `pn_` + 32 random bytes, shown once, stored as
 * SHA-256. A token acts in its account with the current membership of the member who
 * created it; READ tokens may only query. Authority follows the person: the moment the
 * creator loses login, is archived or removed, or no longer holds the role the token's
 * scopes need (API_SCOPE_NEEDS), the membership change revokes the token in its own
 * transaction (revokeForCreators), and every use checks the membership again.
 */
import {
  ApiScope,
  can,
  MemberStatus,
  roleHoldsScopes,
  scopesHeldBy,
  UserErrorCode,
  type Plan,
  type Role,
} from "@pn/shared";
import type { EntityManager } from "typeorm";
import { clock } from "../../clock";
import { hashSecret, newSecret } from "../../crypto/secret-token";
import { execute, queryRows, simpleQueryLiteral } from "../../db/sql";
import { tenantScope } from "../../db/tenant-transaction";
import type { Context, Viewer } from "../../graphql/context";
import { auditService } from "../audit/audit.service";
import type { NodeSource } from "../../graphql/node";
import { requirePermission } from "../../graphql/permissions";
import { userError, type UserError } from "../../graphql/user-error";
import { NOT_IN_FORCE } from "./credential-check";
import { API_TOKEN_COLUMNS, toApiToken, type ApiToken, type ApiTokenRow } from "./api-token.type";

export const API_TOKEN_PREFIX = "pn_";
const NAME_MAX = 100;
/** lastUsedAt is kept to the minute, so busy integrations do not write on every call. */
export const LAST_USED_RESOLUTION_MS = 60_000;
const LAST_USED_RESOLUTION = "1 minute";
/** The longest expiry a token may be given: a year, and a day of slack for a date picked at midnight. */
const EXPIRY_MAX_MS = 366 * 24 * 60 * 60 * 1000;

const TOKEN_CANNOT_MANAGE_TOKENS =
  "An API token cannot create or revoke API tokens; sign in as a person to manage them.";

/** Why a creator's tokens were revoked; the `reason` of their `api_token.revoked` audit events. */
export type TokenRevocationReason =
  | "creator_login_withdrawn"
  | "creator_archived"
  | "creator_removed"
  | "creator_role_changed"
  | "identity_claimed";

/** A token minted by a token would outlive the person behind it; only a person in a session manages tokens. */
function refusedForToken(context: Context): UserError | null {
  return context.viewer?.credential.kind === "apiToken"
    ? userError(UserErrorCode.FORBIDDEN, TOKEN_CANNOT_MANAGE_TOKENS, null)
    : null;
}

type BearerRow = {
  id: string;
  account_id: string;
  account_name: string;
  account_handle: string;
  account_plan: Plan;
  scopes: ApiScope[];
  member_id: string;
  user_id: string;
  role: Role;
  can_login: boolean;
  expires_at: Date | null;
};

export const apiTokensService = {
  async list(context: Context, accountId: string): Promise<ApiToken[]> {
    const viewer = requirePermission(context, "manageApiTokens");
    if (viewer.accountId !== accountId) return [];
    const rows = await queryRows<ApiTokenRow>(
      context.db,
      `SELECT ${API_TOKEN_COLUMNS} FROM api_tokens WHERE account_id = $1 ORDER BY created_at DESC, id DESC`,
      [accountId],
    );
    return rows.map(toApiToken);
  },

  async create(
    context: Context,
    input: { name: string; scopes: ApiScope[]; expiresAt?: Date | null },
  ): Promise<{ apiToken: ApiToken | null; secret: string | null; userErrors: UserError[] }> {
    const viewer = requirePermission(context, "manageApiTokens");
    const asToken = refusedForToken(context);
    if (asToken) return { apiToken: null, secret: null, userErrors: [asToken] };
    const name = input.name.trim();
    const scopes = [...new Set(input.scopes)].sort();
    const userErrors: UserError[] = [];
    if (!name)
      userErrors.push(userError(UserErrorCode.INVALID, "Give the token a name.", ["name"]));
    if (name.length > NAME_MAX)
      userErrors.push(
        userError(UserErrorCode.INVALID, `Use at most ${NAME_MAX} characters.`, ["name"]),
      );
    if (scopes.length === 0)
      userErrors.push(userError(UserErrorCode.INVALID, "Choose at least one scope.", ["scopes"]));
    else if (!roleHoldsScopes(viewer.role, scopes))
      userErrors.push(
        userError(UserErrorCode.FORBIDDEN, "Your role cannot hold a token with these scopes.", [
          "scopes",
        ]),
      );
    const expiresAt = input.expiresAt ?? null;
    const now = clock.now().getTime();
    if (expiresAt && expiresAt.getTime() <= now)
      userErrors.push(
        userError(UserErrorCode.INVALID, "Choose an expiry in the future.", ["expiresAt"]),
      );
    else if (expiresAt && expiresAt.getTime() > now + EXPIRY_MAX_MS)
      userErrors.push(
        userError(UserErrorCode.INVALID, "Choose an expiry at most a year ahead.", ["expiresAt"]),
      );
    if (userErrors.length) return { apiToken: null, secret: null, userErrors };
    const secret = newSecret(API_TOKEN_PREFIX);
    const row = await context.db.transaction(async (db) => {
      const [created] = await queryRows<ApiTokenRow>(
        db,
        `INSERT INTO api_tokens (account_id, created_by_member_id, name, scopes, token_hash, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${API_TOKEN_COLUMNS}`,
        [viewer.accountId, viewer.memberId, name, scopes, hashSecret(secret), expiresAt],
      );
      await auditService.record(db, context, [
        {
          accountId: viewer.accountId,
          action: "api_token.created",
          objectType: "ApiToken",
          objectId: created!.id,
          details: { name, scopes, expiresAt },
        },
      ]);
      return created!;
    });
    return { apiToken: toApiToken(row), secret, userErrors: [] };
  },

  async revoke(
    context: Context,
    apiTokenId: string | null,
  ): Promise<{ apiToken: ApiToken | null; userErrors: UserError[] }> {
    const viewer = requirePermission(context, "manageApiTokens");
    const asToken = refusedForToken(context);
    if (asToken) return { apiToken: null, userErrors: [asToken] };
    const notFound = {
      apiToken: null,
      userErrors: [userError(UserErrorCode.NOT_FOUND, "No such API token.", ["apiTokenId"])],
    };
    if (!apiTokenId) return notFound;
    return context.db.transaction(async (db) => {
      const [current] = await queryRows<ApiTokenRow>(
        db,
        `SELECT ${API_TOKEN_COLUMNS} FROM api_tokens WHERE id = $1 AND account_id = $2 FOR UPDATE`,
        [apiTokenId, viewer.accountId],
      );
      if (!current) return notFound;
      // Revoking twice keeps the first revocation time, and records only the first.
      if (current.revoked_at) return { apiToken: toApiToken(current), userErrors: [] };
      const [row] = await queryRows<ApiTokenRow>(
        db,
        `UPDATE api_tokens SET revoked_at = now() WHERE id = $1 RETURNING ${API_TOKEN_COLUMNS}`,
        [apiTokenId],
      );
      await auditService.record(db, context, [
        {
          accountId: viewer.accountId,
          action: "api_token.revoked",
          objectType: "ApiToken",
          objectId: row!.id,
          details: { name: row!.name, reason: "revoked_by_admin" },
        },
      ]);
      return { apiToken: toApiToken(row!), userErrors: [] };
    });
  },

  /**
   * Revokes, in the caller's transaction, the working tokens of these creators that their
   * membership no longer carries: all of them (`role` omitted: login withdrawn, archived,
   * removed), or those whose scopes the new `role` does not hold. One `api_token.revoked`
   * audit event each, with the reason. Returns how many were revoked.
   */
  async revokeForCreators(
    db: EntityManager,
    context: Context,
    accountId: string,
    memberIds: string[],
    reason: TokenRevocationReason,
    role?: Role,
  ): Promise<number> {
    if (memberIds.length === 0) return 0;
    const keep = role === undefined ? [] : scopesHeldBy(role);
    const rows = await queryRows<{ id: string; name: string; created_by_member_id: string }>(
      db,
      `UPDATE api_tokens SET revoked_at = now()
       WHERE account_id = $1 AND created_by_member_id = ANY($2::uuid[]) AND revoked_at IS NULL
         AND NOT (scopes <@ $3::text[])
       RETURNING id, name, created_by_member_id`,
      [accountId, memberIds, keep],
    );
    if (rows.length)
      await auditService.record(
        db,
        context,
        rows.map((row) => ({
          accountId,
          action: "api_token.revoked",
          objectType: "ApiToken",
          objectId: row.id,
          details: { name: row.name, reason },
        })),
      );
    return rows.length;
  },

  /**
   * Revokes every token the user created, in every account they belong to: a verified claim
   * took over a registration that was never verified, and whoever registered first must keep
   * no access through a token minted meanwhile. Needs the user identified in the
   * transaction (their memberships are read through row-level security's own-rows policy).
   */
  async revokeAllOfUser(db: EntityManager, context: Context, userId: string): Promise<number> {
    const memberships = await queryRows<{ id: string; account_id: string }>(
      db,
      "SELECT id, account_id FROM members WHERE user_id = $1",
      [userId],
    );
    if (memberships.length === 0) return 0;
    return tenantScope.reachInto(
      db,
      memberships.map((member) => member.account_id),
      async () => {
        let revoked = 0;
        for (const member of memberships)
          revoked += await apiTokensService.revokeForCreators(
            db,
            context,
            member.account_id,
            [member.id],
            "identity_claimed",
          );
        return revoked;
      },
    );
  },

  /**
   * The viewer behind a bearer secret, or null when it is unknown, revoked, expired, or
   * its creator may no longer hold it (not active, no login, a role below its scopes).
   * The membership changes revoke such tokens already; this check is the second line.
   * One statement: `last_used_at` (kept to the minute) is written by the same statement
   * when it is stale. `expiresAt` tells the credential cache until when it may vouch.
   */
  async findBearer(
    db: EntityManager,
    secret: string,
  ): Promise<{ viewer: Viewer; expiresAt: Date | null } | null> {
    if (!secret.startsWith(API_TOKEN_PREFIX)) return null;
    const [row] = await queryRows<BearerRow>(
      db,
      `WITH bearer AS (
         SELECT t.id, t.account_id, t.scopes, t.expires_at, m.id AS member_id, m.user_id, m.role, m.can_login,
           a.name AS account_name, a.handle AS account_handle, a.plan AS account_plan,
           (t.last_used_at IS NULL OR t.last_used_at < now() - interval '${LAST_USED_RESOLUTION}') AS stale
         FROM api_tokens t JOIN members m ON m.id = t.created_by_member_id AND m.status = $2
         JOIN accounts a ON a.id = t.account_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $3)
       ), used AS (
         UPDATE api_tokens SET last_used_at = now() WHERE id IN (SELECT id FROM bearer WHERE stale AND can_login)
       )
       SELECT id, account_id, account_name, account_handle, account_plan, scopes, expires_at,
         member_id, user_id, role, can_login FROM bearer`,
      [hashSecret(secret), MemberStatus.ACTIVE, clock.now()],
    );
    if (!row || !row.can_login || !roleHoldsScopes(row.role, row.scopes)) return null;
    return {
      viewer: {
        userId: row.user_id,
        accountId: row.account_id,
        memberId: row.member_id,
        role: row.role,
        credential: { kind: "apiToken", apiTokenId: row.id, scopes: row.scopes },
        account: {
          id: row.account_id,
          name: row.account_name,
          handle: row.account_handle,
          plan: row.account_plan,
        },
      },
      expiresAt: row.expires_at,
    };
  },

  /**
   * The re-check of a token's viewer that the credential cache answered (credential-cache.ts):
   * one row whose `in_force` is true while `findBearer` would still answer the same — the
   * token not revoked, its creator the same active member with login and the same role.
   * Expiry was checked against the clock on the hit. A simple-query statement (literals).
   */
  inForceSql(apiTokenId: string, viewer: Viewer): string {
    if (!viewer.memberId || !viewer.role) return NOT_IN_FORCE;
    const literal = simpleQueryLiteral;
    return `SELECT EXISTS (SELECT 1 FROM api_tokens t JOIN members m ON m.id = t.created_by_member_id
      WHERE t.id = ${literal.uuid(apiTokenId)} AND t.revoked_at IS NULL
        AND m.id = ${literal.uuid(viewer.memberId)} AND m.status = ${literal.enumValue(MemberStatus.ACTIVE)}
        AND m.can_login AND m.role = ${literal.enumValue(viewer.role)}) AS in_force`;
  },

  /** Records a use seen from the credential cache; another process may have done so this minute already. */
  async recordUse(db: EntityManager, apiTokenId: string): Promise<void> {
    await execute(
      db,
      `UPDATE api_tokens SET last_used_at = now()
       WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '${LAST_USED_RESOLUTION}')`,
      [apiTokenId],
    );
  },

  async viewerForSecret(db: EntityManager, secret: string): Promise<Viewer | null> {
    return (await apiTokensService.findBearer(db, secret))?.viewer ?? null;
  },
};

export const apiTokenNodeSource: NodeSource = {
  typeName: "ApiToken",
  async load(context, ids) {
    const viewer = context.viewer;
    if (!viewer?.accountId || !can(viewer.role, "manageApiTokens")) return ids.map(() => null);
    const rows = await queryRows<ApiTokenRow>(
      context.db,
      `SELECT ${API_TOKEN_COLUMNS} FROM api_tokens WHERE id = ANY($1::uuid[]) AND account_id = $2`,
      [ids, viewer.accountId],
    );
    const byId = new Map(rows.map((row) => [row.id, toApiToken(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  },
};
