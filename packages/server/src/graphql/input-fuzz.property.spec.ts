/**
 * Fuzzing every text input of the schema, generated from it (like isolation.spec.ts):
 * random Unicode, control characters (NUL included), bidi characters and very long
 * strings go into each String/ID argument and input field of every mutation and of
 * every field that takes text (searches, tokens, cursors), one at a time, the other
 * inputs plausible. Every answer must be data, userErrors or a 4xx-class GraphQL error
 * (never INTERNAL_SERVER_ERROR or a 5xx), a value the input policy refuses must be
 * refused as such, and a refused mutation must leave every table as it was.
 *
 * Bounded for CI: a few fixed nasty values plus FUZZ_RUNS random ones per input
 * (env INPUT_FUZZ_RUNS to run more); fast-check prints the seed of a failing run.
 */
import { inputProblem, inputRuleFor, Plan, Role, toGlobalId } from "@pn/shared";
import fc from "fast-check";
import Papa from "papaparse";
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLObjectType,
} from "graphql";
import { buildAppSchema } from "../app/schema";
import { hashSecret } from "../crypto/secret-token";
import { queryRows } from "../db/sql";
import { passwords } from "../modules/identity/password";
import { insertMember, insertUser, insertViewer } from "../test-support/fixtures";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";

const FUZZ_RUNS = Number(process.env.INPUT_FUZZ_RUNS ?? 2);
jest.setTimeout(120_000);

let db: TestDatabase;
let app: TestApp;
const schema = buildAppSchema();

/** Codes a caller may get at the top level; anything else (INTERNAL_SERVER_ERROR above all) fails. */
const CLIENT_CODES = new Set([
  "BAD_USER_INPUT",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "RATE_LIMITED",
  "GRAPHQL_VALIDATION_FAILED",
  "MAX_COST_EXCEEDED",
]);

/** The fixed nasty values every text input gets, whatever fast-check draws. */
const FIXED = [
  "Ada\u0000Lovelace",
  "Invoice \u202Efdp.exe",
  "Acme\r\nBcc: victim@example.test",
  "a".repeat(10_000),
  "😀".repeat(150),
];

const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({
    unit: fc.constantFrom(
      "\u0000",
      "\u0007",
      "\u001b",
      "\u0085",
      "\u202e",
      "\u2066",
      "\r",
      "\n",
      "\t",
      "a",
      "é",
      "@",
      "%",
      "'",
    ),
    maxLength: 20,
  }),
  fc.constantFrom(41, 101, 201, 255, 513, 2001, 20_000).map((length) => "x".repeat(length)),
);

type World = { ids: Record<string, string>; ownerViewer: Parameters<TestApp["actAs"]>[0] };
let world: World;

