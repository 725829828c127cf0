/**
 * `pnpm migrate`: applies pending migrations to DATABASE_URL, installs (or upgrades) the
 * job queue's tables (pg-boss), and exits: the deploy step before starting several
 * server processes with MIGRATE_ON_START=false (docs/deploy.md). Processes started
 * together on a database without the job queue's schema race to create it, so it is
 * created here, once. Exit code 0 when the schema is current, 1 on any failure.
 */
import "reflect-metadata";
import { ConfigError, loadConfig } from "./config";
import { createDataSource } from "./db/data-source";
import { applyMigrations, withMigrationLock } from "./db/migration-lock";
import { createLogger } from "./logger";
import { PgBoss } from "pg-boss";

async function migrate(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl)
    throw new ConfigError(
      "DATABASE_URL",
      "is required: `pnpm migrate` migrates an existing PostgreSQL (the embedded one migrates at start)",
    );
  const logger = createLogger(config.logLevel);
  const dataSource = createDataSource(config.databaseUrl, { poolSize: 2 });
  await dataSource.initialize();
  try {
    const applied = await withMigrationLock(dataSource, async () => {
      const names = await applyMigrations(dataSource, logger);
      // Starting pg-boss installs or upgrades its schema; no worker, no maintenance runs here.
      const boss = new PgBoss({
        connectionString: config.databaseUrl!,
        max: 1,
        supervise: false,
        schedule: false,
      });
      boss.on("error", (error: unknown) => logger.error({ err: error }, "job queue error"));
      await boss.start();
      await boss.stop({ graceful: false });
      return names;
    });
    process.stdout.write(
      applied.length
        ? `migrate: applied ${applied.length} migration(s): ${applied.join(", ")}\n`
        : "migrate: the database schema is up to date\n",
    );
  } finally {
    await dataSource.destroy();
  }
}

migrate().catch((error: unknown) => {
  process.stderr.write(
    `partner-network: migrate failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
