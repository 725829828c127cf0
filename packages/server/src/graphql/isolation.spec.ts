/**
 * Tenant isolation, generated from the schema: every Node type, every mutation
 * taking an ID and every connection filter taking an ID is tried by account B with
 * account A's IDs. A new Node type, ID argument or mutation that this file does not
 * know makes it fail, so coverage cannot silently fall behind the schema.
 */
import { Plan, Role, toGlobalId } from "@pn/shared";
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from "graphql";
import { hashSecret } from "../crypto/secret-token";
import { passwords } from "../modules/identity/password";
import { insertAccount, insertMember, insertUser, insertViewer } from "../test-support/fixtures";
import { startTestApp, type TestApp } from "../test-support/test-app";
import {
  createTestDatabase,
  tenantTableNames,
  type TestDatabase,
} from "../test-support/test-database";
import { buildAppSchema } from "../app/schema";

let db: TestDatabase;
let app: TestApp;
const schema = buildAppSchema();

type World = Awaited<ReturnType<typeof createWorld>>;
let a: World;
let b: World;
/** Every owner's password: transferOwnership asks for it before it looks at the member ID. */
const OWNER_PASSWORD = "Isolation-owner-passw0rd";
let ownerPasswordHash: string;

/** An account with one object of every kind, so every Node type and ID argument has a real target. */
async function createWorld(label: string) {
  const owner = await insertViewer(db.dataSource, Role.OWNER);
  const accountId = owner.accountId;
  await db.dataSource.query("UPDATE accounts SET plan = $2 WHERE id = $1", [accountId, Plan.TEAM]);
  await db.dataSource.query("UPDATE users SET password_hash = $2 WHERE id = $1", [
    owner.userId,
    ownerPasswordHash,
  ]);
  const editorEmail = `editor-${label}-${Date.now()}@example.test`;
  const editorUser = await insertUser(db.dataSource, { email: editorEmail });
  const editor = await insertMember(db.dataSource, {
    accountId,
    userId: editorUser,
    role: Role.EDITOR,
  });
  const [partner] = await db.dataSource.query(
    "INSERT INTO partners (account_id, company_name, status, guest) VALUES ($1, $2, 'ACTIVE', true) RETURNING id",
    [accountId, `Partner of ${label}`],
  );
  const externalUser = await insertUser(db.dataSource);
  const [external] = await db.dataSource.query(
    `INSERT INTO members (account_id, user_id, type, role, status, partner_id, accepted_at)
     VALUES ($1, $2, 'EXTERNAL', 'COLLABORATOR_EXTERNAL', 'PENDING', $3, now()) RETURNING id`,
    [accountId, externalUser, partner.id],
  );
  const [client] = await db.dataSource.query(
    "INSERT INTO clients (account_id, type, name, email, status) VALUES ($1, 'PERSON', $2, $3, 'ACTIVE') RETURNING id",
    [accountId, `Client of ${label}`, `client-${label}-${Date.now()}@example.test`],
  );
  const [team] = await db.dataSource.query(
    "INSERT INTO teams (account_id, client_id) VALUES ($1, $2) RETURNING id",
    [accountId, client.id],
  );
  await db.dataSource.query(
    "INSERT INTO team_memberships (team_id, member_id, account_id, is_lead) VALUES ($1, $2, $3, true), ($1, $4, $3, false)",
    [team.id, owner.memberId, accountId, editor],
  );
  const [invitation] = await db.dataSource.query(
    `INSERT INTO invitations (account_id, kind, email, role, token_hash, expires_at, invited_by_member_id)
     VALUES ($1, 'USER', $2, 'VIEWER', $3, now() + interval '1 day', $4) RETURNING id`,
    [
      accountId,
      `invitee-${label}-${Date.now()}@example.test`,
      hashSecret(`invitation-token-${label}-${Date.now()}`),
      owner.memberId,
    ],
  );
  const [apiToken] = await db.dataSource.query(
    "INSERT INTO api_tokens (account_id, created_by_member_id, name, scopes, token_hash) VALUES ($1, $2, 'Isolation', '{READ}', $3) RETURNING id",
    [accountId, owner.memberId, hashSecret(`api-token-${label}-${Date.now()}`)],
  );
  // By the editor about the partner: what the audit filter case asks for (objectId: Partner, actorId: Member).
  const [auditEvent] = await db.dataSource.query(
    `INSERT INTO audit_events (account_id, actor_user_id, actor_member_id, via, action, object_type, object_id)
     VALUES ($1, $2, $3, 'session', 'partner.updated', 'Partner', $4) RETURNING id`,
    [accountId, editorUser, editor, partner.id],
  );
  const [webhookEndpoint] = await db.dataSource.query(
    `INSERT INTO webhook_endpoints (account_id, url, event_types, sealed_secret, created_by_member_id)
     VALUES ($1, $2, '{partner.updated}', 'sealed', $3) RETURNING id`,
    [accountId, `https://hooks-${label}.example.test/`, owner.memberId],
  );
  const [webhookDelivery] = await db.dataSource.query(
    `INSERT INTO webhook_deliveries (account_id, endpoint_id, message_id, event_type, object_id, payload, status, attempts, completed_at)
     VALUES ($1, $2, $3, 'partner.updated', $4, '{}', 'FAILED', 1, now()) RETURNING id`,
    [
      accountId,
      webhookEndpoint.id,
      `msg_isolation_${label}_${Date.now()}`,
      toGlobalId("Partner", partner.id),
    ],
  );
  await db.dataSource.query(
    "INSERT INTO webhook_attempts (account_id, delivery_id, attempt, status_code, duration_ms) VALUES ($1, $2, 1, 500, 5)",
    [accountId, webhookDelivery.id],
  );
  // A browser session of the owner, in this account: endSession and node(id) of another person's.
  const [session] = await db.dataSource.query(
    "INSERT INTO sessions (token_hash, user_id, account_id, expires_at) VALUES ($1, $2, $3, now() + interval '1 day') RETURNING id",
    [hashSecret(`session-${label}-${Date.now()}-${unique++}`), owner.userId, accountId],
  );
  /** The local ID this account offers for each Node type. */
  const nodeIds: Record<string, string> = {
    Account: accountId,
    ApiToken: apiToken.id,
    AuditEvent: auditEvent.id,
    WebhookDelivery: webhookDelivery.id,
    WebhookEndpoint: webhookEndpoint.id,
    Client: client.id,
    Invitation: invitation.id,
    Member: editor,
    Partner: partner.id,
    Session: session.id,
    Team: team.id,
    User: owner.userId,
  };
  return {
    owner,
    accountId,
    editor,
    editorEmail,
    external: external.id as string,
    partner: partner.id as string,
    client: client.id as string,
    nodeIds,
  };
}

