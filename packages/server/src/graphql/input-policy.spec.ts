/**
 * The input policy over GraphQL: every String/ID input of the schema has a rule (so a
 * new field cannot be forgotten), and the cases the issue saw answer userErrors (or
 * BAD_USER_INPUT for a query) with nothing written, never INTERNAL_SERVER_ERROR.
 */
import { Role, toGlobalId } from "@pn/shared";
import { buildAppSchema } from "../app/schema";
import { tableCounts } from "../test-support/csv-arbitraries";
import { insertMember, insertUser, insertViewer } from "../test-support/fixtures";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { uncoveredInputs } from "./input-policy";

let db: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

type UserErrorShape = { field: string[] | null; code: string; message: string };
type Answer = { userErrors: UserErrorShape[] };

const NUL = "\u0000";
const LONG = "a".repeat(10_000);
const RTL = "Invoice \u202Efdp.exe";

describe("the input policy table", () => {
  it("has a rule for every String and ID input of the schema", () => {
    const missing = uncoveredInputs(buildAppSchema()).map(
      ({ owner, field }) =>
        `${owner}.${field} has no input policy: add "${field}" (or "${owner}.${field}" when the name means something else there) to INPUT_POLICY in packages/shared/src/input-policy.ts`,
    );
    expect(missing).toEqual([]);
  });
});

