/**
 * pg-boss sends its own SQL. Given this adapter, it sends it on the caller's connection,
 * so a job is inserted in the same transaction as the rows it names (an outbox row, a
 * webhook delivery) and exists exactly when they do.
 */
import type { Db } from "pg-boss";
import type { EntityManager } from "typeorm";
import { queryRows } from "./sql";

/** A row of pg-boss's own statements; pg-boss reads it, this code never does. */
export type JobQueueRow = Record<string, unknown>;

export function jobQueueConnection(db: EntityManager): Db {
  return {
    executeSql: async (text: string, values?: unknown[]) => ({
      rows: await queryRows<JobQueueRow>(db, text, values),
    }),
  };
}
