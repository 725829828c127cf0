/**
 * Filtered and unfiltered lists agree, generated from the schema: for every role of the
 * permission matrix and every list field that takes a `filter`, each filter condition
 * gives exactly the unfiltered list narrowed the same way, with a matching totalCount.
 * A list that scopes one path and not the other (Partner.members' batched first page
 * once showed an external collaborator every person of their company, the filtered
 * list only themselves) fails here. A filtered field, filter condition or role this
 * file does not know makes the coverage tests fail, so it cannot fall behind the schema.
 */
import { MemberStatus, MemberType, Role, toGlobalId } from "@pn/shared";
import { randomBytes, randomUUID } from "node:crypto";
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isListType,
  isInputObjectType,
  isObjectType,
  type GraphQLEnumType,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLObjectType,
} from "graphql";
import { hashSecret } from "../crypto/secret-token";
import type { Viewer } from "./context";
import { insertUser, insertViewer } from "../test-support/fixtures";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { buildAppSchema } from "../app/schema";

let db: TestDatabase;
let app: TestApp;
const schema = buildAppSchema();

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;

const unique = () => randomBytes(4).toString("hex");

/**
 * One account with something for every filter condition to keep and to drop: people of
 * every role, type and status, partners, clients, invitations and audit events of several
 * kinds. Names and emails are chosen so each search term matches some but not all.
 */