/** Which Node type an ID argument or input field names, by its name. Unknown names fail the coverage test. */
const ID_FIELD_TYPES: Record<string, string> = {
  accountId: "Account",
  partnerAccountId: "Account",
  apiTokenId: "ApiToken",
  clientId: "Client",
  invitationId: "Invitation",
  memberId: "Member",
  memberIds: "Member",
  replacementMemberId: "Member",
  teamMemberIds: "Member",
  partnerId: "Partner",
  sessionId: "Session",
  // Only the webhook endpoint inputs call their target plainly `id` so far.
  id: "WebhookEndpoint",
  deliveryId: "WebhookDelivery",
  // The audit filter: events about an object (any Node; a partner here) by a person (a member here).
  objectId: "Partner",
  actorId: "Member",
};

/**
 * Mutations without any ID in their input, each with why it needs no generated case.
 * Must match the schema exactly: a new mutation has to be classified here or get an ID case.
 */
const MUTATIONS_WITHOUT_IDS: Record<string, string> = {
  changePassword: "changes the viewer's own password only",
  changePlan: "acts on the viewer's own account only",
  createApiToken: "creates in the viewer's account",
  createPartner: "creates in the viewer's account",
  createWebhookEndpoint: "creates in the viewer's account",
  endOtherSessions: "ends the viewer's own other sessions only",
  importClients: "team emails are checked by the CSV case below",
  importUserInvitations:
    "invites emails into the viewer's account; naming another account's people is allowed",
  invitePartner: "targets another account by handle on purpose (the partner network)",
  inviteUsers: "invites emails into the viewer's account",
  logIn: "no tenant yet",
  logOut: "ends the caller's own session",
  requestPasswordReset: "public; emails the address's own user, never an account",
  resetPassword: "public; the emailed token names the user, no account",
  resendVerificationEmail: "acts on the viewer's own user only",
  signUp: "creates a new account",
  updateProfile: "changes the viewer's own user only",
  updateAccount: "acts on the viewer's own account only",
  verifyEmail: "the token names the user; no tenant yet",
};