async function createWorld(): Promise<World> {
  const owner = await insertViewer(db.dataSource, Role.OWNER);
  const accountId = owner.accountId;
  await db.dataSource.query("UPDATE accounts SET plan = $2 WHERE id = $1", [
    accountId,
    Plan.ENTERPRISE,
  ]);
  const editor = await insertMember(db.dataSource, {
    accountId,
    userId: await insertUser(db.dataSource),
    role: Role.EDITOR,
  });
  const [partner] = await db.dataSource.query(
    "INSERT INTO partners (account_id, company_name, status, guest) VALUES ($1, 'Fuzz partner', 'ACTIVE', true) RETURNING id",
    [accountId],
  );
  const [client] = await db.dataSource.query(
    "INSERT INTO clients (account_id, type, name, email, status) VALUES ($1, 'PERSON', 'Fuzz client', 'fuzz-client@example.test', 'ACTIVE') RETURNING id",
    [accountId],
  );
  const [team] = await db.dataSource.query(
    "INSERT INTO teams (account_id, client_id) VALUES ($1, $2) RETURNING id",
    [accountId, client.id],
  );
  await db.dataSource.query(
    "INSERT INTO team_memberships (team_id, member_id, account_id, is_lead) VALUES ($1, $2, $3, true)",
    [team.id, owner.memberId, accountId],
  );
  const [invitation] = await db.dataSource.query(
    `INSERT INTO invitations (account_id, kind, email, role, token_hash, expires_at, invited_by_member_id)
     VALUES ($1, 'USER', 'fuzz-invitee@example.test', 'VIEWER', $2, now() + interval '1 day', $3) RETURNING id`,
    [accountId, hashSecret(`fuzz-invitation-${Date.now()}`), owner.memberId],
  );
  const [apiToken] = await db.dataSource.query(
    "INSERT INTO api_tokens (account_id, created_by_member_id, name, scopes, token_hash) VALUES ($1, $2, 'Fuzz', '{READ}', $3) RETURNING id",
    [accountId, owner.memberId, hashSecret(`fuzz-api-token-${Date.now()}`)],
  );
  const [endpoint] = await db.dataSource.query(
    `INSERT INTO webhook_endpoints (account_id, url, event_types, sealed_secret, created_by_member_id)
     VALUES ($1, 'https://hooks.example.test/fuzz', '{partner.updated}', 'sealed', $2) RETURNING id`,
    [accountId, owner.memberId],
  );
  const [delivery] = await db.dataSource.query(
    `INSERT INTO webhook_deliveries (account_id, endpoint_id, message_id, event_type, object_id, payload, status, attempts, completed_at)
     VALUES ($1, $2, $3, 'partner.updated', $4, '{}', 'FAILED', 1, now()) RETURNING id`,
    [accountId, endpoint.id, `msg_fuzz_${Date.now()}`, toGlobalId("Partner", partner.id)],
  );
  const ids: Record<string, string> = {
    Account: toGlobalId("Account", accountId),
    ApiToken: toGlobalId("ApiToken", apiToken.id),
    Client: toGlobalId("Client", client.id),
    Invitation: toGlobalId("Invitation", invitation.id),
    Member: toGlobalId("Member", editor),
    Owner: toGlobalId("Member", owner.memberId),
    Partner: toGlobalId("Partner", partner.id),
    WebhookEndpoint: toGlobalId("WebhookEndpoint", endpoint.id),
    WebhookDelivery: toGlobalId("WebhookDelivery", delivery.id),
  };
  return { ids, ownerViewer: owner.viewer };
}

/** A real target for an ID input by its name, so fuzzed text reaches past "not found" where it can. */
const ID_TARGETS: Record<string, string> = {
  accountId: "Account",
  partnerAccountId: "Account",
  apiTokenId: "ApiToken",
  clientId: "Client",
  invitationId: "Invitation",
  memberId: "Member",
  memberIds: "Member",
  replacementMemberId: "Member",
  teamMemberIds: "Owner",
  partnerId: "Partner",
  id: "WebhookEndpoint",
  ids: "Partner",
  deliveryId: "WebhookDelivery",
  objectId: "Partner",
  actorId: "Member",
};

let unique = 0;
/** A plausible value for a required input (or for an ID, always): the fuzzed one replaces it at its path. */
function plausible(type: GraphQLInputType, name: string): unknown {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) return [plausible(nullable.ofType, name)];
  const named = getNamedType(nullable);
  if (isInputObjectType(named)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(named.getFields()))
      if (isNonNullType(field.type)) value[field.name] = plausible(field.type, field.name);
    return value;
  }
  if (isEnumType(named)) return named.getValues()[0]!.value;
  if (named.name === "Boolean") return false;
  if (named.name === "Int" || named.name === "Float") return 1;
  if (named.name === "ID") return world.ids[ID_TARGETS[name] ?? "Partner"];
  unique += 1;
  if (/email/i.test(name)) return `fuzz-${unique}@example.test`;
  if (/password/i.test(name)) return "Fuzz-passw0rd-long-enough";
  if (name === "csv") return "email,role\n";
  if (/url/i.test(name)) return `https://hooks.example.test/${unique}`;
  return `Fuzz ${unique}`;
}

/** A text input somewhere in a field's arguments: the path to it, and its owner for the policy lookup. */
type TextPath = { path: (string | number)[]; owner: string; name: string };

