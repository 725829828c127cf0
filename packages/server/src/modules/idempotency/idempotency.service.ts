/**
 * Idempotency keys: a partner system that retries a mutation with the same
 * `Idempotency-Key` gets the first response back instead of acting twice.
 *
 * A key is scoped to the caller (account + credential), bound to the request it
 * first came with (a hash of operation name, query and variables), and kept 24 hours.
 * The row is claimed (IN_PROGRESS) before the mutation runs, so a concurrent duplicate
 * sees the claim and is told to retry later instead of running alongside; the response
 * is stored (sealed: it may hold a new API token) before it is sent.
 */
import { createHash } from "node:crypto";
import type { EntityManager } from "typeorm";
import { clock } from "../../clock";
import { open, seal, type SealKey } from "../../crypto/sealed-box";
import { execute, queryRows } from "../../db/sql";

export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** A claim older than this belongs to a request whose process died; another request may take it over. */
export const IDEMPOTENCY_CLAIM_TIMEOUT_MS = 5 * 60 * 1000;
/** Expired keys removed per claim, so the table stays small without a separate sweeper. */
const EXPIRED_ROWS_SWEPT_PER_CLAIM = 100;

export type IdempotencyScope = { accountId: string | null; credential: string };

export type StoredResponse = { status: number; body: string };

export type ClaimResult =
  | { kind: "claimed" }
  | { kind: "replay"; response: StoredResponse }
  | { kind: "mismatch" }
  | { kind: "inProgress" };

type KeyRow = {
  request_hash: string;
  status: "IN_PROGRESS" | "COMPLETED";
  response_status: number | null;
  response_body: string | null;
};

/** A valid key: 1–255 visible ASCII characters (a UUID is the usual choice). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

function scopeText(scope: IdempotencyScope): string {
  return `${scope.accountId ?? "-"}:${scope.credential}`;
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` variables hash alike. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export const idempotencyService = {
  requestHash(request: {
    query: string;
    variables?: unknown;
    operationName?: string | null;
  }): string {
    return createHash("sha256")
      .update(
        canonicalJson({
          operationName: request.operationName ?? null,
          query: request.query,
          variables: request.variables ?? null,
        }),
      )
      .digest("hex");
  },

  /** Claims the key for this request, or says what to answer instead. */
  async claim(
    db: EntityManager,
    scope: IdempotencyScope,
    key: string,
    requestHash: string,
    sealKey: SealKey,
  ): Promise<ClaimResult> {
    const now = clock.now();
    await execute(
      db,
      `DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys WHERE expires_at <= $1 LIMIT ${EXPIRED_ROWS_SWEPT_PER_CLAIM})`,
      [now],
    );
    // Insert, or take over a row that expired or was abandoned mid-request; otherwise nothing is returned.
    const claimed = await queryRows<{ key: string }>(
      db,
      `INSERT INTO idempotency_keys (scope, key, account_id, request_hash, status, created_at, locked_until, expires_at)
       VALUES ($1, $2, $3, $4, 'IN_PROGRESS', $5, $6, $7)
       ON CONFLICT (scope, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, status = 'IN_PROGRESS', response_status = NULL, response_body = NULL,
             created_at = EXCLUDED.created_at, locked_until = EXCLUDED.locked_until, expires_at = EXCLUDED.expires_at
         WHERE idempotency_keys.expires_at <= $5
            OR (idempotency_keys.status = 'IN_PROGRESS' AND idempotency_keys.locked_until <= $5
                AND idempotency_keys.request_hash = EXCLUDED.request_hash)
       RETURNING key`,
      [
        scopeText(scope),
        key,
        scope.accountId,
        requestHash,
        now,
        new Date(now.getTime() + IDEMPOTENCY_CLAIM_TIMEOUT_MS),
        new Date(now.getTime() + IDEMPOTENCY_KEY_TTL_MS),
      ],
    );
    if (claimed.length) return { kind: "claimed" };

    const [existing] = await queryRows<KeyRow>(
      db,
      `SELECT request_hash, status, response_status, response_body FROM idempotency_keys WHERE scope = $1 AND key = $2`,
      [scopeText(scope), key],
    );
    // Gone between the two statements (released by a failed first attempt): try once more.
    if (!existing) return this.claim(db, scope, key, requestHash, sealKey);
    if (existing.request_hash !== requestHash) return { kind: "mismatch" };
    if (
      existing.status === "IN_PROGRESS" ||
      existing.response_status === null ||
      existing.response_body === null
    ) {
      return { kind: "inProgress" };
    }
    return {
      kind: "replay",
      response: { status: existing.response_status, body: open(existing.response_body, sealKey) },
    };
  },

  /** Stores the response of a claimed key; later requests with the key get it back. */
  async complete(
    db: EntityManager,
    scope: IdempotencyScope,
    key: string,
    response: StoredResponse,
    sealKey: SealKey,
  ): Promise<void> {
    await execute(
      db,
      `UPDATE idempotency_keys SET status = 'COMPLETED', response_status = $3, response_body = $4
       WHERE scope = $1 AND key = $2 AND status = 'IN_PROGRESS'`,
      [scopeText(scope), key, response.status, seal(response.body, sealKey)],
    );
  },

  /** Frees a claimed key whose request failed unexpectedly (nothing was changed), so a retry may run. */
  async release(db: EntityManager, scope: IdempotencyScope, key: string): Promise<void> {
    await execute(
      db,
      `DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status = 'IN_PROGRESS'`,
      [scopeText(scope), key],
    );
  },
};