async function createWorld() {
  const owner = await insertViewer(db.dataSource, Role.OWNER);
  const accountId = owner.accountId;
  const insertPartner = async (companyName: string, status: string, contactEmail: string) => {
    const [row] = await db.dataSource.query(
      `INSERT INTO partners (account_id, company_name, contact_name, contact_email, status, guest)
       VALUES ($1, $2, $3, $4, $5, true) RETURNING id`,
      [accountId, companyName, `Contact of ${companyName}`, contactEmail, status],
    );
    return row.id as string;
  };
  const alphaWorks = await insertPartner("Alpha Works", "ACTIVE", "alpha@example.test");
  const betaBuild = await insertPartner("Beta Build", "INVITED", "beta@elsewhere.test");
  await insertPartner("Gamma Group", "REMOVED", "gamma@example.test");

  const insertPerson = async (
    name: string,
    emailDomain: string,
    fields: { role: Role; type: MemberType; status: MemberStatus; partnerId?: string },
  ) => {
    const userId = await insertUser(db.dataSource, {
      name,
      email: `${name.toLowerCase().replace(/ /g, "-")}-${unique()}@${emailDomain}`,
    });
    const [row] = await db.dataSource.query(
      `INSERT INTO members (account_id, user_id, type, role, status, partner_id, can_login, accepted_at)
       VALUES ($1, $2, $3, $4, $5, $6, true, now()) RETURNING id`,
      [accountId, userId, fields.type, fields.role, fields.status, fields.partnerId ?? null],
    );
    return { userId, memberId: row.id as string };
  };
  const internal = (role: Role, status = MemberStatus.ACTIVE) => ({
    role,
    type: MemberType.INTERNAL,
    status,
  });
  const external = (partnerId: string, status: MemberStatus) => ({
    role: Role.COLLABORATOR_EXTERNAL,
    type: MemberType.EXTERNAL,
    status,
    partnerId,
  });
  // One signed-in person per role of the matrix (the owner is insertViewer's).
  const people: Record<Role, { userId: string; memberId: string }> = {
    [Role.OWNER]: { userId: owner.userId, memberId: owner.memberId },
    [Role.ADMINISTRATOR]: await insertPerson(
      "Ada Administrator",
      "example.test",
      internal(Role.ADMINISTRATOR),
    ),
    [Role.EDITOR]: await insertPerson("Alpha Editor", "example.test", internal(Role.EDITOR)),
    [Role.VIEWER]: await insertPerson("Vera Viewer", "elsewhere.test", internal(Role.VIEWER)),
    [Role.COLLABORATOR_EXTERNAL]: await insertPerson(
      "Alpha Collaborator",
      "example.test",
      external(alphaWorks, MemberStatus.ACTIVE),
    ),
    [Role.CLIENT]: await insertPerson("Carla Client", "example.test", {
      role: Role.CLIENT,
      type: MemberType.EXTERNAL,
      status: MemberStatus.ACTIVE,
    }),
  };
  // The collaborator's colleagues at Alpha Works, in every status, and someone of Beta Build.
  await insertPerson(
    "Pending Colleague",
    "example.test",
    external(alphaWorks, MemberStatus.PENDING),
  );
  await insertPerson(
    "Active Colleague",
    "elsewhere.test",
    external(alphaWorks, MemberStatus.ACTIVE),
  );
  const archivedColleague = await insertPerson(
    "Alpha Archived",
    "example.test",
    external(alphaWorks, MemberStatus.ARCHIVED),
  );
  await insertPerson("Beta Person", "example.test", external(betaBuild, MemberStatus.PENDING));
  await insertPerson("Paused Viewer", "example.test", internal(Role.VIEWER, MemberStatus.ARCHIVED));

  const insertClient = async (name: string, email: string, status: string, memberId?: string) => {
    await db.dataSource.query(
      `INSERT INTO clients (account_id, type, name, email, status, member_id)
       VALUES ($1, 'PERSON', $2, $3, $4, $5)`,
      [accountId, name, email, status, memberId ?? null],
    );
  };
  await insertClient(
    "Carla Client",
    `carla-${unique()}@example.test`,
    "ACTIVE",
    people[Role.CLIENT].memberId,
  );
  await insertClient("Alpha Prospect", `prospect-${unique()}@elsewhere.test`, "INVITED");
  await insertClient("Former Client", `former-${unique()}@example.test`, "REMOVED");

  const insertInvitation = async (
    kind: string,
    status: string,
    expiresIn: string,
    fields: { email?: string | null; partnerId?: string } = {},
  ) => {
    await db.dataSource.query(
      `INSERT INTO invitations (account_id, kind, email, role, status, token_hash, expires_at, invited_by_member_id, partner_id)
       VALUES ($1, $2, $3, $4, $5, $6, now() + $7::interval, $8, $9)`,
      [
        accountId,
        kind,
        fields.email === undefined ? `invitee-${unique()}@example.test` : fields.email,
        kind === "USER" ? Role.VIEWER : null,
        status,
        hashSecret(`filter-agreement-${unique()}`),
        expiresIn,
        owner.memberId,
        fields.partnerId ?? null,
      ],
    );
  };
  await insertInvitation("USER", "PENDING", "1 day");
  await insertInvitation("USER", "PENDING", "-1 day"); // reported as EXPIRED
  await insertInvitation("USER", "REVOKED", "1 day");
  await insertInvitation("USER", "ACCEPTED", "1 day");
  await insertInvitation("PARTNER", "PENDING", "14 days", { partnerId: betaBuild });
  await insertInvitation("CLIENT", "PENDING", "30 days", { email: null });
  await insertInvitation("LOGIN", "PENDING", "2 days");

  const insertAuditEvent = async (
    actor: { userId: string; memberId: string },
    action: string,
    object: { type: string; id: string },
    age: string,
  ) => {
    await db.dataSource.query(
      `INSERT INTO audit_events (account_id, actor_user_id, actor_member_id, via, action, object_type, object_id, created_at)
       VALUES ($1, $2, $3, 'session', $4, $5, $6, now() - $7::interval)`,
      [accountId, actor.userId, actor.memberId, action, object.type, object.id, age],
    );
  };
  await insertAuditEvent(
    people[Role.EDITOR],
    "partner.updated",
    { type: "Partner", id: alphaWorks },
    "0 seconds",
  );
  await insertAuditEvent(
    people[Role.OWNER],
    "member.archived",
    { type: "Member", id: archivedColleague.memberId },
    "2 days",
  );
  await insertAuditEvent(
    people[Role.ADMINISTRATOR],
    "partner.created",
    { type: "Partner", id: betaBuild },
    "1 hour",
  );

  const viewers = Object.fromEntries(
    Object.values(Role).map((role) => [
      role,
      {
        ...people[role],
        accountId,
        role,
        credential: { kind: "session", sessionId: randomUUID() },
      } satisfies Viewer,
    ]),
  ) as Record<Role, Viewer>;
  return { accountId, alphaWorks, betaBuild, people, viewers };
}

