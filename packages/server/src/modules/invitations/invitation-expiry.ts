/**
 * Publishes `invitation.expired`. Expiry is derived at read time (a PENDING invitation
 * past expires_at reads as EXPIRED), so no transaction ever changes it; this sweep
 * records each expiry once, in the audit trail and so to webhooks. Several processes
 * may sweep at once: the UPDATE claims each row for one of them.
 */
import type { DataSource } from "typeorm";
import { clock } from "../../clock";
import { queryRows } from "../../db/sql";
import type { Logger } from "../../logger";
import { auditService, SYSTEM_ORIGIN } from "../audit/audit.service";

/** At most this many per sweep, so one transaction stays short; the next sweep takes the rest. */
const BATCH = 1_000;

export async function recordExpiredInvitations(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (db) => {
    const expired = await queryRows<{ id: string; account_id: string; kind: string }>(
      db,
      `UPDATE invitations SET expiry_recorded_at = $1
       WHERE id IN (
         SELECT id FROM invitations
         WHERE status = 'PENDING' AND expiry_recorded_at IS NULL AND expires_at <= $1
         ORDER BY expires_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
       RETURNING id, account_id, kind`,
      [clock.now()],
    );
    await auditService.record(
      db,
      SYSTEM_ORIGIN,
      expired.map((row) => ({
        accountId: row.account_id,
        action: "invitation.expired" as const,
        objectType: "Invitation",
        objectId: row.id,
        details: { kind: row.kind },
      })),
    );
    return expired.length;
  });
}

/** Sweeps every `intervalMs` until stopped; a failed sweep is logged and retried next time. */
export function startInvitationExpirySweep(options: {
  dataSource: DataSource;
  logger: Logger;
  intervalMs?: number;
}): { stop(): void } {
  const timer = setInterval(() => {
    recordExpiredInvitations(options.dataSource).catch((error: unknown) =>
      options.logger.warn({ err: error }, "recording expired invitations failed"),
    );
  }, options.intervalMs ?? 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