/** Paths from Query to a parent whose field takes an ID in a filter, as B sees them. */
const FILTER_PARENTS: Record<
  string,
  (world: World, field: string) => { query: string; variables: Record<string, unknown> }
> = {
  Account: (_world, field) => ({ query: `viewer { currentAccount { ${field} } }`, variables: {} }),
  Partner: (world, field) => ({
    query: `node(id: $parentId) { ... on Partner { ${field} } }`,
    variables: { parentId: toGlobalId("Partner", world.partner) },
  }),
};

function idArgumentsOf(
  type: GraphQLInputType,
  path: string[] = [],
  seen = new Set<string>(),
): { path: string[]; name: string }[] {
  const named = getNamedType(type);
  if (!isInputObjectType(named) || seen.has(named.name)) return [];
  seen.add(named.name);
  return Object.values(named.getFields()).flatMap((field) =>
    getNamedType(field.type).name === "ID"
      ? [{ path: [...path, field.name], name: field.name }]
      : idArgumentsOf(field.type, [...path, field.name], new Set(seen)),
  );
}

function idsOfField(field: GraphQLField<unknown, unknown>): { path: string[]; name: string }[] {
  return field.args.flatMap((arg: GraphQLArgument) =>
    getNamedType(arg.type).name === "ID"
      ? [{ path: [arg.name], name: arg.name }]
      : idArgumentsOf(arg.type, [arg.name]),
  );
}

let unique = 0;
/** A value for a required input: IDs from `ids`, plausible text otherwise, optional fields left out (IDs always in). */
function valueFor(type: GraphQLInputType, name: string, ids: (name: string) => string): unknown {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) return [valueFor(nullable.ofType, name, ids)];
  const named = getNamedType(nullable);
  if (named.name === "ID") return ids(name);
  if (isInputObjectType(named)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(named.getFields())) {
      const hasId = getNamedType(field.type).name === "ID" || idArgumentsOf(field.type).length > 0;
      if (isNonNullType(field.type) || hasId)
        value[field.name] = valueFor(field.type, field.name, ids);
    }
    return value;
  }
  if (isEnumType(named)) return named.getValues()[0]!.value;
  if (named.name === "Boolean") return false;
  if (named.name === "Int" || named.name === "Float") return 1;
  unique += 1;
  if (/email/i.test(name)) return `isolation-${unique}@example.test`;
  if (/password/i.test(name)) return "Isolation-passw0rd-long";
  return `Isolation ${unique}`;
}

/** The payload's fields: scalars as they are, objects as their __typename (null when nothing came back). */
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

/** Everything an account owns, plus its account row and its people's user rows, as comparable JSON. */
async function snapshot(accountId: string): Promise<string> {
  const parts: unknown[] = [];
  for (const table of await tenantTableNames(db.dataSource)) {
    parts.push(
      await db.dataSource.query(
        `SELECT to_jsonb(t)::text AS row FROM "${table}" t WHERE account_id = $1 ORDER BY 1`,
        [accountId],
      ),
    );
  }
  parts.push(
    await db.dataSource.query("SELECT to_jsonb(a)::text AS row FROM accounts a WHERE id = $1", [
      accountId,
    ]),
  );
  parts.push(
    await db.dataSource.query(
      "SELECT to_jsonb(u)::text AS row FROM users u WHERE id IN (SELECT user_id FROM members WHERE account_id = $1) ORDER BY 1",
      [accountId],
    ),
  );
  return JSON.stringify(parts);
}

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
  ownerPasswordHash = await passwords.hash(OWNER_PASSWORD);
  a = await createWorld("a");
  b = await createWorld("b");
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const nodeTypes = schema
  .getPossibleTypes(schema.getType("Node") as never)
  .map((type) => type.name)
  .sort();
