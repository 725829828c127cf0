/**
 * Property tests (fast-check) of the user-invitation CSV: the parser never throws and
 * reads back what a spreadsheet writes; through `importUserInvitations`, a rejected
 * import or a dry run writes nothing, and a dry run reports what the real run does.
 */
import { INVITABLE_ROLES, isValidEmail, Plan, Role } from "@pn/shared";
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
import { parseUserInvitationCsv, type ParsedCsv } from "./invitation-csv";

const emailAddress = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,15}$/),
    fc.stringMatching(/^[a-z0-9]{1,10}$/),
    fc.constantFrom("test", "example", "co.uk"),
  )
  .map(([user, domain, tld]) => `${user}@${domain}.${tld}`);
const typedRole = fc
  .tuple(fc.mixedCase(fc.constantFrom(...INVITABLE_ROLES)), fc.constantFrom("", " "))
  .map(([role, pad]) => `${pad}${role}${pad}`);

/** What every parse result must satisfy, whatever the input. */
function expectWellFormed(result: ParsedCsv) {
  if (result.fileErrors.length) expect(result.rows).toEqual([]);
  let previous = 0;
  for (const row of result.rows) {
    expect(row.line).toBeGreaterThan(previous);
    previous = row.line;
    expect(row.email).toBe(row.email.trim());
    if (row.errors.length === 0) {
      expect(isValidEmail(row.email)).toBe(true);
      expect(INVITABLE_ROLES).toContain(row.role);
    }
    for (const error of row.errors) expect(error.field?.[0]).toBe(String(row.line));
  }
}

