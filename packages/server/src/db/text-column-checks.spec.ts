/**
 * The database's second wall (migration 1765350000000): writes that bypass the
 * services still cannot store over-long text, control characters in single-line
 * columns or bidi overrides in names; rows from before the constraints stay readable.
 */
import { TEXT_LIMITS } from "@pn/shared";
import { insertAccount, insertUser } from "../test-support/fixtures";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

async function violation(sql: string, params: unknown[]): Promise<string | undefined> {
  try {
    await db.dataSource.query(sql, params);
    return undefined;
  } catch (error) {
    expect((error as { code?: string }).code).toBe("23514");
    return (error as { constraint?: string }).constraint;
  }
}

describe("text column CHECK constraints", () => {
  it("refuse an over-long name written straight to the table", async () => {
    const userId = await insertUser(db.dataSource);
    expect(
      await violation("UPDATE users SET name = $2 WHERE id = $1", [userId, "a".repeat(10_000)]),
    ).toBe("users_name_text_check");
    // The limit is the policy's: exactly NAME_MAX_LENGTH still fits.
    await db.dataSource.query("UPDATE users SET name = $2 WHERE id = $1", [
      userId,
      "a".repeat(TEXT_LIMITS.name),
    ]);
  });

  it("refuse CR/LF in an account name and a bidi override in a partner's name", async () => {
    const accountId = await insertAccount(db.dataSource);
    expect(
      await violation("UPDATE accounts SET name = $2 WHERE id = $1", [
        accountId,
        "Acme\r\nBcc: victim@example.test",
      ]),
    ).toBe("accounts_name_text_check");
    expect(
      await violation(
        "INSERT INTO partners (account_id, company_name, status, guest) VALUES ($1, $2, 'ACTIVE', true)",
        [accountId, "Invoice \u202Efdp.exe"],
      ),
    ).toBe("partners_company_name_text_check");
  });

  it("refuse an over-long client phone", async () => {
    const accountId = await insertAccount(db.dataSource);
    expect(
      await violation(
        "INSERT INTO clients (account_id, type, name, email, phone, status) VALUES ($1, 'PERSON', 'Ada', 'ada@example.test', $2, 'ACTIVE')",
        [accountId, "1".repeat(41)],
      ),
    ).toBe("clients_phone_text_check");
  });

  it("refuse a client title over the policy's limit or with a line break (migration 1765410000000)", async () => {
    const accountId = await insertAccount(db.dataSource);
    const insert =
      "INSERT INTO clients (account_id, type, name, email, title, status) VALUES ($1, 'PERSON', 'Ada', $2, $3, 'ACTIVE')";
    expect(
      await violation(insert, [accountId, "ada1@example.test", "t".repeat(TEXT_LIMITS.title + 1)]),
    ).toBe("clients_title_text_check");
    expect(await violation(insert, [accountId, "ada2@example.test", "Head\nof sales"])).toBe(
      "clients_title_text_check",
    );
    await db.dataSource.query(insert, [
      accountId,
      "ada3@example.test",
      "t".repeat(TEXT_LIMITS.title),
    ]);
  });

  it("are NOT VALID: rows written before them stay, and later writes are checked", async () => {
    const [row] = await db.dataSource.query(
      `SELECT count(*)::int AS n, bool_and(NOT convalidated) AS all_not_valid FROM pg_constraint WHERE conname LIKE '%\\_text\\_check'`,
    );
    expect(row.n).toBeGreaterThanOrEqual(17);
    expect(row.all_not_valid).toBe(true);
  });
});
