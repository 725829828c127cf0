/**
 * One identity per address (SECURITY.md "Email addresses"): "ÄNNE@…", "änne@…" and "änne@…"
 * typed with a combining diaeresis are one login, one invitation, one client. JavaScript's
 * `emailKey` and PostgreSQL's `email_key` agree, and the unique indexes use the key.
 */
import { emailKey, Role, toGlobalId } from "@pn/shared";
import fc from "fast-check";
import { insertAccount, insertViewer } from "../../test-support/fixtures";
import { signUpAndVerify } from "../../test-support/sign-up";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";

let db: TestDatabase;
let app: TestApp;

const PASSWORD = "correct horse battery";
/** "änne" in NFD: a + U+0308 COMBINING DIAERESIS. */
const NFD_ANNE = "a\u0308nne";

type UserErrorShape = { field: string[] | null; code: string; message: string };

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource, { appUrl: "https://pn.example.test" });
});

afterEach(() => app.actAs(null));

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

async function pgKey(address: string): Promise<string> {
  const [row] = await db.dataSource.query("SELECT email_key($1) AS key", [address]);
  return row.key;
}

describe("emailKey and email_key", () => {
  it.each([
    ["ÄNNE@example.test", "änne@example.test"],
    [`${NFD_ANNE}@example.test`, "änne@example.test"],
    ["  Anne.Brandt@Example.TEST\t", "anne.brandt@example.test"],
    ["STRASSE@example.test", "strasse@example.test"],
    ["straße@example.test", "strasse@example.test"],
    ["\u212Aelvin@example.test", "kelvin@example.test"],
    ["\uFB01le@example.test", "file@example.test"],
    ["ΟΔΥΣΣΕΥΣ@example.test", "οδυσσευσ@example.test"],
    ["ὈΔΥΣΣΕΎΣ@example.test", "ὀδυσσεύσ@example.test"],
    ["ЖЕНЯ@example.test", "женя@example.test"],
  ])("fold %j to %j, in JavaScript and in PostgreSQL alike", async (address, key) => {
    expect(emailKey(address)).toBe(key);
    expect(await pgKey(address)).toBe(key);
  });

  it("agree on random local parts from the scripts people type", async () => {
    const letters = fc.oneof(
      fc.integer({ min: 0x41, max: 0x7a }),
      fc.integer({ min: 0xc0, max: 0x24f }),
      fc.integer({ min: 0x391, max: 0x3c9 }),
      fc.integer({ min: 0x400, max: 0x44f }),
      fc.constantFrom(0x300, 0x301, 0x308, 0x130, 0x131, 0x1e9e, 0xdf),
    );
    const local = fc
      .array(letters, { minLength: 1, maxLength: 12 })
      .map((codes) => String.fromCodePoint(...codes));
    await fc.assert(
      fc.asyncProperty(local, async (text) => {
        const address = `${text}@example.test`;
        expect(await pgKey(address)).toBe(emailKey(address));
      }),
      { numRuns: 200 },
    );
  });
});

describe("one login per address", () => {
  it("signs up once: a case- or form-variant is the same address, and logs in", async () => {
    const email = "änne.signup@example.test";
    await signUpAndVerify(app.client(), db.dataSource, {
      email,
      password: PASSWORD,
      name: "Änne",
      accountName: "Änne Co",
    });
    const variant = `${NFD_ANNE.toUpperCase()}.SIGNUP@EXAMPLE.TEST`;
    await app
      .client()
      .graphql(
        `mutation($input: SignUpInput!) { signUp(input: $input) { verificationEmailSent userErrors { code } } }`,
        { input: { email: variant, password: "another password 1", name: "X", accountName: "X" } },
      );
    const users = await db.dataSource.query(
      "SELECT email FROM users WHERE email_key(email) = email_key($1)",
      [email],
    );
    expect(users).toEqual([{ email }]);

    const logIn = await app.client().graphql<{
      logIn: { user: { email: string } | null; userErrors: UserErrorShape[] };
    }>(`mutation($input: LogInInput!) { logIn(input: $input) { user { email } userErrors { code } } }`, { input: { email: variant, password: PASSWORD } });
    expect(logIn.body.data?.logIn).toEqual({ user: { email }, userErrors: [] });
  });

  it("stores what was typed in NFC, keeping its case", async () => {
    await signUpAndVerify(app.client(), db.dataSource, {
      email: `${NFD_ANNE}.Stored@example.test`,
      password: PASSWORD,
      name: "Stored",
      accountName: "Stored Co",
    });
    const [row] = await db.dataSource.query(
      "SELECT email FROM users WHERE email_key(email) = email_key($1)",
      ["änne.stored@example.test"],
    );
    expect(row.email).toBe("änne.Stored@example.test".normalize("NFC"));
    expect(row.email).not.toContain("\u0308");
  });
});

