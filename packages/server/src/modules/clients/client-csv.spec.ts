/**
 * Property tests (fast-check) of the client CSV: the parser never throws and reads
 * back what a spreadsheet writes; through `importClients`, a rejected import or a dry
 * run writes nothing, and a dry run reports what the real run does.
 */
import { CLIENT_CSV_COLUMNS, isValidEmail, isValidPhone, Role } from "@pn/shared";
import fc from "fast-check";
import { insertMember, insertUser, insertViewer } from "../../test-support/fixtures";
import {
  anyCell,
  csvText,
  junkText,
  tableCounts,
  typedHeader,
} from "../../test-support/csv-arbitraries";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import { parseClientCsv } from "./client-csv";

const emailAddress = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,15}$/),
    fc.stringMatching(/^[a-z0-9]{1,10}$/),
    fc.constantFrom("test", "example"),
  )
  .map(([user, domain, tld]) => `${user}@${domain}.${tld}`);
const namePart = fc.stringMatching(/^[A-Za-z][A-Za-z' -]{0,15}[A-Za-z]$/);
const phone = fc.oneof(fc.constant(""), fc.stringMatching(/^\+?[0-9]{2,4}( [0-9]{3,4}){1,3}$/));

type ClientFields = { first: string; last: string; email: string; phone: string; team: string[] };

function record(fields: ClientFields): Record<(typeof CLIENT_CSV_COLUMNS)[number], string> {
  return {
    "First Name": fields.first,
    "Last Name": fields.last,
    Email: fields.email,
    "Phone Number": fields.phone,
    Team: fields.team.join(";"),
  };
}

describe("parseClientCsv", () => {
  it("never throws on any text and keeps its invariants", () => {
    const shaped = csvText(
      fc
        .tuple(
          fc.shuffledSubarray([...CLIENT_CSV_COLUMNS, "Notes"], { minLength: 0 }),
          fc.array(fc.array(anyCell, { maxLength: 6 }), { maxLength: 10 }),
        )
        .map(([header, rows]) => [header, ...rows]),
    );
    fc.assert(
      fc.property(fc.oneof(junkText, shaped), (text) => {
        const result = parseClientCsv(text);
        if (result.fileErrors.length) expect(result.rows).toEqual([]);
        let previous = 0;
        for (const row of result.rows) {
          expect(row.line).toBeGreaterThan(previous);
          previous = row.line;
          if (row.errors.length === 0) {
            expect(row.name.length).toBeGreaterThan(0);
            expect(isValidEmail(row.email)).toBe(true);
            if (row.phone !== null) expect(isValidPhone(row.phone)).toBe(true);
            expect(row.teamEmails.length).toBeGreaterThan(0);
          }
          for (const error of row.errors) expect(error.field?.[0]).toBe(String(row.line));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("reads back every valid row a spreadsheet writes, in any column order and header case", () => {
    const fields = fc.record({
      first: namePart,
      last: namePart,
      email: emailAddress,
      phone,
      team: fc.array(emailAddress, { minLength: 1, maxLength: 3 }),
    });
    const file = fc
      .tuple(
        fc.shuffledSubarray([...CLIENT_CSV_COLUMNS], { minLength: CLIENT_CSV_COLUMNS.length }),
        fc.array(fields, { minLength: 1, maxLength: 10 }),
      )
      .chain(([columns, rows]) =>
        fc
          .tuple(...columns.map((column) => typedHeader(column)))
          .chain((header) =>
            csvText(
              fc.constant([
                header,
                ...rows.map((row) => columns.map((column) => record(row)[column])),
              ]),
            ).map((text) => ({ text, rows })),
          ),
      );
    fc.assert(
      fc.property(file, ({ text, rows }) => {
        const parsed = parseClientCsv(text);
        expect(parsed.fileErrors).toEqual([]);
        expect(parsed.rows).toEqual(
          rows.map((row, index) => ({
            line: index + 1,
            name: `${row.first.trim()} ${row.last.trim()}`,
            email: row.email,
            phone: row.phone || null,
            teamEmails: row.team,
            errors: [],
          })),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe("importClients with random files", () => {
  let db: TestDatabase;
  let app: TestApp;
  const IMPORT = `mutation Import($csv: String!, $update: Boolean, $dryRun: Boolean) {
    importClients(input: { csv: $csv, updateExisting: $update, dryRun: $dryRun }) { created updated rows { line email outcome errors { field code } } userErrors { field code } }
  }`;
  type ImportData = {
    importClients: {
      created: number;
      updated: number;
      rows: unknown[];
      userErrors: { code: string }[];
    };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.dataSource);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it("writes nothing on a dry run or when userErrors come back; a dry run reports what the real run does", async () => {
    const editor = await insertViewer(db.dataSource, Role.EDITOR);
    const staff = ["lead@staff.test", "second@staff.test"];
    for (const email of staff)
      await insertMember(db.dataSource, {
        accountId: editor.accountId,
        userId: await insertUser(db.dataSource, { email }),
      });
    app.actAs(editor.viewer);
    const clientPool = [
      "ada@client.test",
      "grace@client.test",
      "ADA@client.test",
      "linus@client.test",
    ];

    const validRow = fc
      .record({
        first: namePart,
        last: namePart,
        email: fc.oneof(fc.constantFrom(...clientPool), emailAddress),
        phone,
        team: fc.array(
          fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...staff) },
            { weight: 1, arbitrary: emailAddress },
          ),
          { minLength: 1, maxLength: 2 },
        ),
      })
      .map((fields) => CLIENT_CSV_COLUMNS.map((column) => record(fields)[column]));
    const row = fc.oneof(
      { weight: 4, arbitrary: validRow },
      { weight: 1, arbitrary: fc.array(anyCell, { maxLength: 6 }) },
    );
    const header = fc.oneof(
      { weight: 5, arbitrary: fc.constant<string[]>([...CLIENT_CSV_COLUMNS]) },
      { weight: 1, arbitrary: fc.array(anyCell, { maxLength: 5 }) },
    );
    const file = fc.oneof(
      {
        weight: 6,
        arbitrary: csvText(
          fc.tuple(header, fc.array(row, { maxLength: 6 })).map(([h, rows]) => [h, ...rows]),
        ),
      },
      { weight: 1, arbitrary: junkText },
    );

    const seen = { rejected: 0, written: 0 };
    await fc.assert(
      fc.asyncProperty(file, fc.boolean(), async (csv, update) => {
        const before = await tableCounts(db.dataSource);
        const dry = await app.graphql<ImportData>(IMPORT, { csv, update, dryRun: true });
        expect(dry.body.errors).toBeUndefined();
        expect(await tableCounts(db.dataSource)).toEqual(before);

        const real = await app.graphql<ImportData>(IMPORT, { csv, update, dryRun: false });
        expect(real.body.errors).toBeUndefined();
        const result = real.body.data!.importClients;
        expect(result).toEqual(dry.body.data!.importClients);
        const after = await tableCounts(db.dataSource);
        if (result.userErrors.length) seen.rejected += 1;
        if (result.userErrors.length) {
          expect(after).toEqual(before);
        } else if (result.created === 0) {
          // Clients updated in place (updateExisting) are audited: only the trail may grow.
          expect({ ...after, audit_events: before.audit_events }).toEqual(before);
        } else {
          seen.written += 1;
          for (const table of ["clients", "teams", "invitations", "outbox"])
            expect(after[table]).toBe(before[table]! + result.created);
          expect(after.users).toBe(before.users);
          expect(after.members).toBe(before.members);
        }
      }),
      { numRuns: 40 },
    );
    expect(seen.rejected).toBeGreaterThan(0);
    expect(seen.written).toBeGreaterThan(0);
  });
});

describe("parseClientCsv and the input policy", () => {
  const header = CLIENT_CSV_COLUMNS.join(",");

  it("refuses a NUL byte, a bidi override or 10,000 characters in a cell, by line and column", () => {
    const csv = [
      header,
      "Ada,Lovelace,ada@example.test,,lead@example.test",
      "Nul\u0000,Byte,nul@example.test,,lead@example.test",
      "Invoice \u202Efdp.exe,X,rtl@example.test,,lead@example.test",
      `${"a".repeat(10_000)},Long,long@example.test,,lead@example.test`,
      "Bob,Team,bob@example.test,,lead\u0000@example.test",
    ].join("\n");
    const { rows } = parseClientCsv(csv);
    expect(rows.map((row) => [row.line, row.errors.map((e) => [e.field, e.message])])).toEqual([
      [1, []],
      [
        2,
        [
          [
            ["2", "name"],
            "Line 2, column First Name contains the control character U+0000; remove it.",
          ],
        ],
      ],
      [
        3,
        [
          [
            ["3", "name"],
            "Line 3, column First Name contains the text-direction character U+202E, which can disguise what is shown; remove it.",
          ],
        ],
      ],
      [4, [[["4", "name"], "Line 4, column First Name must be at most 200 characters."]]],
      [
        5,
        [[["5", "team"], "Line 5, column Team contains the control character U+0000; remove it."]],
      ],
    ]);
    // A refused Team cell never reaches the staff lookup.
    expect(rows[4]!.teamEmails).toEqual([]);
  });

  it("refuses a first and last name that together pass the name limit", () => {
    const { rows } = parseClientCsv(
      `${header}\n${"a".repeat(150)},${"b".repeat(150)},ab@example.test,,lead@example.test`,
    );
    expect(rows[0]!.errors.map((e) => e.message)).toEqual([
      "Line 1, name must be at most 200 characters.",
    ]);
  });
});
