/**
 * Identity ownership across accounts, generated from the schema: a person's name, email,
 * password, verification, sessions, API tokens and memberships belong to them and to the
 * accounts they joined, not to an account that merely typed their email.
 *
 * Account A's owner and administrator first attach B's owner's email to A in every way A
 * can (addExternalMember in other letter case, a client invitation and import, user
 * invitations, a partner invitation), then call every mutation that takes a member or
 * user ID, an email or a CSV with inputs aimed at that person. After each call B's owner
 * is exactly as before and A is not among the accounts they can enter. A mutation taking
 * such an argument that CASES does not list fails the coverage test, so later mutations
 * must be covered too.
 */
import { Plan, Role, toGlobalId } from "@pn/shared";
import {
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from "graphql";
import { randomUUID } from "node:crypto";
import { hashSecret } from "../crypto/secret-token";
import { buildAppSchema } from "../app/schema";
import { passwords } from "../modules/identity/password";
import { insertMember, insertUser, insertViewer } from "../test-support/fixtures";
import { startTestApp, type TestApp, type TestClient } from "../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import type { Viewer } from "./context";

const schema = buildAppSchema();
const mutationFields = Object.values(schema.getMutationType()!.getFields());

/** An ID input naming a person (member or user), an email, or a CSV (imports carry emails). */
function personField(name: string, typeName: string): boolean {
  if (typeName === "ID") return /member|user|actor/i.test(name);
  return /email|csv/i.test(name);
}

function takesPerson(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some(
    (field) =>
      personField(field.name, getNamedType(field.type).name) ||
      takesPerson(field.type, new Set(seen)),
  );
}

const personMutations = mutationFields
  .filter((field) =>
    field.args.some(
      (arg) => personField(arg.name, getNamedType(arg.type).name) || takesPerson(arg.type),
    ),
  )
  .map((field) => field.name)
  .sort();

const PASSWORD = "Identity-owner-passw0rd";
const VICTIM_NAME = "Bea Realname";

let db: TestDatabase;
let app: TestApp;

/** B's owner: the person whose identity is theirs. */
let victim: {
  userId: string;
  email: string;
  accountId: string;
  memberId: string;
  client: TestClient;
};
/** Account A, which knows the victim's email and nothing else. */
let a: {
  accountId: string;
  owner: Viewer;
  administrator: Viewer;
  partnerId: string;
  clientId: string;
  victimMemberId: string;
  inviteLinkToken: string;
};

type CaseContext = typeof a & { victim: typeof victim };
type Case = {
  label: string;
  input: (c: CaseContext) => Record<string, unknown>;
  /** Sent without a session (sign-up, log-in, a link's sign-up): someone who is not the victim. */
  anonymous?: boolean;
};

/** Other letter cases of the victim's email: the same address to any mailbox. */
const spellings = (email: string) => [email.toUpperCase(), email.toLowerCase()];
const spelling = (email: string) => (email === email.toUpperCase() ? "EMAIL" : "email");
const victimMembers = (c: CaseContext) => [
  ["their membership in A", toGlobalId("Member", c.victimMemberId)],
  ["their membership in B", toGlobalId("Member", c.victim.memberId)],
];

/**
 * Every mutation taking a member or user ID, an email or a CSV, with inputs aimed at the
 * victim. Each case runs as A's owner and as A's administrator.
 */
const CASES: Record<string, (c: CaseContext) => Case[]> = {
  addExternalMember: (c) =>
    spellings(c.victim.email).map((email) => ({
      label: spelling(email),
      input: () => ({ partnerId: toGlobalId("Partner", c.partnerId), name: "Renamed", email }),
    })),
  updateMember: (c) =>
    victimMembers(c).flatMap(([label, memberId]) => [
      { label: `${label}: name`, input: () => ({ memberId, name: "Mallory's Name" }) },
      { label: `${label}: role`, input: () => ({ memberId, role: Role.VIEWER }) },
      { label: `${label}: login off`, input: () => ({ memberId, canLogin: false }) },
      { label: `${label}: login on`, input: () => ({ memberId, canLogin: true }) },
      { label: `${label}: title`, input: () => ({ memberId, title: "Hostage" }) },
    ]),
  archiveMembers: (c) =>
    victimMembers(c).map(([label, id]) => ({ label, input: () => ({ memberIds: [id] }) })),
  restoreMembers: (c) =>
    victimMembers(c).map(([label, id]) => ({ label, input: () => ({ memberIds: [id] }) })),
  activateMembers: (c) =>
    victimMembers(c).map(([label, id]) => ({ label, input: () => ({ memberIds: [id] }) })),
  transferOwnership: (c) =>
    victimMembers(c).map(([label, memberId]) => ({
      label,
      input: () => ({ memberId, password: PASSWORD }),
    })),
  acceptMembership: (c) =>
    victimMembers(c).map(([label, memberId]) => ({ label, input: () => ({ memberId }) })),
  declineMembership: (c) =>
    victimMembers(c).map(([label, memberId]) => ({ label, input: () => ({ memberId }) })),
  addTeamMember: (c) =>
    victimMembers(c).map(([label, memberId]) => ({
      label,
      input: () => ({ clientId: toGlobalId("Client", c.clientId), memberId }),
    })),
  removeTeamMember: (c) =>
    victimMembers(c).map(([label, memberId]) => ({
      label,
      input: () => ({ clientId: toGlobalId("Client", c.clientId), memberId }),
    })),
  makeTeamLead: (c) =>
    victimMembers(c).map(([label, memberId]) => ({
      label,
      input: () => ({ clientId: toGlobalId("Client", c.clientId), memberId }),
    })),
  replaceTeamMember: (c) =>
    victimMembers(c).map(([label, replacementMemberId]) => ({
      label,
      input: () => ({
        clientId: toGlobalId("Client", c.clientId),
        memberId: toGlobalId("Member", c.owner.memberId!),
        replacementMemberId,
      }),
    })),
  createClientInviteLink: (c) =>
    victimMembers(c).map(([label, id]) => ({ label, input: () => ({ teamMemberIds: [id] }) })),
  inviteClient: (c) =>
    spellings(c.victim.email).map((email) => ({
      label: spelling(email),
      input: () => ({ name: "Typed Client", email, teamMemberIds: [] }),
    })),
  importClients: (c) =>
    spellings(c.victim.email).map((email) => ({
      label: spelling(email),
      input: () => ({
        csv: `First Name,Last Name,Email,Phone Number,Team\nTyped,Client,${email},,\n`,
        updateExisting: true,
      }),
    })),
  inviteUsers: (c) =>
    spellings(c.victim.email).map((email) => ({
      label: spelling(email),
      input: () => ({ invitees: [{ email, role: Role.ADMINISTRATOR }] }),
    })),
  importUserInvitations: (c) =>
    spellings(c.victim.email).map((email) => ({
      label: spelling(email),
      input: () => ({ csv: `email,role\n${email},ADMINISTRATOR\n` }),
    })),
  invitePartner: (c) =>
    spellings(c.victim.email).map((email) => ({
      label: spelling(email),
      input: () => ({ email, companyName: "B's company", allowLogin: true }),
    })),
  // A's own shareable client link, accepted with the victim's email by someone who is not them.
  acceptInvitation: (c) =>
    spellings(c.victim.email).map((email) => ({
      label: spelling(email),
      input: () => ({ token: c.inviteLinkToken, email, name: "Mallory", password: PASSWORD }),
      anonymous: true,
    })),
  signUp: (c) =>
    spellings(c.victim.email).map((email) => ({
      label: spelling(email),
      input: () => ({ email, password: "Another-passw0rd-1", name: "Mallory", accountName: "M" }),
      anonymous: true,
    })),
  // A reset link goes to the victim's own mailbox; asking for one changes nothing of theirs.
  requestPasswordReset: (c) =>
    spellings(c.victim.email).map((email) => ({
      label: spelling(email),
      input: () => ({ email }),
      anonymous: true,
    })),
  logIn: (c) =>
    spellings(c.victim.email).map((email) => ({
      label: spelling(email),
      input: () => ({ email, password: "Not-their-passw0rd" }),
      anonymous: true,
    })),
};

/** The payload's fields: scalars as they are, objects as their __typename. */
function selectionOf(type: GraphQLObjectType): string {
  return Object.values(type.getFields())
    .map((field) => {
      const named = getNamedType(field.type);
      if (field.name === "userErrors") return "userErrors { code field }";
      if (field.args.some((arg) => isNonNullType(arg.type))) return "";
      return isObjectType(named) || isInterfaceType(named)
        ? `${field.name} { __typename }`
        : field.name;
    })
    .join(" ");
}

function documentOf(field: GraphQLField<unknown, unknown>): string {
  const input = field.args.find((arg) => arg.name === "input")!;
  const payload = getNamedType(field.type) as GraphQLObjectType;
  return `mutation($input: ${String(input.type)}) { result: ${field.name}(input: $input) { ${selectionOf(payload)} } }`;
}

/** Everything of the victim's identity and of their memberships in B, as comparable JSON. */
async function identityOfVictim(): Promise<unknown> {
  const q = (sql: string, params: unknown[]) => db.dataSource.query(sql, params);
  return {
    user: await q("SELECT name, email, password_hash, email_verified_at FROM users WHERE id = $1", [
      victim.userId,
    ]),
    sessions: await q(
      "SELECT id, account_id, expires_at FROM sessions WHERE user_id = $1 ORDER BY id",
      [victim.userId],
    ),
    apiTokens: await q(
      `SELECT t.id, t.account_id, t.revoked_at FROM api_tokens t JOIN members m ON m.id = t.created_by_member_id
       WHERE m.user_id = $1 ORDER BY t.id`,
      [victim.userId],
    ),
    membershipsInB: await q(
      "SELECT id, role, status, can_login, title, accepted_at FROM members WHERE user_id = $1 AND account_id = $2",
      [victim.userId, victim.accountId],
    ),
  };
}

/** The accounts the victim can enter, as the server decides it and as their own session lists it. */
async function victimsAccounts(): Promise<{ enterable: string[]; listed: string[] }> {
  const rows: { account_id: string }[] = await db.dataSource.query(
    `SELECT account_id FROM members WHERE user_id = $1 AND status = 'ACTIVE' AND can_login
       AND accepted_at IS NOT NULL ORDER BY account_id`,
    [victim.userId],
  );
  const response = await victim.client.graphql<{
    viewer: { memberships: { account: { id: string } }[] };
  }>("{ viewer { memberships { account { id } } } }");
  expect(response.body.errors).toBeUndefined();
  return {
    enterable: rows.map((row) => row.account_id),
    listed: response.body.data!.viewer.memberships.map((m) => m.account.id),
  };
}

let baseline: unknown;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
  const passwordHash = await passwords.hash(PASSWORD);

  const b = await insertViewer(db.dataSource, Role.OWNER);
  const email = `Bea.Owner.${randomUUID().slice(0, 8)}@B.example`;
  await db.dataSource.query(
    "UPDATE users SET email = $2, name = $3, password_hash = $4, email_verified_at = now() WHERE id = $1",
    [b.userId, email, VICTIM_NAME, passwordHash],
  );
  await db.dataSource.query(
    "INSERT INTO api_tokens (account_id, created_by_member_id, name, scopes, token_hash) VALUES ($1, $2, 'B token', '{READ}', $3)",
    [b.accountId, b.memberId, hashSecret(`identity-token-${randomUUID()}`)],
  );
  const client = app.client();
  const logIn = await client.graphql<{ logIn: { userErrors: unknown[] } }>(
    "mutation($input: LogInInput!) { logIn(input: $input) { userErrors { code } } }",
    { input: { email, password: PASSWORD } },
  );
  expect(logIn.body.data?.logIn.userErrors).toEqual([]);
  victim = { userId: b.userId, email, accountId: b.accountId, memberId: b.memberId, client };

  const owner = await insertViewer(db.dataSource, Role.OWNER);
  await db.dataSource.query("UPDATE accounts SET plan = $2 WHERE id = $1", [
    owner.accountId,
    Plan.ENTERPRISE,
  ]);
  await db.dataSource.query("UPDATE users SET password_hash = $2 WHERE id = $1", [
    owner.userId,
    passwordHash,
  ]);
  const adminUser = await insertUser(db.dataSource);
  const adminMember = await insertMember(db.dataSource, {
    accountId: owner.accountId,
    userId: adminUser,
    role: Role.ADMINISTRATOR,
  });
  const [partner] = await db.dataSource.query(
    "INSERT INTO partners (account_id, company_name, status, guest, allow_login) VALUES ($1, 'Guests', 'ACTIVE', true, true) RETURNING id",
    [owner.accountId],
  );
  const [client0] = await db.dataSource.query(
    "INSERT INTO clients (account_id, type, name, email, status) VALUES ($1, 'PERSON', 'A client', 'a-client@example.test', 'ACTIVE') RETURNING id",
    [owner.accountId],
  );
  const [team] = await db.dataSource.query(
    "INSERT INTO teams (account_id, client_id) VALUES ($1, $2) RETURNING id",
    [owner.accountId, client0.id],
  );
  await db.dataSource.query(
    "INSERT INTO team_memberships (team_id, member_id, account_id, is_lead) VALUES ($1, $2, $3, true)",
    [team.id, owner.memberId, owner.accountId],
  );

  // A attaches the victim's email in every way it can.
  app.actAs(owner.viewer);
  const added = await app.graphql<{
    addExternalMember: {
      member: { id: string; name: string; email: string; user: { name: string } } | null;
      userErrors: unknown[];
    };
  }>(
    `mutation($input: AddExternalMemberInput!) { addExternalMember(input: $input) {
       member { id name email user { name } } userErrors { code } } }`,
    {
      input: {
        partnerId: toGlobalId("Partner", partner.id),
        name: "Typed Name",
        email: email.toUpperCase(),
      },
    },
  );
  expect(added.body.errors).toBeUndefined();
  // The answer shows what A typed, never who the person is.
  expect(added.body.data!.addExternalMember).toMatchObject({
    member: {
      name: "Typed Name",
      email: email.toLowerCase(),
      user: { name: "Typed Name" },
    },
    userErrors: [],
  });
  const attachments: [string, Record<string, unknown>][] = [
    ["InviteClientInput", { name: "Typed Client", email, teamMemberIds: [] }],
    [
      "ImportClientsInput",
      {
        csv: `First Name,Last Name,Email,Phone Number,Team\nTyped,Import,${email.toLowerCase()},,\n`,
      },
    ],
    ["ImportUserInvitationsInput", { csv: `email,role\n${email},VIEWER\n` }],
    ["InviteUsersInput", { invitees: [{ email: email.toLowerCase(), role: Role.EDITOR }] }],
    ["InvitePartnerInput", { email, companyName: "B", allowLogin: true }],
  ];
  const names: Record<string, string> = {
    InviteClientInput: "inviteClient",
    ImportClientsInput: "importClients",
    ImportUserInvitationsInput: "importUserInvitations",
    InviteUsersInput: "inviteUsers",
    InvitePartnerInput: "invitePartner",
  };
  for (const [type, input] of attachments) {
    const response = await app.graphql(
      `mutation($input: ${type}!) { result: ${names[type]}(input: $input) { __typename } }`,
      { input },
    );
    expect(response.body.errors).toBeUndefined();
  }
  const link = await app.graphql<{ createClientInviteLink: { url: string } }>(
    `mutation($input: CreateClientInviteLinkInput!) { createClientInviteLink(input: $input) { url } }`,
    { input: { teamMemberIds: [toGlobalId("Member", owner.memberId)] } },
  );
  const url = link.body.data!.createClientInviteLink.url;

  a = {
    accountId: owner.accountId,
    owner: owner.viewer,
    administrator: {
      userId: adminUser,
      accountId: owner.accountId,
      memberId: adminMember,
      role: Role.ADMINISTRATOR,
      credential: { kind: "session", sessionId: randomUUID() },
    },
    partnerId: partner.id,
    clientId: client0.id,
    victimMemberId: (
      await db.dataSource.query("SELECT id FROM members WHERE account_id = $1 AND user_id = $2", [
        owner.accountId,
        b.userId,
      ])
    )[0].id,
    inviteLinkToken: url.slice(url.lastIndexOf("/") + 1),
  };
  baseline = await identityOfVictim();
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe("coverage of the schema", () => {
  it("has cases for every mutation that takes a member or user ID, an email or a CSV", () => {
    expect(personMutations).toEqual(Object.keys(CASES).sort());
  });

  it("finds such mutations at all (the detection works)", () => {
    expect(personMutations).toEqual(
      expect.arrayContaining(["addExternalMember", "updateMember", "inviteUsers", "importClients"]),
    );
  });
});

describe("after A attached the victim's email in every way", () => {
  it("the victim is unchanged and A is not among their accounts", async () => {
    expect(await identityOfVictim()).toEqual(baseline);
    expect(await victimsAccounts()).toEqual({
      enterable: [victim.accountId],
      listed: [toGlobalId("Account", victim.accountId)],
    });
  });

  it("A sees only what it typed for the person, in lists and searches", async () => {
    app.actAs(a.owner);
    const response = await app.graphql<{
      viewer: {
        currentAccount: {
          all: { nodes: { name: string; email: string; user: { name: string } }[] };
          byRealName: { totalCount: number };
        };
      };
    }>(
      `{ viewer { currentAccount {
         all: members(first: 50) { nodes { name email user { name } } }
         byRealName: members(first: 5, filter: { search: "Realname" }) { totalCount } } } }`,
    );
    expect(response.body.errors).toBeUndefined();
    const account = response.body.data!.viewer.currentAccount;
    expect(JSON.stringify(account.all)).not.toContain(VICTIM_NAME);
    expect(account.byRealName.totalCount).toBe(0);
  });
});

describe("every mutation aimed at the victim, as A's owner and administrator", () => {
  const cases = Object.entries(CASES).flatMap(([name, of]) =>
    (["owner", "administrator"] as const).flatMap((role) =>
      // Labels need the context, built in beforeAll; a placeholder context names the cases.
      of(placeholderContext()).map((c, index) => ({ name, role, label: c.label, index })),
    ),
  );

  it.each(cases.map((c) => [c.name, c.role, c.label, c] as const))(
    "%s as A's %s (%s): the victim's identity and memberships stay theirs",
    async (name, role, _label, c) => {
      const field = mutationFields.find((f) => f.name === name)!;
      const context = { ...a, victim };
      const aimed = CASES[name]!(context)[c.index]!;
      const input = aimed.input(context);
      app.actAs(aimed.anonymous ? null : role === "owner" ? a.owner : a.administrator);
      const response = await app.graphql(documentOf(field), { input });
      // A role refused outright (an administrator transferring ownership) is a fine answer too.
      const codes = (response.body.errors ?? []).map((error) => error.extensions?.code);
      expect(codes.filter((code) => code !== "FORBIDDEN")).toEqual([]);
      expect(JSON.stringify(response.body.data)).not.toContain(VICTIM_NAME);
      expect(await identityOfVictim()).toEqual(baseline);
      expect(await victimsAccounts()).toEqual({
        enterable: [victim.accountId],
        listed: [toGlobalId("Account", victim.accountId)],
      });
    },
  );
});

/** A context with the right shape and made-up values, so the cases' labels exist before beforeAll runs. */
function placeholderContext(): CaseContext {
  const id = "00000000-0000-4000-8000-000000000000";
  const viewer: Viewer = {
    userId: id,
    accountId: id,
    memberId: id,
    role: Role.OWNER,
    credential: { kind: "session", sessionId: id },
  };
  return {
    accountId: id,
    owner: viewer,
    administrator: viewer,
    partnerId: id,
    clientId: id,
    victimMemberId: id,
    inviteLinkToken: "token",
    victim: { userId: id, email: "victim@example.test", accountId: id, memberId: id } as never,
  };
}