describe("parseUserInvitationCsv", () => {
  it("never throws on any text and always reports lines in order", () => {
    const shaped = csvText(
      fc
        .tuple(
          fc.shuffledSubarray(["email", "role", "note"], { minLength: 0 }),
          fc.array(fc.array(anyCell, { maxLength: 4 }), { maxLength: 12 }),
        )
        .map(([header, rows]) => [header, ...rows]),
    );
    fc.assert(
      fc.property(fc.oneof(junkText, shaped), (text) => {
        expectWellFormed(parseUserInvitationCsv(text));
      }),
      { numRuns: 1500 },
    );
  });

  it("reads a file whose notes hold | and ; as comma-separated (found by the property below)", () => {
    const parsed = parseUserInvitationCsv(
      '" rolE "," emaiL ",Note\nEditor,2-+@xdoi23374h.test,L yp4E|Vjq\nVIeWer,c@6prototype.co.uk,"|"""\n" AdMinistratOr ",5e4@147x.co.uk,a;b\n',
    );
    expect(parsed.fileErrors).toEqual([]);
    expect(parsed.rows.map((row) => [row.line, row.email, row.role, row.errors])).toEqual([
      [1, "2-+@xdoi23374h.test", "EDITOR", []],
      [2, "c@6prototype.co.uk", "VIEWER", []],
      [3, "5e4@147x.co.uk", "ADMINISTRATOR", []],
    ]);
  });

  it("reads back every valid row a spreadsheet writes, in any column order and header case", () => {
    const file = fc
      .record({
        emailHeader: typedHeader("email"),
        roleHeader: typedHeader("role"),
        extra: fc.boolean(),
        emailFirst: fc.boolean(),
        rows: fc.array(fc.tuple(emailAddress, typedRole, anyCell), { minLength: 1, maxLength: 15 }),
      })
      .chain(({ emailHeader, roleHeader, extra, emailFirst, rows }) => {
        const order = (email: string, role: string, note: string) => [
          ...(emailFirst ? [email, role] : [role, email]),
          ...(extra ? [note] : []),
        ];
        return csvText(
          fc.constant([
            order(emailHeader, roleHeader, "Note"),
            ...rows.map(([email, role, note]) => order(email, role, note)),
          ]),
        ).map((text) => ({ text, rows }));
      });
    fc.assert(
      fc.property(file, ({ text, rows }) => {
        const parsed = parseUserInvitationCsv(text);
        expect(parsed.fileErrors).toEqual([]);
        expect(parsed.rows.map((row) => [row.line, row.email, row.role, row.errors])).toEqual(
          rows.map(([email, role], index) => [index + 1, email, role.trim().toUpperCase(), []]),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe("importUserInvitations with random files", () => {
  let db: TestDatabase;
  let app: TestApp;
  const IMPORT = `mutation Import($csv: String!, $dryRun: Boolean) {
    importUserInvitations(input: { csv: $csv, dryRun: $dryRun }) { created updated rows { line email outcome errors { field code } } userErrors { field code } }
  }`;
  type ImportData = {
    importUserInvitations: { created: number; rows: unknown[]; userErrors: { code: string }[] };
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
    const admin = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
    // A small pool of addresses, so files repeat them, meet existing members and open invitations.
    const pool = [
      "ada@pool.test",
      "grace@pool.test",
      "linus@pool.test",
      "barbara@pool.test",
      "edsger@pool.test",
      "Ada@Pool.test",
    ];
    await insertMember(db.dataSource, {
      accountId: admin.accountId,
      userId: await insertUser(db.dataSource, { email: "member@pool.test" }),
    });
    pool.push("member@pool.test");
    app.actAs(admin.viewer);

    const row = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...pool), emailAddress), typedRole),
      },
      { weight: 1, arbitrary: fc.tuple(anyCell, typedRole) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...pool), anyCell) },
      { weight: 1, arbitrary: fc.array(anyCell, { maxLength: 3 }) },
    );
    const header = fc.oneof(
      { weight: 5, arbitrary: fc.constant<string[]>(["email", "role"]) },
      { weight: 1, arbitrary: fc.array(anyCell, { maxLength: 3 }) },
    );
    const file = fc.oneof(
      {
        weight: 6,
        arbitrary: csvText(
          fc.tuple(header, fc.array(row, { maxLength: 8 })).map(([h, rows]) => [h, ...rows]),
        ),
      },
      { weight: 1, arbitrary: junkText },
    );

    const seen = { rejected: 0, created: 0 };
    await fc.assert(
      fc.asyncProperty(
        file,
        fc.constantFrom(Plan.FREE, Plan.TEAM, Plan.BUSINESS),
        async (csv, plan) => {
          await db.dataSource.query("UPDATE accounts SET plan = $2 WHERE id = $1", [
            admin.accountId,
            plan,
          ]);
          const before = await tableCounts(db.dataSource);
          const dry = await app.graphql<ImportData>(IMPORT, { csv, dryRun: true });
          expect(dry.body.errors).toBeUndefined();
          expect(await tableCounts(db.dataSource)).toEqual(before);

          const real = await app.graphql<ImportData>(IMPORT, { csv, dryRun: false });
          expect(real.body.errors).toBeUndefined();
          const result = real.body.data!.importUserInvitations;
          expect(result.rows).toEqual(dry.body.data!.importUserInvitations.rows);
          expect(result.userErrors).toEqual(dry.body.data!.importUserInvitations.userErrors);
          const after = await tableCounts(db.dataSource);
          if (result.userErrors.length) seen.rejected += 1;
          if (result.userErrors.length || result.created === 0) {
            expect(after).toEqual(before);
          } else {
            seen.created += 1;
            expect(after.invitations).toBe(before.invitations! + result.created);
            expect(after.outbox).toBe(before.outbox! + result.created);
            expect(after.members).toBe(before.members);
            expect(after.users).toBe(before.users);
          }
        },
      ),
      { numRuns: 40 },
    );
    // Both paths ran: some files were refused (seats, bad header), some created invitations.
    expect(seen.rejected).toBeGreaterThan(0);
    expect(seen.created).toBeGreaterThan(0);
  });
});

describe("parseUserInvitationCsv and the input policy", () => {
  it("refuses a NUL byte or an over-long cell, by line and column", () => {
    const { rows } = parseUserInvitationCsv(
      [
        "email,role",
        "ok@example.test,Viewer",
        "nul\u0000@example.test,Viewer",
        `ok2@example.test,Vi\u0000ewer`,
        `${"a".repeat(300)}@example.test,Editor`,
      ].join("\n"),
    );
    expect(rows.map((row) => [row.line, row.errors.map((e) => [e.field, e.message])])).toEqual([
      [1, []],
      [
        2,
        [
          [
            ["2", "email"],
            "Line 2, column email contains the control character U+0000; remove it.",
          ],
        ],
      ],
      [
        3,
        [[["3", "role"], "Line 3, column role contains the control character U+0000; remove it."]],
      ],
      [4, [[["4", "email"], "Line 4, column email must be at most 254 characters."]]],
    ]);
  });
});