/** Runs `mutation` as the current viewer and returns its payload; asserts no top-level error and no write. */
async function refusedWithoutWrites(
  name: string,
  mutation: string,
  variables: Record<string, unknown>,
): Promise<UserErrorShape[]> {
  const before = await tableCounts(db.dataSource);
  const response = await app.graphql<Record<string, Answer>>(mutation, variables);
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  expect(await tableCounts(db.dataSource)).toEqual(before);
  return response.body.data![name]!.userErrors;
}

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { userErrors { field code message } } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { userErrors { field code message } } }`;
const INVITE_USERS = `mutation($input: InviteUsersInput!) { inviteUsers(input: $input) { invitations { id } userErrors { field code message } } }`;
const CREATE_PARTNER = `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { partner { id } userErrors { field code message } } }`;
const UPDATE_MEMBER = `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { member { id } userErrors { field code message } } }`;
const ADD_EXTERNAL = `mutation($input: AddExternalMemberInput!) { addExternalMember(input: $input) { member { id } userErrors { field code message } } }`;
const INVITE_PARTNER = `mutation($input: InvitePartnerInput!) { invitePartner(input: $input) { partner { id } userErrors { field code message } } }`;
const UPDATE_ACCOUNT = `mutation($input: UpdateAccountInput!) { updateAccount(input: $input) { userErrors { field code message } } }`;
const IMPORT_USERS = `mutation($csv: String!) { importUserInvitations(input: { csv: $csv }) { created rows { line outcome errors { field code message } } userErrors { field code } } }`;
const IMPORT_CLIENTS = `mutation($csv: String!) { importClients(input: { csv: $csv }) { created rows { line outcome errors { field code message } } userErrors { field code } } }`;
const SEARCH_MEMBERS = `query($search: String) { viewer { currentAccount { members(first: 10, filter: { search: $search }) { nodes { id } } } } }`;

const signUp = (fields: Partial<Record<string, string>>) => ({
  input: {
    accountName: "Acme",
    email: `sign-up-${Math.random().toString(36).slice(2)}@example.test`,
    name: "Ada Lovelace",
    password: "Sign-up-passw0rd-ok",
    ...fields,
  },
});

describe("what the issue saw, now answered as userErrors with nothing written", () => {
  beforeEach(() => app.actAs(null));

  it.each([
    ["name", { name: `Ada${NUL}` }, "control character U+0000"],
    ["email", { email: `ada${NUL}@example.test` }, "control character U+0000"],
    ["name", { name: RTL }, "text-direction character U+202E"],
    ["accountName", { accountName: "Acme\r\nBcc: victim@example.test" }, "a single line"],
    ["accountName", { accountName: LONG }, "at most 200 characters"],
  ])("signUp refuses bad %s", async (field, fields, message) => {
    const errors = await refusedWithoutWrites("signUp", SIGN_UP, signUp(fields));
    expect(errors).toEqual([{ field: [field], code: "INVALID", message: expect.any(String) }]);
    expect(errors[0]!.message).toContain(message);
  });

  it("logIn refuses a NUL byte in the email", async () => {
    const errors = await refusedWithoutWrites("logIn", LOG_IN, {
      input: { email: `ada${NUL}@example.test`, password: "whatever-passw0rd" },
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([[["email"], "INVALID"]]);
  });

  it("inviteUsers refuses a NUL byte in an email, naming the invitee", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(owner.viewer);
    const errors = await refusedWithoutWrites("inviteUsers", INVITE_USERS, {
      input: {
        invitees: [
          { email: "fine@example.test", role: "VIEWER" },
          { email: `nul${NUL}@example.test`, role: "VIEWER" },
        ],
      },
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([[["invitees", "1", "email"], "INVALID"]]);
  });

  it("createPartner refuses a NUL byte in the company name", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(owner.viewer);
    const errors = await refusedWithoutWrites("createPartner", CREATE_PARTNER, {
      input: { companyName: `Acme${NUL}` },
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([[["companyName"], "INVALID"]]);
  });

  it.each([
    ["name", NUL],
    ["name", LONG],
    ["name", RTL],
    ["title", LONG],
  ])("updateMember refuses a bad %s", async (field, value) => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    const editor = await insertMember(db.dataSource, {
      accountId: owner.accountId,
      userId: await insertUser(db.dataSource),
      role: Role.EDITOR,
    });
    app.actAs(owner.viewer);
    const errors = await refusedWithoutWrites("updateMember", UPDATE_MEMBER, {
      input: { memberId: toGlobalId("Member", editor), [field]: value },
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([[[field], "INVALID"]]);
    const [user] = await db.dataSource.query(
      "SELECT u.name, m.title FROM members m JOIN users u ON u.id = m.user_id WHERE m.id = $1",
      [editor],
    );
    expect(user.name).not.toBe(value);
    expect(user.title).not.toBe(value);
  });

  it("addExternalMember refuses a 10,000-character name", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    const [partner] = await db.dataSource.query(
      "INSERT INTO partners (account_id, company_name, status, guest) VALUES ($1, 'Partner', 'ACTIVE', true) RETURNING id",
      [owner.accountId],
    );
    app.actAs(owner.viewer);
    const errors = await refusedWithoutWrites("addExternalMember", ADD_EXTERNAL, {
      input: {
        partnerId: toGlobalId("Partner", partner.id),
        email: "external@example.test",
        name: LONG,
      },
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([[["name"], "INVALID"]]);
  });

  it("invitePartner refuses a 10,000-character contact name", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(owner.viewer);
    const errors = await refusedWithoutWrites("invitePartner", INVITE_PARTNER, {
      input: { email: "partner@example.test", contactName: LONG },
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([[["contactName"], "INVALID"]]);
  });

  it.each([
    ["Acme\r\nBcc: victim@example.test", "a single line"],
    ["Acme\nBcc: victim@example.test", "a single line"],
    [RTL, "text-direction character U+202E"],
  ])("updateAccount refuses the account name %j", async (name, message) => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(owner.viewer);
    const errors = await refusedWithoutWrites("updateAccount", UPDATE_ACCOUNT, {
      input: { name },
    });
    expect(errors).toEqual([{ field: ["name"], code: "INVALID", message: expect.any(String) }]);
    expect(errors[0]!.message).toContain(message);
  });

  it("a member search term with a NUL byte gets BAD_USER_INPUT, a bidi-free odd term finds nothing", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(owner.viewer);
    const refused = await app.graphql(SEARCH_MEMBERS, { search: `ada${NUL}` });
    expect(refused.status).toBe(200);
    expect(refused.body.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    expect(refused.body.errors?.[0]?.message).toContain("U+0000");
    const odd = await app.graphql<{
      viewer: { currentAccount: { members: { nodes: unknown[] } } };
    }>(SEARCH_MEMBERS, { search: "%_\\'\"😀" });
    expect(odd.body.errors).toBeUndefined();
    expect(odd.body.data?.viewer.currentAccount.members.nodes).toEqual([]);
  });

  it("importUserInvitations reports a NUL byte in a cell by line and writes only the good rows", async () => {
    const owner = await insertViewer(db.dataSource, Role.OWNER);
    await db.dataSource.query("UPDATE accounts SET plan = 'TEAM' WHERE id = $1", [owner.accountId]);
    app.actAs(owner.viewer);
    const response = await app.graphql<{
      importUserInvitations: {
        created: number;
        rows: { line: number; outcome: string; errors: UserErrorShape[] }[];
      };
    }>(IMPORT_USERS, {
      csv: `email,role\nnul${NUL}@example.test,Viewer\ngood-import@example.test,Viewer\n`,
    });
    expect(response.body.errors).toBeUndefined();
    const result = response.body.data!.importUserInvitations;
    expect(result.created).toBe(1);
    expect(result.rows.map((r) => [r.line, r.outcome, r.errors.map((e) => e.field)])).toEqual([
      [1, "ERROR", [["1", "email"]]],
      [2, "CREATED", []],
    ]);
    const [{ n }] = await db.dataSource.query(
      "SELECT count(*)::int AS n FROM invitations WHERE account_id = $1",
      [owner.accountId],
    );
    expect(n).toBe(1);
  });

  it.each([
    ["a NUL byte", `Nul${NUL}`],
    ["a 10,000-character name", LONG],
  ])(
    "importClients reports %s in a name cell by line and creates nothing for it",
    async (_label, first) => {
      const owner = await insertViewer(db.dataSource, Role.OWNER);
      const [lead] = await db.dataSource.query(
        "SELECT u.email FROM members m JOIN users u ON u.id = m.user_id WHERE m.id = $1",
        [owner.memberId],
      );
      app.actAs(owner.viewer);
      const before = await tableCounts(db.dataSource);
      const response = await app.graphql<{
        importClients: {
          created: number;
          rows: { line: number; outcome: string; errors: UserErrorShape[] }[];
        };
      }>(IMPORT_CLIENTS, {
        csv: `First Name,Last Name,Email,Phone Number,Team\n${first},X,client-${Date.now()}@example.test,,${lead.email}\n`,
      });
      expect(response.body.errors).toBeUndefined();
      const result = response.body.data!.importClients;
      expect(result.created).toBe(0);
      expect(result.rows.map((r) => [r.line, r.outcome, r.errors.map((e) => e.field)])).toEqual([
        [1, "ERROR", [["1", "name"]]],
      ]);
      expect(await tableCounts(db.dataSource)).toEqual(before);
    },
  );
});