const INVITE_USERS = `mutation($input: InviteUsersInput!) {
  inviteUsers(input: $input) { invitations { email } userErrors { field code message } }
}`;

describe("one invitation per address", () => {
  it("refuses a case- or form-variant of an address already in the batch or pending", async () => {
    const admin = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
    await db.dataSource.query("UPDATE accounts SET plan = 'TEAM' WHERE id = $1", [admin.accountId]);
    app.actAs(admin.viewer);

    const batch = await app.graphql<{
      inviteUsers: { invitations: { email: string }[]; userErrors: UserErrorShape[] };
    }>(INVITE_USERS, {
      input: {
        invitees: [
          { email: "ÄNNE.invite@example.test", role: "EDITOR" },
          { email: "änne.invite@example.test", role: "EDITOR" },
        ],
      },
    });
    expect(batch.body.errors).toBeUndefined();
    expect(batch.body.data?.inviteUsers.invitations).toEqual([]);
    expect(batch.body.data?.inviteUsers.userErrors).toEqual([
      expect.objectContaining({ field: ["invitees", "1", "email"], code: "INVALID" }),
    ]);

    const first = await app.graphql<{
      inviteUsers: { invitations: { email: string }[]; userErrors: UserErrorShape[] };
    }>(INVITE_USERS, {
      input: { invitees: [{ email: "ÄNNE.invite@example.test", role: "EDITOR" }] },
    });
    expect(first.body.data?.inviteUsers.userErrors).toEqual([]);

    const again = await app.graphql<{
      inviteUsers: { invitations: { email: string }[]; userErrors: UserErrorShape[] };
    }>(INVITE_USERS, {
      input: { invitees: [{ email: `${NFD_ANNE}.invite@example.test`, role: "EDITOR" }] },
    });
    expect(again.body.data?.inviteUsers.invitations).toEqual([]);
    expect(again.body.data?.inviteUsers.userErrors).toHaveLength(1);

    const open = await db.dataSource.query(
      "SELECT email FROM invitations WHERE account_id = $1 AND status = 'PENDING'",
      [admin.accountId],
    );
    expect(open).toEqual([{ email: "ÄNNE.invite@example.test" }]);
  });

  it("refuses a second client with a variant of an open client's address", async () => {
    const admin = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
    app.actAs(admin.viewer);
    const inviteClient = (email: string) =>
      app.graphql<{
        inviteClient: { client: { id: string } | null; userErrors: UserErrorShape[] };
      }>(
        `mutation($input: InviteClientInput!) { inviteClient(input: $input) { client { id } userErrors { field code message } } }`,
        {
          input: {
            name: "Änne Client",
            email,
            teamMemberIds: [toGlobalId("Member", admin.memberId)],
          },
        },
      );
    expect(
      (await inviteClient("änne.client@example.test")).body.data?.inviteClient.userErrors,
    ).toEqual([]);
    const variant = (await inviteClient("ÄNNE.CLIENT@example.test")).body.data?.inviteClient;
    expect(variant?.client).toBeNull();
    expect(variant?.userErrors).toEqual([expect.objectContaining({ field: ["email"] })]);
  });
});

describe("the database's own wall", () => {
  it("refuses a second user whose address differs only in non-ASCII case", async () => {
    await db.dataSource.query("INSERT INTO users (email, name) VALUES ($1, 'Ölaf')", [
      "ölaf.wall@example.test",
    ]);
    await expect(
      db.dataSource.query("INSERT INTO users (email, name) VALUES ($1, 'Ölaf')", [
        "ÖLAF.wall@example.test",
      ]),
    ).rejects.toMatchObject({ code: "23505", constraint: "users_email_key" });
  });

  it("refuses an address stored outside its NFC form", async () => {
    const accountId = await insertAccount(db.dataSource);
    await expect(
      db.dataSource.query(
        "INSERT INTO clients (account_id, type, name, email, status) VALUES ($1, 'PERSON', 'Ada', $2, 'ACTIVE')",
        [accountId, `${NFD_ANNE}@example.test`],
      ),
    ).rejects.toMatchObject({ code: "23514", constraint: "clients_email_stored_form" });
  });
});
