/**
 * The shape of a credential's re-check (SECURITY.md "Credential cache"): a statement that
 * travels with a request's BEGIN and answers one row, `in_force`, true while a fresh
 * lookup would still answer the viewer that the cache answered from memory. Each lookup
 * writes its own next to itself (apiTokensService, sessionsService).
 */
import type { StatementRows } from "../../db/tenant-transaction";

/** For a viewer that no lookup would have answered (no member, no role): re-check fails. */
export const NOT_IN_FORCE = "SELECT false AS in_force";

export function isInForce(rows: StatementRows): boolean {
  const [row] = rows as { in_force?: unknown }[];
  return row?.in_force === true;
}