/** What a list's node carries for judging: its fields as the response has them. */
type ListedNode = Record<string, unknown> & { id: string };

/** A filter condition that is not an enum: the node fields it is judged on, the values tried, the test. */
type Condition = {
  select: string;
  values: () => unknown[];
  holds: (node: ListedNode, value: unknown) => boolean;
};

/** Case-insensitive "contains", as the services' ILIKE searches. */
function mentions(node: ListedNode, fields: string[], term: unknown): boolean {
  return fields.some((field) =>
    String(node[field] ?? "")
      .toLowerCase()
      .includes(String(term).toLowerCase()),
  );
}

function search(fields: string[]): Condition {
  return {
    select: fields.join(" "),
    values: () => ["alpha", "example", "nobody-matches-this"],
    holds: (node, term) => mentions(node, fields, term),
  };
}

/**
 * Every filter condition that is not an enum, by `InputType.field`. Enum conditions
 * (status, kind, type) need no entry: each value is tried and judged on the node's
 * field of the same name and enum type.
 */
const CONDITIONS: Record<string, Condition> = {
  "MemberFilter.partnerId": {
    select: "partner { id }",
    values: () => [toGlobalId("Partner", world.alphaWorks), toGlobalId("Partner", world.betaBuild)],
    holds: (node, id) => (node.partner as { id: string } | null)?.id === id,
  },
  "MemberFilter.search": search(["name", "email"]),
  "ClientFilter.search": search(["name", "email"]),
  "PartnerFilter.search": search(["companyName", "contactName", "contactEmail", "domain"]),
  "AuditEventFilter.action": {
    select: "action",
    values: () => [["partner.updated"], ["member.archived", "partner.created"]],
    holds: (node, actions) => (actions as string[]).includes(node.action as string),
  },
  "AuditEventFilter.actorId": {
    select: "actor { id }",
    values: () => [toGlobalId("User", world.people[Role.EDITOR].userId)],
    holds: (node, id) => (node.actor as { id: string } | null)?.id === id,
  },
  "AuditEventFilter.objectId": {
    select: "objectId",
    values: () => [toGlobalId("Partner", world.alphaWorks)],
    holds: (node, id) => node.objectId === id,
  },
  "AuditEventFilter.from": {
    select: "createdAt",
    values: () => [new Date(Date.now() - 24 * 3600_000).toISOString()],
    holds: (node, from) => Date.parse(node.createdAt as string) >= Date.parse(from as string),
  },
  "AuditEventFilter.to": {
    select: "createdAt",
    values: () => [new Date(Date.now() - 24 * 3600_000).toISOString()],
    holds: (node, to) => Date.parse(node.createdAt as string) < Date.parse(to as string),
  },
};

/** How to reach each type that has a filtered list, as the viewer sees it; null when hidden. */
const PARENTS: Record<
  string,
  {
    query: (field: string) => { query: string; variables: Record<string, unknown> };
    pick: (data: Record<string, unknown>) => Record<string, unknown> | null;
  }
> = {
  Account: {
    query: (field) => ({ query: `viewer { currentAccount { ${field} } }`, variables: {} }),
    pick: (data) =>
      (data.viewer as { currentAccount: Record<string, unknown> | null } | null)?.currentAccount ??
      null,
  },
  // The external collaborator's own company: the partner whose people they must not list.
  Partner: {
    query: (field) => ({
      query: `node(id: $parentId) { ... on Partner { ${field} } }`,
      variables: { parentId: toGlobalId("Partner", world.alphaWorks) },
    }),
    pick: (data) => (data.node as Record<string, unknown> | null) ?? null,
  },
};

const filteredLists = Object.values(schema.getTypeMap())
  .filter(
    (type): type is GraphQLObjectType =>
      isObjectType(type) && !type.name.startsWith("__") && type.name !== "Mutation",
  )
  .flatMap((type) =>
    Object.values(type.getFields())
      .filter((field) => field.args.some((arg) => arg.name === "filter"))
      .map((field) => ({ parent: type.name, field })),
  );

