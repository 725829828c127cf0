/**
 * Client titles: set when inviting, changed with updateClient, read from the CSV's
 * optional Title column. A file without the column imports as before and leaves titles
 * alone; with `updateExisting` a file with it updates names and titles together.
 */
import { Role, TEXT_LIMITS, toGlobalId } from "@pn/shared";
import { insertMember, insertUser, insertViewer } from "../../test-support/fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";

let db: TestDatabase;
let app: TestApp;

type UserErrorShape = { field: string[] | null; code: string; message: string };
type ImportResult = {
  importClients: {
    created: number;
    updated: number;
    rows: { line: number; email: string | null; outcome: string; errors: UserErrorShape[] }[];
    userErrors: UserErrorShape[];
  };
};

const IMPORT = `mutation($csv: String!, $update: Boolean) {
  importClients(input: { csv: $csv, updateExisting: $update }) {
    created updated rows { line email outcome errors { field code message } } userErrors { field code message }
  }
}`;
const INVITE = `mutation($input: InviteClientInput!) {
  inviteClient(input: $input) { client { id title } userErrors { field code message } }
}`;
const UPDATE = `mutation($input: UpdateClientInput!) {
  updateClient(input: $input) { client { id title name } userErrors { field code message } }
}`;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

/** An editor whose account has one more active person to put in teams. */
async function editorWithStaff() {
  const editor = await insertViewer(db.dataSource, Role.EDITOR);
  const email = `lead.${Math.random().toString(36).slice(2, 8)}@staff.example`;
  const userId = await insertUser(db.dataSource, { name: "Lea Lead", email });
  const memberId = await insertMember(db.dataSource, {
    accountId: editor.accountId,
    userId,
    role: Role.VIEWER,
  });
  return { editor, staffEmail: email, staffId: toGlobalId("Member", memberId) };
}

async function clientByEmail(accountId: string, email: string) {
  const [row] = await db.dataSource.query(
    "SELECT id, name, phone, title FROM clients WHERE account_id = $1 AND email = $2",
    [accountId, email],
  );
  return row as { id: string; name: string; phone: string | null; title: string | null };
}

describe("the client CSV's Title column", () => {
  it("is optional: a file without it imports with no titles, one with it (any case, any place) sets them", async () => {
    const { editor, staffEmail } = await editorWithStaff();
    app.actAs(editor.viewer);
    const without = await app.graphql<ImportResult>(IMPORT, {
      csv: `First Name,Last Name,Email,Phone Number,Team\nOld,File,old@titles.example,,${staffEmail}\n`,
    });
    expect(without.body.data?.importClients).toMatchObject({ created: 1, userErrors: [] });
    expect(await clientByEmail(editor.accountId, "old@titles.example")).toMatchObject({
      title: null,
    });

    const withTitle = await app.graphql<ImportResult>(IMPORT, {
      csv: `first name,TITLE,Last Name,Email,Phone Number,Team\nAda,Head of analytics,Lovelace,ada@titles.example,,${staffEmail}\nGrace,,Hopper,grace@titles.example,,${staffEmail}\n`,
    });
    expect(withTitle.body.data?.importClients).toMatchObject({ created: 2, userErrors: [] });
    expect(await clientByEmail(editor.accountId, "ada@titles.example")).toMatchObject({
      name: "Ada Lovelace",
      title: "Head of analytics",
    });
    // An empty cell is no title, not an empty one.
    expect(await clientByEmail(editor.accountId, "grace@titles.example")).toMatchObject({
      title: null,
    });
  });

  it("with updateExisting updates names and titles; without the column titles stay", async () => {
    const { editor, staffEmail } = await editorWithStaff();
    app.actAs(editor.viewer);
    await app.graphql<ImportResult>(IMPORT, {
      csv: `First Name,Last Name,Email,Phone Number,Team,Title\nAda,Lovelace,ada@update.example,,${staffEmail},Analyst\nAlan,Turing,alan@update.example,,${staffEmail},Cryptanalyst\n`,
    });

    const renamed = await app.graphql<ImportResult>(IMPORT, {
      update: true,
      csv: `First Name,Last Name,Email,Phone Number,Team,Title\nAda,King,ada@update.example,,${staffEmail},Countess\nAlan,Turing,alan@update.example,,${staffEmail},Cryptanalyst\n`,
    });
    expect(renamed.body.data?.importClients.rows.map((row) => row.outcome)).toEqual([
      "UPDATED",
      "UNCHANGED",
    ]);
    expect(await clientByEmail(editor.accountId, "ada@update.example")).toMatchObject({
      name: "Ada King",
      title: "Countess",
    });

    // Only the title differs: that alone is an update.
    const retitled = await app.graphql<ImportResult>(IMPORT, {
      update: true,
      csv: `First Name,Last Name,Email,Phone Number,Team,Title\nAlan,Turing,alan@update.example,,${staffEmail},Mathematician\n`,
    });
    expect(retitled.body.data?.importClients).toMatchObject({ updated: 1 });
    expect(await clientByEmail(editor.accountId, "alan@update.example")).toMatchObject({
      title: "Mathematician",
    });

    // An old file (no Title column) renames without touching the title.
    const oldFile = await app.graphql<ImportResult>(IMPORT, {
      update: true,
      csv: `First Name,Last Name,Email,Phone Number,Team\nAda,Lovelace,ada@update.example,,${staffEmail}\nAlan,Turing,alan@update.example,,${staffEmail}\n`,
    });
    expect(oldFile.body.data?.importClients.rows.map((row) => row.outcome)).toEqual([
      "UPDATED",
      "UNCHANGED",
    ]);
    expect(await clientByEmail(editor.accountId, "ada@update.example")).toMatchObject({
      name: "Ada Lovelace",
      title: "Countess",
    });
  });

  it("reports a too-long title as an error of its line and imports the other lines", async () => {
    const { editor, staffEmail } = await editorWithStaff();
    app.actAs(editor.viewer);
    const long = "T".repeat(TEXT_LIMITS.title + 1);
    const result = await app.graphql<ImportResult>(IMPORT, {
      csv: `First Name,Last Name,Email,Phone Number,Team,Title\nFine,One,fine@long.example,,${staffEmail},Buyer\nLong,Two,long@long.example,,${staffEmail},${long}\n`,
    });
    const rows = result.body.data!.importClients.rows;
    expect(rows.map((row) => [row.line, row.outcome])).toEqual([
      [1, "CREATED"],
      [2, "ERROR"],
    ]);
    expect(rows[1]!.errors).toEqual([
      {
        field: ["2", "title"],
        code: "INVALID",
        message: `Line 2, column Title must be at most ${TEXT_LIMITS.title} characters.`,
      },
    ]);
    expect(await clientByEmail(editor.accountId, "long@long.example")).toBeUndefined();
  });
});