const mutationFields = Object.values(schema.getMutationType()!.getFields());
const mutationsWithIds = mutationFields.filter((field) => idsOfField(field).length > 0);
const filterFields = Object.values(schema.getTypeMap())
  .filter(
    (type): type is GraphQLObjectType =>
      isObjectType(type) &&
      !type.name.startsWith("__") &&
      type.name !== "Mutation" &&
      type.name !== "Query",
  )
  .flatMap((type) =>
    Object.values(type.getFields())
      .filter((field) => idsOfField(field).length > 0)
      .map((field) => ({ parent: type.name, field })),
  );

describe("coverage of the schema", () => {
  it("has an ID of account A for every Node type", () => {
    expect(Object.keys(a.nodeIds).sort()).toEqual(nodeTypes);
  });

  it("knows the Node type behind every ID argument and input field", () => {
    const names = new Set(
      [...mutationFields, ...filterFields.map((f) => f.field)].flatMap((field) =>
        idsOfField(field).map((id) => id.name),
      ),
    );
    expect([...names].filter((name) => !ID_FIELD_TYPES[name])).toEqual([]);
  });

  it("classifies every mutation: a generated case when it takes an ID, a reason when it does not", () => {
    const withoutIds = mutationFields
      .filter((field) => idsOfField(field).length === 0)
      .map((field) => field.name)
      .sort();
    expect(withoutIds).toEqual(Object.keys(MUTATIONS_WITHOUT_IDS).sort());
  });

  it("knows how to reach every type with an ID-filtered field", () => {
    expect(filterFields.map((f) => f.parent).filter((parent) => !FILTER_PARENTS[parent])).toEqual(
      [],
    );
  });
});

