import { DataSource } from "typeorm";
import { AccountEntity } from "../modules/accounts/account.entity";
import { UserEntity } from "../modules/identity/user.entity";
import { MemberEntity } from "../modules/members/member.entity";
import type { Logger } from "../logger";
import { MIGRATIONS } from "./migrations";
import { StatementCounter } from "./statement-counter";

export const ENTITIES = [UserEntity, AccountEntity, MemberEntity];

export function createDataSource(
  url: string,
  options: { poolSize?: number; logger?: Logger } = {},
): DataSource {
  return new DataSource({
    type: "postgres",
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: "migrations",
    migrationsTransactionMode: "all",
    synchronize: false,
    logger: options.logger ? new StatementCounter(options.logger) : undefined,
    maxQueryExecutionTime: 1_000,
    extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 5_000 },
  });
}
