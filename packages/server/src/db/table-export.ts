/**
 * One table of the account backup as CSV, read through a server-side cursor in
 * batches so memory stays flat whatever the table's size. Each module describes
 * its own tables (like its NodeSource); the backup only streams them.
 */
import type { QueryRunner } from "typeorm";
import { execute, queryRows } from "./sql";

export type ExportTable = {
  /** File name inside the ZIP, e.g. "members.csv". */
  file: string;
  /** The header row, and the column aliases the query selects, in this order. */
  columns: readonly string[];
  /** One ordered SELECT of the account's rows: $1 = the account id; $2, when used, = the export time. */
  sql: string;
};

/** Rows per FETCH: large enough to keep round trips few, small enough to keep memory flat. */
export const EXPORT_BATCH_ROWS = 2_000;

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * Text a spreadsheet would run as a formula (OWASP "CSV injection"): a cell starting with
 * `=`, `+`, `-`, `@`, tab or carriage return. Such text gets a leading apostrophe, which
 * spreadsheets show as text; numbers, dates and booleans are written as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cell(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) return "";
  if (value instanceof Date) text = value.toISOString();
  else if (typeof value === "object") text = JSON.stringify(value);
  else if (typeof value === "string") text = spreadsheetSafe(value);
  else text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(cell).join(",")}\r\n`;
}

/**
 * The CSV of one table, header first, as chunks of at most EXPORT_BATCH_ROWS rows.
 * Runs on the caller's runner, which must be inside a transaction (cursors live in one).
 */
export async function* exportTableCsv(
  runner: QueryRunner,
  table: ExportTable,
  accountId: string,
  at: Date,
): AsyncGenerator<Buffer> {
  yield Buffer.from(csvLine(table.columns));
  const cursor = `export_${table.file.replace(/[^a-z0-9]/gi, "_")}`;
  await execute(
    runner.manager,
    `DECLARE ${cursor} NO SCROLL CURSOR FOR ${table.sql}`,
    table.sql.includes("$2") ? [accountId, at] : [accountId],
  );
  try {
    for (;;) {
      const rows = await queryRows<Record<string, unknown>>(
        runner.manager,
        `FETCH ${EXPORT_BATCH_ROWS} FROM ${cursor}`,
      );
      if (rows.length === 0) return;
      yield Buffer.from(
        rows.map((row) => csvLine(table.columns.map((column) => row[column]))).join(""),
      );
    }
  } finally {
    await execute(runner.manager, `CLOSE ${cursor}`).catch(() => undefined);
  }
}
