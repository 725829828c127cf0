/**
 * `pnpm migrate`: applies pending migrations to DATABASE_URL and exits, the deploy
 * step before starting several server processes with MIGRATE_ON_START=false
 * (docs/deploy.md). Exit code 0 when the schema is current, 1 on any failure.
 */
import "reflect-metadata";
import { ConfigError, loadConfig } from "./config";
import { createDataSource } from "./db/data-source";
import { applyMigrations, withMigrationLock } from "./db/migration-lock";
import { createLogger } from "./logger";

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
    const applied = await withMigrationLock(dataSource, () => applyMigrations(dataSource, logger));
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