function filterInputOf(field: GraphQLField<unknown, unknown>) {
  const type = getNamedType(field.args.find((arg) => arg.name === "filter")!.type);
  if (!isInputObjectType(type)) throw new Error(`${field.name}: filter is not an input object`);
  return type;
}

/** The type of the listed nodes: `nodes` of the connection. */
function nodeTypeOf(field: GraphQLField<unknown, unknown>): GraphQLObjectType {
  const connection = getNamedType(field.type) as GraphQLObjectType;
  return getNamedType(connection.getFields().nodes!.type) as GraphQLObjectType;
}

type Case = {
  condition: string;
  label: string;
  select: string;
  filter: Record<string, unknown>;
  holds: (node: ListedNode) => boolean;
};

/** One case per value of every condition of the field's filter. */
function casesOf(field: GraphQLField<unknown, unknown>): Case[] {
  const input = filterInputOf(field);
  return Object.values(input.getFields()).flatMap((condition: GraphQLInputField) => {
    const named = getNamedType(condition.type);
    if (isEnumType(named)) {
      const many = isListType(getNullableType(condition.type));
      return (named as GraphQLEnumType).getValues().map((value) => ({
        condition: condition.name,
        label: `${condition.name}: ${value.name}`,
        select: condition.name,
        filter: { [condition.name]: many ? [value.value] : value.value },
        holds: (node: ListedNode) => node[condition.name] === value.value,
      }));
    }
    const known = CONDITIONS[`${input.name}.${condition.name}`]!;
    return known.values().map((value) => ({
      condition: condition.name,
      label: `${condition.name}: ${JSON.stringify(value)}`,
      select: known.select,
      filter: { [condition.name]: value },
      holds: (node: ListedNode) => known.holds(node, value),
    }));
  });
}

type Answer =
  | { kind: "list"; ids: string[]; nodes: ListedNode[]; totalCount: number }
  | { kind: "hidden" }
  | { kind: "refused"; codes: string[] };