describe("inviteClient and updateClient", () => {
  it("invite with a title, change it, clear it; each change is audited", async () => {
    const { editor, staffId } = await editorWithStaff();
    app.actAs(editor.viewer);
    const invited = await app.graphql<{
      inviteClient: { client: { id: string; title: string | null }; userErrors: UserErrorShape[] };
    }>(INVITE, {
      input: {
        name: "Tess Title",
        email: "tess@titles.example",
        title: "  Procurement lead ",
        teamMemberIds: [staffId],
      },
    });
    expect(invited.body.data?.inviteClient).toMatchObject({
      client: { title: "Procurement lead" },
      userErrors: [],
    });
    const clientId = invited.body.data!.inviteClient.client.id;

    const changed = await app.graphql<{ updateClient: { client: { title: string | null } } }>(
      UPDATE,
      { input: { clientId, title: "Head of procurement" } },
    );
    expect(changed.body.data?.updateClient.client).toMatchObject({ title: "Head of procurement" });
    // Omitted: stays.
    const kept = await app.graphql<{ updateClient: { client: { title: string | null } } }>(UPDATE, {
      input: { clientId },
    });
    expect(kept.body.data?.updateClient.client).toMatchObject({ title: "Head of procurement" });
    const cleared = await app.graphql<{ updateClient: { client: { title: string | null } } }>(
      UPDATE,
      { input: { clientId, title: "" } },
    );
    expect(cleared.body.data?.updateClient.client).toMatchObject({ title: null });

    const audit = await db.dataSource.query(
      "SELECT details FROM audit_events WHERE account_id = $1 AND action = 'client.updated' ORDER BY created_at, id",
      [editor.accountId],
    );
    expect(audit.map((row: { details: { title: string | null } }) => row.details.title)).toEqual([
      "Head of procurement",
      null,
    ]);
  });

  it("refuses a too-long title by field, a VIEWER, and another account's client", async () => {
    const { editor, staffId } = await editorWithStaff();
    app.actAs(editor.viewer);
    const invited = await app.graphql<{ inviteClient: { client: { id: string } } }>(INVITE, {
      input: { name: "Vic", email: "vic@titles.example", teamMemberIds: [staffId] },
    });
    const clientId = invited.body.data!.inviteClient.client.id;

    const tooLong = await app.graphql<{
      updateClient: { client: null; userErrors: UserErrorShape[] };
    }>(UPDATE, { input: { clientId, title: "x".repeat(TEXT_LIMITS.title + 1) } });
    expect(tooLong.body.data?.updateClient).toMatchObject({
      client: null,
      userErrors: [{ field: ["title"], code: "INVALID" }],
    });

    const viewer = await insertViewer(db.dataSource, Role.VIEWER, editor.accountId);
    app.actAs(viewer.viewer);
    const forbidden = await app.graphql(UPDATE, { input: { clientId, title: "Boss" } });
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const stranger = await insertViewer(db.dataSource, Role.EDITOR);
    app.actAs(stranger.viewer);
    const elsewhere = await app.graphql<{
      updateClient: { client: null; userErrors: UserErrorShape[] };
    }>(UPDATE, { input: { clientId, title: "Boss" } });
    expect(elsewhere.body.data?.updateClient.userErrors).toMatchObject([
      { field: ["clientId"], code: "NOT_FOUND" },
    ]);
    const [{ title }] = await db.dataSource.query("SELECT title FROM clients WHERE email = $1", [
      "vic@titles.example",
    ]);
    expect(title).toBeNull();
  });
});
