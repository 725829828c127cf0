/**
 * The fast timestamptz parser answers exactly what node-postgres' own parser answers, for
 * PostgreSQL's text in UTC (every fraction length) and for everything it hands back.
 */
import fc from "fast-check";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { isPlainUtc, parseTimestamptz } from "./timestamps";

const generic = pg.types.getTypeParser(1184, "text") as (text: string) => unknown;
const same = (text: string) => expect(parseTimestamptz(text)).toEqual(generic(text));

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

it("reads what PostgreSQL writes as the generic parser does, in UTC and in other zones", async () => {
  const client = new pg.Client({
    connectionString: db.url,
    types: { getTypeParser: () => String },
  });
  await client.connect();
  try {
    for (const zone of ["UTC", "Asia/Kolkata", "America/St_Johns"]) {
      await client.query(`SET TimeZone = '${zone}'`);
      const { rows } = await client.query<{ at: string }>(
        `SELECT (timestamptz '1000-01-01 00:00:00+00' + random() * (timestamptz '9999-12-31 00:00:00+00' - timestamptz '1000-01-01 00:00:00+00'))::text AS at
         FROM generate_series(1, 300)
         UNION ALL SELECT unnest(ARRAY['2026-12-07 20:56:46+00', '2026-12-07 20:56:46.5+00', '2026-12-07 20:56:46.05+00',
           '2026-12-07 20:56:46.999999+00', '0099-01-01 00:00:00+00', '0044-03-15 12:00:00+00 BC', 'infinity', '-infinity'])`,
      );
      for (const { at } of rows) same(at);
    }
  } finally {
    await client.end();
  }
});

it("agrees with the generic parser on any UTC text of any fraction length", () => {
  const text = fc
    .record({
      year: fc.integer({ min: 1, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      second: fc.integer({ min: 0, max: 59 }),
      fraction: fc.stringMatching(/^[0-9]{0,6}$/),
    })
    .map(({ year, month, day, hour, minute, second, fraction }) => {
      const pad = (value: number, width = 2) => String(value).padStart(width, "0");
      const seconds = `${pad(second)}${fraction ? `.${fraction}` : ""}`;
      return `${pad(year, 4)}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${seconds}+00`;
    });
  fc.assert(
    fc.property(text, (value) => {
      // Years from 1000 on take the fast path; earlier ones are the generic parser's.
      expect(isPlainUtc(value)).toBe(!value.startsWith("0"));
      same(value);
    }),
    { numRuns: 2000 },
  );
});
