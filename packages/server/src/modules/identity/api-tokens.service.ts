/**
 * API tokens for partner systems: `pn_` + 32 random bytes, shown once, stored as
 * SHA-256. A token acts in its account with the current role of the member who
 * created it; READ tokens may only query.
 */
import { ApiScope, can, MemberStatus, UserErrorCode, type Role } from "@pn/shared";
import type { EntityManager } from "typeorm";
import { hashSecret, newSecret } from "../../crypto/secret-token";
import { execute, queryRows } from "../../db/sql";
import type { Context, Viewer } from "../../graphql/context";
import { auditService } from "../audit/audit.service";
import type { NodeSource } from "../../graphql/node";
import { requirePermission } from "../../graphql/permissions";
import { userError, type UserError } from "../../graphql/user-error";
import { API_TOKEN_COLUMNS, toApiToken, type ApiToken, type ApiTokenRow } from "./api-token.type";

export const API_TOKEN_PREFIX = "pn_";
const NAME_MAX = 100;
/** lastUsedAt is kept to the minute, so busy integrations do not write on every call. */
const LAST_USED_RESOLUTION = "1 minute";

type BearerRow = {
  id: string;
  account_id: string;
  scopes: ApiScope[];
  member_id: string;
  user_id: string;
  role: Role;
  stale: boolean;
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
    input: { name: string; scopes: ApiScope[] },
  ): Promise<{ apiToken: ApiToken | null; secret: string | null; userErrors: UserError[] }> {
    const viewer = requirePermission(context, "manageApiTokens");
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
    if (userErrors.length) return { apiToken: null, secret: null, userErrors };
    const secret = newSecret(API_TOKEN_PREFIX);
    const row = await context.db.transaction(async (db) => {
      const [created] = await queryRows<ApiTokenRow>(
        db,
        `INSERT INTO api_tokens (account_id, created_by_member_id, name, scopes, token_hash)
         VALUES ($1, $2, $3, $4, $5) RETURNING ${API_TOKEN_COLUMNS}`,
        [viewer.accountId, viewer.memberId, name, scopes, hashSecret(secret)],
      );
      await auditService.record(db, context, [
        {
          accountId: viewer.accountId,
          action: "api_token.created",
          objectType: "ApiToken",
          objectId: created!.id,
          details: { name, scopes },
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
          details: { name: row!.name },
        },
      ]);
      return { apiToken: toApiToken(row!), userErrors: [] };
    });
  },

  /** The viewer behind a bearer secret, or null when it is unknown, revoked, or its creator is gone. */
  async viewerForSecret(db: EntityManager, secret: string): Promise<Viewer | null> {
    if (!secret.startsWith(API_TOKEN_PREFIX)) return null;
    const [row] = await queryRows<BearerRow>(
      db,
      `SELECT t.id, t.account_id, t.scopes, m.id AS member_id, m.user_id, m.role,
         (t.last_used_at IS NULL OR t.last_used_at < now() - interval '${LAST_USED_RESOLUTION}') AS stale
       FROM api_tokens t JOIN members m ON m.id = t.created_by_member_id AND m.status = $2
       WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
      [hashSecret(secret), MemberStatus.ACTIVE],
    );
    if (!row) return null;
    // Written at most once a minute, and only then a statement of its own.
    if (row.stale)
      await execute(db, "UPDATE api_tokens SET last_used_at = now() WHERE id = $1", [row.id]);
    return {
      userId: row.user_id,
      accountId: row.account_id,
      memberId: row.member_id,
      role: row.role,
      credential: { kind: "apiToken", apiTokenId: row.id, scopes: row.scopes },
    };
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
