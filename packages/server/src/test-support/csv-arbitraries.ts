/** fast-check generators of CSV files, for the import parsers' and mutations' property tests. */
import fc from "fast-check";
import Papa from "papaparse";
import type { DataSource } from "typeorm";
import { queryRows } from "../db/sql";

/** Any cell a spreadsheet might hold: commas, quotes, line breaks, unicode, spaces. */
export const anyCell = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom("", " ", '"', '""', ",", "\n", "\r\n", ";", "\uFEFF", "=cmd()", "a@b", "@"),
);

/** Header cells as people type them: any case, stray spaces. */
export function typedHeader(name: string) {
  return fc
    .tuple(fc.mixedCase(fc.constant(name)), fc.constantFrom("", " ", "  "))
    .map(([cell, pad]) => `${pad}${cell}${pad}`);
}

/**
 * Serialises records the way spreadsheets do: quoted where needed, LF or CRLF, maybe
 * a BOM and trailing blank lines.
 */
export function csvText(records: fc.Arbitrary<string[][]>) {
  return fc
    .record({
      records,
      newline: fc.constantFrom("\n", "\r\n"),
      bom: fc.boolean(),
      trailing: fc.nat({ max: 2 }),
      quotes: fc.boolean(),
    })
    .map(({ records: rows, newline, bom, trailing, quotes }) => {
      const body = Papa.unparse(rows, { newline, quotes });
      return `${bom ? "\uFEFF" : ""}${body}${newline.repeat(trailing)}`;
    });
}

/** Text that is not shaped like CSV at all, and CSV-ish text with unbalanced quotes. */
export const junkText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 500 }),
  fc
    .array(fc.array(anyCell, { maxLength: 6 }), { maxLength: 8 })
    .map((rows) => rows.map((row) => row.join(",")).join("\n")),
);

/** Row counts of every table in the public schema except the rate-limit bookkeeping. */
export async function tableCounts(db: DataSource): Promise<Record<string, number>> {
  const tables = await queryRows<{ table_name: string }>(
    db.manager,
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'rate\\_limit\\_%' AND table_name <> 'migrations'
     ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await queryRows<{ n: number }>(
      db.manager,
      `SELECT count(*)::int AS n FROM "${table_name}"`,
    );
    counts[table_name] = row!.n;
  }
  return counts;
}
