/**
 * A TypeORM logger that logs SQL statements only at debug level, without parameters.
 * (A request's statements are counted by its transaction: TenantTransaction.statements.)
 */
import type { Logger as TypeOrmLogger } from "typeorm";
import type { Logger } from "../logger";

export class StatementCounter implements TypeOrmLogger {
  constructor(private readonly logger: Logger) {}

  logQuery(query: string): void {
    if (this.logger.isLevelEnabled("debug"))
      this.logger.debug({ sql: query.replace(/\s+/g, " ").slice(0, 500) }, "sql");
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.debug({ err: error, sql: query.replace(/\s+/g, " ").slice(0, 500) }, "sql failed");
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, sql: query.replace(/\s+/g, " ").slice(0, 500) }, "slow sql");
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.info({ migration: message }, "migration");
  }

  log(level: "log" | "info" | "warn", message: unknown): void {
    if (level === "warn") this.logger.warn({ typeorm: message }, "typeorm");
  }
}
