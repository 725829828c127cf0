/**
 * Migrations (and the demo seed) run under one advisory lock, so processes started at
 * the same time against one database take turns and the later ones find nothing left to
 * do. It is a session lock: run it on a direct connection to PostgreSQL, not through
 * PgBouncer in transaction mode (docs/deploy.md).
 */
import type { DataSource } from "typeorm";
import type { Logger } from "../logger";
import { execute } from "./sql";

/** Any number; it only has to be the same in every process of this app. */
const MIGRATION_LOCK_ID = 1_764_950_001;

export async function withMigrationLock<T>(
  dataSource: DataSource,
  work: () => Promise<T>,
): Promise<T> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    // The lock is held by this runner's session, so both statements go through its manager.
    await execute(lock.manager, "SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    return await work();
  } finally {
    await execute(lock.manager, "SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(
      () => undefined,
    );
    await lock.release();
  }
}

/** Applies pending migrations, all in one transaction; returns their names. */
export async function applyMigrations(dataSource: DataSource, logger: Logger): Promise<string[]> {
  const applied = (await dataSource.runMigrations({ transaction: "all" })).map((m) => m.name);
  if (applied.length) logger.info({ migrations: applied }, "migrations applied");
  return applied;
}
