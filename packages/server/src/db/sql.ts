/**
 * Raw SQL that returns rows whatever the statement. TypeORM's `query()` returns
 * `[rows, count]` for UPDATE and DELETE but plain rows otherwise, which makes
 * `UPDATE … RETURNING` easy to misread; this always gives the rows.
 */
import type { EntityManager, QueryResult } from "typeorm";

/** A contains-pattern for ILIKE in which `%`, `_` and `\\` typed by the user match themselves. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export async function queryRows<Row>(
  db: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  const runner = db.queryRunner ?? db.connection.createQueryRunner();
  try {
    const result = (await runner.query(sql, params, true)) as QueryResult;
    return (result.records ?? []) as Row[];
  } finally {
    if (!db.queryRunner) await runner.release();
  }
}

/** A statement whose rows nobody reads: a lock, a grant, an UPDATE or DELETE without RETURNING. */
export async function execute(
  db: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<void> {
  await queryRows<Record<string, unknown>>(db, sql, params);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENUM_VALUE = /^[A-Z][A-Z_]*$/;

/**
 * Literals for statements that travel in a simple query, which takes no bind parameters
 * (the reads sent with a request's BEGIN). Only values of a checked shape get here, so
 * quoting them cannot be escaped; anything else throws.
 */
export const simpleQueryLiteral = {
  uuid(value: string): string {
    if (!UUID.test(value)) throw new Error("expected a UUID");
    return `'${value}'`;
  },
  /** An enum's value as the schema stores it (`ACTIVE`, `ADMINISTRATOR`). */
  enumValue(value: string): string {
    if (!ENUM_VALUE.test(value)) throw new Error("expected an enum value");
    return `'${value}'`;
  },
};
