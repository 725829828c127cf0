import { DataSource } from "typeorm";
import type { Logger } from "../logger";
import { MIGRATIONS } from "./migrations";
import { busyAwarePg } from "./pool-busy";
import { StatementCounter } from "./statement-counter";
import { appPgTypes } from "./timestamps";

export function createDataSource(
  url: string,
  options: {
    poolSize?: number;
    /** How long a statement waits for a free connection before the request is answered 503. */
    connectionTimeoutMs?: number;
    logger?: Logger;
    /**
     * Shown in pg_stat_activity, so an operator (and the load test) can tell the request
     * pools from pg-boss's (which names itself `pgboss:<id>`).
     */
    applicationName?: string;
  } = {},
): DataSource {
  return new DataSource({
    type: "postgres",
    // A wait for a free connection that times out is a 503, not a 500 (pool-busy.ts).
    driver: busyAwarePg,
    url,
    // Every read and write is plain SQL (db/sql.ts); TypeORM runs the pool, migrations and transactions.
    entities: [],
    migrations: MIGRATIONS,
    migrationsTableName: "migrations",
    migrationsTransactionMode: "all",
    synchronize: false,
    logger: options.logger ? new StatementCounter(options.logger) : undefined,
    maxQueryExecutionTime: 1_000,
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? "partner-network",
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
      types: appPgTypes,
    },
  });
}