describe("node and nodes", () => {
  it.each(nodeTypes)("%s: A's object is visible to A and null for B", async (typeName) => {
    const id = toGlobalId(typeName, a.nodeIds[typeName]!);
    app.actAs(a.owner.viewer);
    const own = await app.graphql("query($id: ID!) { node(id: $id) { id } }", { id });
    expect(own.body.data?.node).toEqual({ id });

    app.actAs(b.owner.viewer);
    expect((await app.graphql("query($id: ID!) { node(id: $id) { id } }", { id })).body).toEqual({
      data: { node: null },
    });
  });

  it("nodes gives B null for every one of A's objects", async () => {
    app.actAs(b.owner.viewer);
    const ids = nodeTypes.map((typeName) => toGlobalId(typeName, a.nodeIds[typeName]!));
    expect(
      (await app.graphql("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids })).body,
    ).toEqual({ data: { nodes: ids.map(() => null) } });
  });
});

/** Per mutation, what the generated input needs beyond IDs to reach the ID check at all. */
const MUTATION_SETUP: Record<
  string,
  (input: Record<string, unknown>, caller: World) => Promise<void>
> = {
  // A real partner invitation to the caller (from a third account), so the ID, not the token, is what is refused.
  async acceptInvitation(input, caller) {
    const inviter = await insertViewer(db.dataSource, Role.OWNER);
    const [partner] = await db.dataSource.query(
      "INSERT INTO partners (account_id, company_name, status, partner_account_id) VALUES ($1, 'B', 'INVITED', $2) RETURNING id",
      [inviter.accountId, caller.accountId],
    );
    const token = `isolation-partner-token-${Date.now()}-${unique++}`;
    await db.dataSource.query(
      `INSERT INTO invitations (account_id, kind, email, token_hash, expires_at, partner_id, invited_by_member_id)
       VALUES ($1, 'PARTNER', 'owner@b.example', $2, now() + interval '1 day', $3, $4)`,
      // Sent by the inviting owner, so the issuer rule passes and the foreign ID is what is refused.
      [inviter.accountId, hashSecret(token), partner.id, inviter.memberId],
    );
    input.token = token;
    delete input.accountName;
  },
  async transferOwnership(input) {
    input.password = OWNER_PASSWORD;
  },
  acceptMembership: ownPendingMembership,
  declineMembership: ownPendingMembership,
};

/**
 * Memberships are answered by their person: the caller's "own" member ID becomes a membership
 * a third account created for the caller's owner (pending), so the own-ID case reaches past
 * NOT_FOUND; A's IDs stay A's.
 */
async function ownPendingMembership(input: Record<string, unknown>, caller: World) {
  if (input.memberId !== toGlobalId("Member", caller.nodeIds.Member!)) return;
  const third = await insertAccount(db.dataSource);
  const [pending] = await db.dataSource.query(
    `INSERT INTO members (account_id, user_id, type, role, status, display_name, display_email)
     VALUES ($1, $2, 'EXTERNAL', 'COLLABORATOR_EXTERNAL', 'ACTIVE', 'Typed Name', 'typed@example.test') RETURNING id`,
    [third, caller.owner.userId],
  );
  input.memberId = toGlobalId("Member", pending.id);
}

/** Calls the mutation as the caller's owner (B unless told) with generated input: the IDs `foreign` picks are A's, the rest the caller's own. */
async function callAsB(
  field: GraphQLField<unknown, unknown>,
  foreign: (name: string) => boolean,
  caller: World = b,
) {
  const idFor = (name: string) => {
    const typeName = ID_FIELD_TYPES[name]!;
    return toGlobalId(typeName, (foreign(name) ? a : caller).nodeIds[typeName]!);
  };
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const args: string[] = [];
  for (const arg of field.args) {
    variables[arg.name] = valueFor(arg.type, arg.name, idFor);
    declarations.push(`$${arg.name}: ${String(arg.type)}`);
    args.push(`${arg.name}: $${arg.name}`);
  }
  await MUTATION_SETUP[field.name]?.(variables.input as Record<string, unknown>, caller);
  const payloadType = getNamedType(field.type) as GraphQLObjectType;
  app.actAs(caller.owner.viewer);
  return app.graphql<{ result: Record<string, unknown> | null }>(
    `mutation(${declarations.join(", ")}) { result: ${field.name}(${args.join(", ")}) { ${selectionOf(payloadType)} } }`,
    variables,
  );
}

/** Cases per mutation: A's IDs everywhere, and for several IDs, each one A's with B's own for the rest. */
function casesOf(
  field: GraphQLField<unknown, unknown>,
): { label: string; foreign: (name: string) => boolean }[] {
  const names = [...new Set(idsOfField(field).map((id) => id.name))];
  const cases: { label: string; foreign: (name: string) => boolean }[] = [
    { label: "all of A's IDs", foreign: () => true },
  ];
  if (names.length > 1)
    for (const name of names)
      cases.push({
        label: `A's ${name}, B's own for the rest`,
        foreign: (candidate) => candidate === name,
      });
  return cases;
}

describe("mutations given another account's IDs", () => {
  const cases = mutationsWithIds.flatMap((field) =>
    casesOf(field).map((c) => ({ name: field.name, field, ...c })),
  );

  it.each(cases.map((c) => [c.name, c.label, c] as const))(
    "%s (%s): NOT_FOUND or null, and neither account changes",
    async (_name, _label, c) => {
      const before = [await snapshot(a.accountId), await snapshot(b.accountId)];
      const response = await callAsB(c.field, c.foreign);
      expect(response.body.errors).toBeUndefined();
      const { userErrors, ...rest } = (response.body.data?.result ?? {}) as {
        userErrors?: { code: string }[];
      } & Record<string, unknown>;
      const refused = (userErrors ?? []).some((error) => error.code === "NOT_FOUND");
      const empty = Object.values(rest).every(
        (value) =>
          value === null ||
          value === 0 ||
          value === false ||
          (Array.isArray(value) && value.length === 0),
      );
      expect({ refused, empty }).toEqual({ refused: true, empty: true });
      expect([await snapshot(a.accountId), await snapshot(b.accountId)]).toEqual(before);
    },
  );
});

describe("connection filters given another account's IDs", () => {
  /** Every global ID of A's objects, to spot any of them in B's answers. */
  async function idsOfA(): Promise<Set<string>> {
    const members: { id: string }[] = await db.dataSource.query(
      "SELECT id FROM members WHERE account_id = $1",
      [a.accountId],
    );
    return new Set([
      ...members.map((m) => toGlobalId("Member", m.id)),
      ...Object.entries(a.nodeIds).map(([type, id]) => toGlobalId(type, id)),
    ]);
  }

  it.each(filterFields.map((f) => [`${f.parent}.${f.field.name}`, f] as const))(
    "%s shows B none of A's objects, and A its own",
    async (_label, f) => {
      const run = async (viewerWorld: World, idWorld: World): Promise<string[]> => {
        const idFor = (name: string) =>
          toGlobalId(ID_FIELD_TYPES[name]!, idWorld.nodeIds[ID_FIELD_TYPES[name]!]!);
        const variables: Record<string, unknown> = {};
        const declarations: string[] = [];
        const args: string[] = [];
        for (const arg of f.field.args) {
          if (!(getNamedType(arg.type).name === "ID" || idArgumentsOf(arg.type).length)) continue;
          variables[arg.name] = valueFor(arg.type, arg.name, idFor);
          declarations.push(`$${arg.name}: ${String(arg.type)}`);
          args.push(`${arg.name}: $${arg.name}`);
        }
        const parent = FILTER_PARENTS[f.parent]!(
          viewerWorld,
          `result: ${f.field.name}(${args.join(", ")}) { nodes { id } }`,
        );
        if (parent.query.includes("$parentId")) declarations.push("$parentId: ID!");
        app.actAs(viewerWorld.owner.viewer);
        const response = await app.graphql(
          `query(${declarations.join(", ")}) { ${parent.query} }`,
          { ...variables, ...parent.variables },
        );
        expect(response.body.errors).toBeUndefined();
        return [...JSON.stringify(response.body.data).matchAll(/"id":"([^"]+)"/g)].map(
          (match) => match[1]!,
        );
      };
      const ofA = await idsOfA();
      expect((await run(a, a)).some((id) => ofA.has(id))).toBe(true);
      expect((await run(b, a)).filter((id) => ofA.has(id))).toEqual([]);
    },
  );
});

describe("the same generated inputs with the caller's own IDs", () => {
  // Proves the NOT_FOUND above came from the foreign IDs, not from the generated input; a fresh account each, as it changes data.
  it.each(mutationsWithIds.map((field) => [field.name, field] as const))(
    "%s is not NOT_FOUND",
    async (_name, field) => {
      const response = await callAsB(field, () => false, await createWorld(`own-${field.name}`));
      expect(response.body.errors).toBeUndefined();
      const codes = (
        (response.body.data?.result as { userErrors?: { code: string }[] } | null)?.userErrors ?? []
      ).map((error) => error.code);
      expect(codes).not.toContain("NOT_FOUND");
    },
  );
});

describe("CSV imports", () => {
  it("refuse team emails that name another account's people", async () => {
    app.actAs(b.owner.viewer);
    const csv = `First Name,Last Name,Email,Phone Number,Team\nIso,Lation,iso-${Date.now()}@example.test,,${a.editorEmail}\n`;
    const before = await snapshot(a.accountId);
    const response = await app.graphql<{
      importClients: { created: number; rows: { outcome: string }[] };
    }>(
      "mutation($input: ImportClientsInput!) { importClients(input: $input) { created rows { outcome } userErrors { code } } }",
      { input: { csv } },
    );
    expect(response.body.data?.importClients).toMatchObject({
      created: 0,
      rows: [{ outcome: "ERROR" }],
    });
    expect(await snapshot(a.accountId)).toEqual(before);
  });
});
