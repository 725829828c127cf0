import { DataSource } from "typeorm";
import type { Logger } from "../logger";
import { MIGRATIONS } from "./migrations";
import { StatementCounter } from "./statement-counter";

export function createDataSource(
  url: string,
  options: { poolSize?: number; logger?: Logger } = {},
): DataSource {
  return new DataSource({
    type: "postgres",
    url,
    // Every read and write is plain SQL (db/sql.ts); TypeORM runs the pool, migrations and transactions.
    entities: [],
    migrations: MIGRATIONS,
    migrationsTableName: "migrations",
    migrationsTransactionMode: "all",
    synchronize: false,
    logger: options.logger ? new StatementCounter(options.logger) : undefined,
    maxQueryExecutionTime: 1_000,
    extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 5_000 },
  });
}