function textPaths(
  owner: string,
  input: GraphQLArgument | GraphQLInputField,
  prefix: (string | number)[],
  seen: Set<string>,
): TextPath[] {
  const named = getNamedType(input.type);
  const list = isListType(getNullableType(input.type));
  const here = [...prefix, input.name, ...(list ? [0] : [])];
  if (named.name === "String" || named.name === "ID")
    return [{ path: here, owner, name: input.name }];
  if (!isInputObjectType(named) || seen.has(named.name)) return [];
  const inner = new Set(seen).add(named.name);
  return Object.values(named.getFields()).flatMap((field) =>
    textPaths(named.name, field, here, inner),
  );
}

/** `current` (a value of `type`) with `value` put at `path`; what is missing on the way is made up. */
function withValue(
  type: GraphQLInputType,
  name: string,
  current: unknown,
  path: (string | number)[],
  value: string,
): unknown {
  if (path.length === 0) return value;
  const nullable = getNullableType(type) as GraphQLInputType;
  const [key, ...rest] = path;
  if (isListType(nullable)) {
    const list: unknown[] =
      Array.isArray(current) && current.length > 0
        ? [...current]
        : [plausible(nullable.ofType, name)];
    list[0] = withValue(nullable.ofType, name, list[0], rest, value);
    return list;
  }
  const named = getNamedType(nullable) as GraphQLInputObjectType;
  const object = {
    ...((current && typeof current === "object" ? current : plausible(named, name)) as Record<
      string,
      unknown
    >),
  };
  const field = named.getFields()[String(key)]!;
  object[field.name] = withValue(field.type, field.name, object[field.name], rest, value);
  return object;
}

/** The String or ID type at the end of `path`. */
function leafTypeOf(field: GraphQLField<unknown, unknown>, target: TextPath): GraphQLInputType {
  let type: GraphQLInputType = field.args.find((arg) => arg.name === target.path[0])!.type;
  for (const key of target.path.slice(1)) {
    const nullable = getNullableType(type) as GraphQLInputType;
    type = isListType(nullable)
      ? nullable.ofType
      : (getNamedType(nullable) as GraphQLInputObjectType).getFields()[String(key)]!.type;
  }
  return getNamedType(type) as GraphQLInputType;
}

/** The arguments with `value` at `path`: required ones plausible, the path's root filled in. */
function argumentsWith(
  field: GraphQLField<unknown, unknown>,
  target: TextPath,
  value: string,
): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const arg of field.args) {
    if (arg.name === target.path[0])
      args[arg.name] = withValue(arg.type, arg.name, undefined, target.path.slice(1), value);
    else if (isNonNullType(arg.type)) args[arg.name] = plausible(arg.type, arg.name);
  }
  return args;
}

/** What a field's result needs selected: nothing for a scalar, __typename (and userErrors) otherwise. */
function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return "";
  if (isObjectType(named) && named.getFields().userErrors)
    return "{ __typename userErrors { code field } }";
  return "{ __typename }";
}

/** How a query reaches a type whose fields take text; a new such type must be added here. */
const PARENTS: Record<string, (field: string) => string> = {
  Query: (field) => field,
  Mutation: (field) => field,
  Account: (field) => `viewer { currentAccount { ${field} } }`,
  Partner: (field) => `partner: node(id: "${world.ids.Partner}") { ... on Partner { ${field} } }`,
  WebhookEndpoint: (field) =>
    `endpoint: node(id: "${world.ids.WebhookEndpoint}") { ... on WebhookEndpoint { ${field} } }`,
};

type Target = { parent: GraphQLObjectType; field: GraphQLField<unknown, unknown> };

function targets(): Target[] {
  const found: Target[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields()))
      if (field.args.some((arg) => textPaths(type.name, arg, [], new Set()).length > 0))
        found.push({ parent: type, field });
  }
  return found;
}

/** Variables are declared for each argument, so any string travels as JSON, not as GraphQL syntax. */
function documentFor({ parent, field }: Target): string {
  const declared = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(", ");
  const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  const call = `${field.name}${passed ? `(${passed})` : ""} ${selectionOf(field)}`;
  const operation = parent.name === "Mutation" ? "mutation" : "query";
  return `${operation} Fuzz${declared ? `(${declared})` : ""} { ${PARENTS[parent.name]!(call)} }`;
}

