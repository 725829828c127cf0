/**
 * The one pg-boss instance of a process. Mail, webhooks and any later background work
 * register their queues and workers on it, so a process opens one small job-queue pool
 * (JOB_RUNNER_POOL_MAX, 4 by default: the mail pool's size before; with 2, a backlog of
 * emails drained behind the webhook workers' polling) instead of one per kind of job; the connection budget
 * is in the README ("Connection budget").
 */
import { PgBoss, type JobInsert } from "pg-boss";
import type { DataSource, EntityManager } from "typeorm";
import { grantJobQueueToAppRole } from "../db/app-role";
import { jobQueueConnection } from "../db/job-queue-connection";
import type { Logger } from "../logger";

export const DEFAULT_JOB_RUNNER_POOL_MAX = 4;

export type JobRunner = {
  boss: PgBoss;
  /**
   * Queues jobs through the caller's transaction: they exist only if it commits (the
   * outbox pattern), and a rolled-back request leaves no job behind.
   */
  insertInTransaction<Data extends object>(
    db: EntityManager,
    queue: string,
    jobs: JobInsert<Data>[],
  ): Promise<void>;
  /** Stops fetching, waits (up to 8 s) for the jobs in flight, and closes the pool. */
  stop(): Promise<void>;
};

export async function startJobRunner(options: {
  databaseUrl: string;
  /** The owner role's pool: granting the app role the job tables needs it. */
  dataSource: DataSource;
  logger: Logger;
  maxConnections?: number;
}): Promise<JobRunner> {
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    max: options.maxConnections ?? DEFAULT_JOB_RUNNER_POOL_MAX,
  });
  boss.on("error", (error: unknown) => options.logger.error({ err: error }, "job queue error"));
  await boss.start();
  // Requests queue jobs in their own transaction, as the app role.
  await grantJobQueueToAppRole(options.dataSource);
  let stopped: Promise<void> | null = null;
  return {
    boss,
    async insertInTransaction(db, queue, jobs) {
      if (jobs.length === 0) return;
      await boss.insert(queue, jobs, { db: jobQueueConnection(db) });
    },
    stop() {
      stopped ??= boss.stop({ graceful: true, timeout: 8_000 });
      return stopped;
    },
  };
}
