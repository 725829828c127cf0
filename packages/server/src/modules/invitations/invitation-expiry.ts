/**
 * Publishes `invitation.expired`. Expiry is derived at read time (a PENDING invitation
 * past expires_at reads as EXPIRED), so no transaction ever changes it; this sweep
 * records each expiry once, in the audit trail and so to webhooks. Several processes
 * may sweep at once: the UPDATE claims each row for one of them.
 */
import type { DataSource } from "typeorm";
import { clock } from "../../clock";
import { queryRows } from "../../db/sql";
import type { JobRunner } from "../../jobs/job-runner";
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

export const EXPIRY_SWEEP_QUEUE = "invitation-expiry-sweep";

/**
 * Sweeps once a minute on the process's job runner: pg-boss's scheduler queues one sweep a
 * minute however many processes run, and a worker of any of them takes it. A failed sweep is
 * logged; the next minute's takes over. A backlog is swept in batches until it is gone.
 */
export async function startInvitationExpirySweep(options: {
  jobs: JobRunner;
  dataSource: DataSource;
  logger: Logger;
}): Promise<{ stop(): Promise<void> }> {
  const { boss } = options.jobs;
  await boss.createQueue(EXPIRY_SWEEP_QUEUE, { retryLimit: 0 });
  await boss.schedule(EXPIRY_SWEEP_QUEUE, "* * * * *");
  await boss.work(EXPIRY_SWEEP_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
    try {
      while ((await recordExpiredInvitations(options.dataSource)) === BATCH);
    } catch (error) {
      options.logger.warn({ err: error }, "recording expired invitations failed");
    }
  });
  return { stop: () => boss.offWork(EXPIRY_SWEEP_QUEUE, { wait: true }) };
}