let countSql = "";
async function tableCounts(): Promise<Record<string, number>> {
  if (!countSql) {
    const tables = await queryRows<{ table_name: string }>(
      db.dataSource.manager,
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'rate\\_limit\\_%' AND table_name <> 'migrations'`,
    );
    countSql = `SELECT ${tables.map(({ table_name }) => `(SELECT count(*)::int FROM "${table_name}") AS "${table_name}"`).join(", ")}`;
  }
  const [row] = await db.dataSource.query(countSql);
  return row;
}

type Payload = { userErrors?: { code: string; field: string[] | null }[] } | null;

/** Sends `value` at `target` and checks the answer; each expectation names the input and value. */
async function probe(target: Target, path: TextPath, value: string): Promise<void> {
  const { parent, field } = target;
  const isMutation = parent.name === "Mutation";
  app.actAs(world.ownerViewer);
  const before = isMutation ? await tableCounts() : null;
  const response = await app.graphql<Record<string, unknown>>(
    documentFor(target),
    argumentsWith(field, path, value),
  );
  const where = `${parent.name}.${field.name} at ${path.path.join(".")} with ${JSON.stringify(value.slice(0, 60))}${value.length > 60 ? `… (${value.length} chars)` : ""}`;
  expect({ where, status: response.status < 500 }).toEqual({ where, status: true });
  const codes = (response.body.errors ?? []).map((error) => String(error.extensions?.code));
  expect({ where, codes: codes.filter((code) => !CLIENT_CODES.has(code)) }).toEqual({
    where,
    codes: [],
  });

  const rule = inputRuleFor(path.owner, path.name);
  const problem = rule ? inputProblem(value, rule, path.name) : null;
  if (isMutation) {
    const payload = (response.body.data?.[field.name] ?? null) as Payload;
    const errors = payload?.userErrors ?? [];
    if (problem && payload) {
      const expectedField = (path.path[0] === "input" ? path.path.slice(1) : path.path).map(String);
      expect({
        where,
        refused: errors.some(
          (e) => e.code === "INVALID" && e.field?.join(".") === expectedField.join("."),
        ),
      }).toEqual({ where, refused: true });
    }
    // Refused, for any reason: nothing was written.
    if (errors.length > 0 || codes.length > 0)
      expect({ where, counts: await tableCounts() }).toEqual({ where, counts: before });
  } else if (problem) {
    expect({ where, codes }).toEqual({ where, codes: ["BAD_USER_INPUT"] });
  }
}

beforeAll(async () => {
  // scrypt at full cost would spend most of the run on hashing; the fuzz is about the text, not the hash.
  jest.spyOn(passwords, "hash").mockImplementation(async (password) => `fuzz:${password}`);
  jest
    .spyOn(passwords, "verify")
    .mockImplementation(async (password, hash) => hash === `fuzz:${password}`);
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
  world = await createWorld();
});

afterAll(async () => {
  jest.restoreAllMocks();
  await app?.close();
  await db?.drop();
});

/** Reads first, then changes: a mutation (deleteWebhookEndpoint, say) must not take away what a read fuzzes. */
const all = targets().sort(
  (a, b) => Number(a.parent.name === "Mutation") - Number(b.parent.name === "Mutation"),
);

describe("fuzzing every text input of the schema", () => {
  it("reaches every type whose fields take text", () => {
    expect(
      [...new Set(all.map(({ parent }) => parent.name))].filter((name) => !PARENTS[name]),
    ).toEqual([]);
  });

  it.each(all.map((target) => [`${target.parent.name}.${target.field.name}`, target] as const))(
    "%s answers data, userErrors or a 4xx error, never a server error",
    async (_name, target) => {
      const paths = target.field.args.flatMap((arg) =>
        textPaths(`${target.parent.name}.${target.field.name}()`, arg, [], new Set()),
      );
      for (const path of paths) {
        // A NUL inside an otherwise good value (an email that passes the email check, a real ID), too.
        const good = String(plausible(leafTypeOf(target.field, path), path.name));
        const inside = `${good.slice(0, 4)}\u0000${good.slice(4)}`;
        for (const value of [...FIXED, inside]) await probe(target, path, value);
        await fc.assert(
          fc.asyncProperty(nasty, (value) => probe(target, path, value)),
          { numRuns: FUZZ_RUNS },
        );
      }
    },
  );
});

describe("fuzzing the CSV importers' cells", () => {
  const cell = fc.oneof(nasty, fc.constantFrom("ok"), fc.constantFrom("\u0000ok", "o\u202ek"));
  /** Mostly `good`, so the other cells of a row are what decides it. */
  const mostly = (good: string) =>
    fc.oneof({ arbitrary: fc.constant(good), weight: 4 }, { arbitrary: cell, weight: 1 });
  /** A control or bidi character that is not whitespace, which an email or name check alone lets through. */
  const sneaky = fc.constantFrom("\u0000", "\u0007", "\u007f", "\u0085", "\u202e", "\u2066");
  /** Nasty text inside an otherwise valid address, so it gets past the email check to the database. */
  const emailWith = (prefix: string) =>
    fc.oneof(
      nasty,
      fc.nat().map((n) => `${prefix}-${n}@example.test`),
      fc.tuple(sneaky, fc.nat()).map(([junk, n]) => `${prefix}${junk}-${n}@example.test`),
    );

  type ImportAnswer = {
    created: number;
    rows: { line: number; outcome: string; errors: { field: string[] | null }[] }[];
    userErrors: { code: string }[];
  };

  async function importAndCheck(mutation: string, name: string, csv: string, table: string) {
    app.actAs(world.ownerViewer);
    const count = async () =>
      (await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
    const before = await count();
    const response = await app.graphql<Record<string, ImportAnswer>>(mutation, { csv });
    const where = `${name} with ${JSON.stringify(csv.slice(0, 120))}`;
    expect({ where, status: response.status < 500 }).toEqual({ where, status: true });
    expect({ where, errors: response.body.errors ?? [] }).toEqual({ where, errors: [] });
    const answer = response.body.data![name]!;
    // Only the applied rows were written: each refused row (a NUL in a cell, say) left nothing behind.
    expect({ where, written: (await count()) - before }).toEqual({
      where,
      written: answer.created,
    });
    for (const row of answer.rows)
      if (row.outcome === "ERROR")
        expect({
          where,
          line: row.line,
          atLine: row.errors.every((e) => e.field?.[0] === String(row.line)),
        }).toEqual({ where, line: row.line, atLine: true });
  }

  it("importUserInvitations: any cell gets a row error or is applied, never a server error", async () => {
    const email = emailWith("csv-fuzz");
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(email, mostly("Viewer")), {
          minLength: 1,
          maxLength: 4,
        }),
        async (rows) => {
          const csv = Papa.unparse([["email", "role"], ...rows]);
          await importAndCheck(
            `mutation($csv: String!) { importUserInvitations(input: { csv: $csv }) { created rows { line outcome errors { field } } userErrors { code } } }`,
            "importUserInvitations",
            csv,
            "invitations",
          );
        },
      ),
      { numRuns: FUZZ_RUNS * 4 },
    );
  });

  it("importClients: any cell gets a row error or is applied, never a server error", async () => {
    const [lead] = await db.dataSource.query(
      "SELECT u.email FROM members m JOIN users u ON u.id = m.user_id WHERE m.account_id = (SELECT account_id FROM members WHERE id = $1) AND m.role = 'OWNER'",
      [world.ownerViewer!.memberId],
    );
    const email = emailWith("csv-client");
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(mostly("Ada"), cell, email, mostly(""), mostly(lead.email as string)), {
          minLength: 1,
          maxLength: 4,
        }),
        async (rows) => {
          const csv = Papa.unparse([
            ["First Name", "Last Name", "Email", "Phone Number", "Team"],
            ...rows,
          ]);
          await importAndCheck(
            `mutation($csv: String!) { importClients(input: { csv: $csv }) { created rows { line outcome errors { field } } userErrors { code } } }`,
            "importClients",
            csv,
            "clients",
          );
        },
      ),
      { numRuns: FUZZ_RUNS * 4 },
    );
  });
});