async function list(
  viewer: Viewer,
  parent: string,
  field: GraphQLField<unknown, unknown>,
  select: string,
  filter: Record<string, unknown> | null,
): Promise<Answer> {
  const path = PARENTS[parent]!.query(
    `result: ${field.name}(first: 100${filter ? ", filter: $filter" : ""}) { totalCount nodes { id ${select} } }`,
  );
  const declarations = [
    ...(filter ? [`$filter: ${filterInputOf(field).name}`] : []),
    ...(path.query.includes("$parentId") ? ["$parentId: ID!"] : []),
  ];
  app.actAs(viewer);
  const response = await app.graphql(
    `query${declarations.length ? `(${declarations.join(", ")})` : ""} { ${path.query} }`,
    { ...path.variables, ...(filter ? { filter } : {}) },
  );
  if (response.body.errors?.length)
    return {
      kind: "refused",
      codes: response.body.errors.map((error) => String(error.extensions?.code)).sort(),
    };
  const result = PARENTS[parent]!.pick(response.body.data ?? {})?.result as
    { totalCount: number; nodes: ListedNode[] } | undefined;
  if (!result) return { kind: "hidden" };
  return {
    kind: "list",
    ids: result.nodes.map((node) => node.id),
    nodes: result.nodes,
    totalCount: result.totalCount,
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
  world = await createWorld();
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe("coverage of the schema", () => {
  it("finds the filtered lists, Account.members and Partner.members among them", () => {
    const names = filteredLists.map((f) => `${f.parent}.${f.field.name}`);
    expect(names).toEqual(expect.arrayContaining(["Account.members", "Partner.members"]));
  });

  it("knows how to reach every type with a filtered list", () => {
    expect(filteredLists.map((f) => f.parent).filter((parent) => !PARENTS[parent])).toEqual([]);
  });

  it("knows how to judge every filter condition", () => {
    const unknown = filteredLists.flatMap(({ field }) => {
      const input = filterInputOf(field);
      const nodeFields = nodeTypeOf(field).getFields();
      return Object.values(input.getFields())
        .filter((condition) => {
          const named = getNamedType(condition.type);
          // An enum condition is judged on the node's field of the same name and type.
          if (isEnumType(named)) {
            const nodeField = nodeFields[condition.name];
            return !nodeField || getNamedType(nodeField.type) !== named;
          }
          return !CONDITIONS[`${input.name}.${condition.name}`];
        })
        .map((condition) => `${input.name}.${condition.name}`);
    });
    expect(unknown).toEqual([]);
  });

  it("has a signed-in person for every role", () => {
    expect(Object.keys(world.viewers).sort()).toEqual(Object.values(Role).sort());
  });
});

/** Conditions a list's parent decides already, so no value can narrow it (only empty it). */
const FIXED_BY_PARENT: Record<string, string[]> = {
  // A partner's people are all EXTERNAL and all of that partner.
  "Partner.members": ["partnerId", "type"],
};

/** What is compared: the IDs in order and the count (the filtered answer selects fewer fields). */
function shapeOf(answer: Answer) {
  return answer.kind === "list"
    ? { kind: answer.kind, ids: answer.ids, totalCount: answer.totalCount }
    : answer;
}

describe.each(Object.values(Role))("as %s", (role) => {
  it.each(filteredLists.map((f) => [`${f.parent}.${f.field.name}`, f] as const))(
    "%s: each filter gives the unfiltered list narrowed the same way",
    async (_label, { parent, field }) => {
      const viewer = world.viewers[role];
      const cases = casesOf(field);
      const select = [...new Set(cases.map((c) => c.select))].join(" ");
      const all = await list(viewer, parent, field, select, null);
      if (all.kind === "list") expect(all.totalCount).toBe(all.ids.length);
      /** Conditions with a value that kept some of the list and dropped some. */
      const narrowing = new Set<string>();
      for (const c of cases) {
        const filtered = await list(viewer, parent, field, c.select, c.filter);
        let expected = shapeOf(all);
        if (all.kind === "list") {
          const ids = all.nodes.filter(c.holds).map((node) => node.id);
          expected = { kind: "list", ids, totalCount: ids.length };
          if (ids.length > 0 && ids.length < all.ids.length) narrowing.add(c.condition);
        }
        expect({ case: c.label, ...shapeOf(filtered) }).toEqual({ case: c.label, ...expected });
      }
      // The owner sees everything: there the world must give every condition something to keep and to drop.
      const fixed = FIXED_BY_PARENT[`${parent}.${field.name}`] ?? [];
      if (role === Role.OWNER)
        expect([...narrowing].sort()).toEqual(
          [...new Set(cases.map((c) => c.condition))].filter((c) => !fixed.includes(c)).sort(),
        );
    },
  );
});

describe("what each role lists of a partner's people (the permission matrix's readAccount)", () => {
  const PARTNER_MEMBERS = `query($id: ID!, $filter: MemberFilter) { node(id: $id) { ... on Partner {
    members(first: 100, filter: $filter) { totalCount nodes { id } } } } }`;

  async function partnerMembers(role: Role, filter: Record<string, unknown> | null) {
    app.actAs(world.viewers[role]);
    const response = await app.graphql<{
      node: { members: { totalCount: number; nodes: { id: string }[] } } | null;
    }>(PARTNER_MEMBERS, { id: toGlobalId("Partner", world.alphaWorks), filter });
    expect(response.body.errors).toBeUndefined();
    return response.body.data?.node?.members ?? null;
  }

  it.each([Role.OWNER, Role.ADMINISTRATOR, Role.EDITOR, Role.VIEWER])(
    "%s sees every person of the partner",
    async (role) => {
      const members = await partnerMembers(role, null);
      expect(members?.totalCount).toBe(4);
      expect(members?.nodes).toHaveLength(4);
    },
  );

  it.each([null, { status: [MemberStatus.ACTIVE] }, { search: "alpha" }])(
    "an external collaborator sees only themselves, filter %j",
    async (filter) => {
      const own = toGlobalId("Member", world.people[Role.COLLABORATOR_EXTERNAL].memberId);
      expect(await partnerMembers(Role.COLLABORATOR_EXTERNAL, filter)).toEqual({
        totalCount: 1,
        nodes: [{ id: own }],
      });
    },
  );

  it("a client does not see the partner at all", async () => {
    expect(await partnerMembers(Role.CLIENT, null)).toBeNull();
  });
});
