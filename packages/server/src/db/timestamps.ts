/**
 * `timestamptz` values as node-postgres hands them to the app: Date objects, as its own
 * parser (postgres-date) makes them, but the usual text — `2026-12-07 20:56:46.296123+00`,
 * a session in UTC — read by position instead of by regular expressions. A page of members
 * carries about ten timestamps per row, and the generic parser was 4.5 % of the server's
 * CPU for the bench's Q1 (issue 20). Anything else (another time zone, BC, infinity, years
 * before 1000 or after 9999) goes to node-postgres' parser, so the result is always the same.
 */
import pg from "pg";

const TIMESTAMPTZ_OID = 1184;
const generic = pg.types.getTypeParser(TIMESTAMPTZ_OID, "text") as (text: string) => unknown;

const ZERO = 48;
const digit = (text: string, at: number) => text.charCodeAt(at) - ZERO;
const twoDigits = (text: string, at: number) => digit(text, at) * 10 + digit(text, at + 1);

/** `YYYY-MM-DD HH:MM:SS[.f…]+00`: what PostgreSQL writes for a timestamptz in UTC. */
export function isPlainUtc(text: string): boolean {
  const length = text.length;
  return (
    length >= 22 &&
    length <= 29 &&
    text.charCodeAt(length - 3) === 43 && // "+"
    text.charCodeAt(length - 2) === ZERO &&
    text.charCodeAt(length - 1) === ZERO &&
    text.charCodeAt(4) === 45 && // "-"
    text.charCodeAt(10) === 32 && // " "
    text.charCodeAt(0) !== ZERO && // year 1000 or later: Date.UTC reads 0-99 as 1900-1999
    (length === 22 || text.charCodeAt(19) === 46) // "+" right after the seconds, or a fraction
  );
}

export function parseTimestamptz(text: string): unknown {
  if (!isPlainUtc(text)) return generic(text);
  const fractionDigits = text.length - 23;
  // Milliseconds, truncated as the generic parser's Date.UTC(…, 1000 * 0.fraction) does.
  let ms = 0;
  if (fractionDigits >= 1) ms += digit(text, 20) * 100;
  if (fractionDigits >= 2) ms += digit(text, 21) * 10;
  if (fractionDigits >= 3) ms += digit(text, 22);
  return new Date(
    Date.UTC(
      digit(text, 0) * 1000 + digit(text, 1) * 100 + twoDigits(text, 2),
      twoDigits(text, 5) - 1,
      twoDigits(text, 8),
      twoDigits(text, 11),
      twoDigits(text, 14),
      twoDigits(text, 17),
      ms,
    ),
  );
}

/** The `types` of every pool's clients: node-postgres' parsers, this one for timestamptz text. */
export const appPgTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMPTZ_OID && format !== "binary") return parseTimestamptz;
    return pg.types.getTypeParser(oid, format ?? "text");
  },
};
