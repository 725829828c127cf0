/**
 * Sorted lists, generated from the schema: every list field that takes `orderBy`, in
 * every order field and both directions, pages forward (`first`/`after`) and backward
 * (`last`/`before`) through the same items in the same order, without duplicates or
 * gaps, sorted by what the field names and tie-broken by id, through data full of ties
 * (same names, same instants) and of case and accent variants. A list field or order
 * field this file does not know fails the coverage test, so a new order cannot skip it.
 */
import { fromGlobalId, Role, toGlobalId } from "@pn/shared";
import { randomBytes } from "node:crypto";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isObjectType,
  type GraphQLArgument,
} from "graphql";
import { buildAppSchema } from "../app/schema";
import { hashSecret } from "../crypto/secret-token";
import { insertAccount, insertUser, insertViewer } from "../test-support/fixtures";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";

let db: TestDatabase;
let app: TestApp;
const schema = buildAppSchema();
const unique = () => randomBytes(4).toString("hex");

/** A sort key element: a number, a plain string (ids, ISO instants) or collated text. */
type KeyPart = number | string | { text: string };
type Node = { id: string } & Record<string, unknown>;

// ICU at strength 2 (case-insensitive, accent-aware), then code units: what pn_list_order does.
const collator = new Intl.Collator("und", { sensitivity: "accent" });
function comparePart(a: KeyPart, b: KeyPart): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "object" && typeof b === "object")
    return collator.compare(a.text, b.text) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
function compareKeys(a: KeyPart[], b: KeyPart[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const order = comparePart(a[i]!, b[i]!);
    if (order !== 0) return order;
  }
  return 0;
}

const localId = (node: Node) => fromGlobalId(node.id)!.id;
const rank = (values: string[], value: unknown) => values.indexOf(String(value)) + 1;
const ROLES = Object.values(Role);
const MEMBER_STATUSES = ["PENDING", "ACTIVE", "ARCHIVED"];
// EXPIRED is stored as PENDING: it sorts with the open invitations, by expiry.
const STORED_INVITATION_STATUS: Record<string, number> = {
  PENDING: 1,
  EXPIRED: 1,
  ACCEPTED: 2,
  REVOKED: 3,
};

type ListSpec = {
  /** The connection inside `viewer { currentAccount { … } }` or `node(id: $parent) { … }`. */
  parent: "account" | "partner";
  field: string;
  selection: string;
  keys: Record<string, (node: Node) => KeyPart[]>;
};

const MEMBER_KEYS: ListSpec["keys"] = {
  NAME: (n) => [{ text: String(n.name) }, localId(n)],
  EMAIL: (n) => [{ text: String(n.email) }, localId(n)],
  ROLE: (n) => [rank(ROLES, n.role), { text: String(n.name) }, localId(n)],
  STATUS: (n) => [rank(MEMBER_STATUSES, n.status), { text: String(n.name) }, localId(n)],
  CREATED_AT: (n) => [String(n.createdAt), localId(n)],
};

const LISTS: Record<string, ListSpec> = {
  "Account.members": {
    parent: "account",
    field: "members",
    selection: "id name email role status createdAt",
    keys: MEMBER_KEYS,
  },
  "Partner.members": {
    parent: "partner",
    field: "members",
    selection: "id name email role status createdAt",
    keys: MEMBER_KEYS,
  },
  "Account.invitations": {
    parent: "account",
    field: "invitations",
    selection: "id email status expiresAt createdAt",
    keys: {
      EMAIL: (n) => [{ text: String(n.email ?? "") }, localId(n)],
      STATUS: (n) => [STORED_INVITATION_STATUS[String(n.status)]!, String(n.expiresAt), localId(n)],
      EXPIRES_AT: (n) => [String(n.expiresAt), localId(n)],
      CREATED_AT: (n) => [String(n.createdAt), localId(n)],
    },
  },
  "Account.partners": {
    parent: "account",
    field: "partners",
    selection: "id companyName createdAt memberCounts { pending }",
    keys: {
      COMPANY_NAME: (n) => [{ text: String(n.companyName) }, localId(n)],
      PENDING_MEMBERS: (n) => [(n.memberCounts as { pending: number }).pending, localId(n)],
      CREATED_AT: (n) => [String(n.createdAt), localId(n)],
    },
  },
  "Account.clients": {
    parent: "account",
    field: "clients",
    selection: "id name createdAt",
    keys: {
      NAME: (n) => [{ text: String(n.name) }, localId(n)],
      CREATED_AT: (n) => [String(n.createdAt), localId(n)],
    },
  },
};

/** Every `Type.field` of the schema with an `orderBy` argument, with that argument. */
function orderedLists(): Map<string, GraphQLArgument> {
  const found = new Map<string, GraphQLArgument>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const arg = field.args.find((candidate) => candidate.name === "orderBy");
      if (arg) found.set(`${type.name}.${field.name}`, arg);
    }
  }
  return found;
}

function orderFields(arg: GraphQLArgument): string[] {
  const input = getNamedType(arg.type);
  if (!isInputObjectType(input)) throw new Error(`${arg.name} is not an input object`);
  const field = getNamedType(input.getFields().field!.type);
  if (!isEnumType(field)) throw new Error("orderBy.field is not an enum");
  return field.getValues().map((value) => value.name);
}

let partnerId: string;

/**
 * One account with ties everywhere: seven members named "Sam Same" created at one instant,
 * case and accent variants, an unaccepted member whose shown name differs from their own,
 * people of every role and status; invitations with equal emails and expiries; partners
 * with equal names and pending counts; clients with equal names.
 */
async function createWorld() {
  const owner = await insertViewer(db.dataSource, Role.OWNER);
  const { accountId } = owner;
  const sql = (text: string, params: unknown[]) => db.dataSource.query(text, params);
  const instant = (n: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, n % 3)).toISOString();
  await sql("UPDATE members SET created_at = $2 WHERE id = $1", [owner.memberId, instant(0)]);

  const partner = async (companyName: string, n: number) =>
    (
      await sql(
        "INSERT INTO partners (account_id, company_name, status, guest, created_at) VALUES ($1, $2, 'ACTIVE', true, $3) RETURNING id",
        [accountId, companyName, instant(n)],
      )
    )[0].id as string;
  const partners = [
    await partner("Zeta Works", 1),
    await partner("ångström AB", 2),
    await partner("Angstrom Labs", 3),
    await partner("Same Co", 4),
    await partner("Same Co", 5),
    await partner("same co", 6),
  ];
  partnerId = partners[0]!;

  let n = 0;
  const person = async (
    name: string,
    fields: { role?: Role; status?: string; partner?: string; shownAs?: string } = {},
  ) => {
    n += 1;
    const userId = await insertUser(db.dataSource, {
      name,
      email: `${name.toLowerCase().replace(/\s+/g, ".")}.${unique()}@example.test`,
    });
    await sql("UPDATE users SET password_hash = 'x' WHERE id = $1", [userId]);
    const external = fields.partner !== undefined;
    await sql(
      `INSERT INTO members (account_id, user_id, type, role, status, partner_id, created_at, accepted_at, display_name, display_email)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $8::text IS NULL THEN now() END, $8, CASE WHEN $8::text IS NOT NULL THEN $9 END)`,
      [
        accountId,
        userId,
        external ? "EXTERNAL" : "INTERNAL",
        fields.role ?? (external ? Role.COLLABORATOR_EXTERNAL : Role.VIEWER),
        fields.status ?? "ACTIVE",
        fields.partner ?? null,
        instant(n),
        fields.shownAs ?? null,
        `typed.${unique()}@example.test`,
      ],
    );
  };
  for (let i = 0; i < 7; i += 1)
    await person("Sam Same", {
      role: i % 2 ? Role.EDITOR : Role.VIEWER,
      status: MEMBER_STATUSES[i % 3],
      partner: i < 4 ? partnerId : undefined,
    });
  for (const name of ["Bob", "angel", "Ängel", "émile", "Emile", "emile", "Zoë", "zoe"])
    await person(name, { partner: name.startsWith("Z") ? partnerId : undefined });
  await person("Ada Admin", { role: Role.ADMINISTRATOR });
  await person("Pat Pending", { status: "PENDING", partner: partners[3] });
  await person("Pia Pending", { status: "PENDING", partner: partners[3] });
  await person("Quinn Pending", { status: "PENDING", partner: partners[4] });
  // Their own name is "Aaron Real"; the account typed "Yannick Typed" and sees only that.
  await person("Aaron Real", { status: "PENDING", partner: partnerId, shownAs: "Yannick Typed" });

  const invitation = async (
    email: string | null,
    status: string,
    expiry: number,
    created: number,
  ) =>
    sql(
      `INSERT INTO invitations (account_id, kind, email, role, status, token_hash, expires_at, invited_by_member_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        accountId,
        email === null ? "CLIENT" : "USER",
        email,
        email === null ? null : Role.VIEWER,
        status,
        hashSecret(`list-order-${unique()}`),
        new Date(Date.now() + expiry * 86_400_000).toISOString().replace(/\.\d+Z$/, ".000Z"),
        owner.memberId,
        instant(created),
      ],
    );
  await invitation("same@example.test", "PENDING", 3, 1);
  await invitation("same@example.test", "REVOKED", 3, 2);
  await invitation("Same@example.test", "ACCEPTED", 3, 3);
  await invitation("émile@example.test", "PENDING", -2, 4); // EXPIRED
  await invitation("emile@example.test", "PENDING", -2, 5); // EXPIRED, same expiry
  await invitation("bob@example.test", "PENDING", 5, 6);
  await invitation(null, "PENDING", 10, 7);
  await invitation(null, "PENDING", 10, 8);
  await invitation("zed@example.test", "REVOKED", 1, 9);

  const client = async (name: string, created: number) =>
    sql(
      "INSERT INTO clients (account_id, type, name, email, status, created_at) VALUES ($1, 'PERSON', $2, $3, 'ACTIVE', $4)",
      [accountId, name, `${unique()}@example.test`, instant(created)],
    );
  for (const [i, name] of ["Émile SA", "emile sa", "Bob", "Bob", "Bob", "angel", "Ängel"].entries())
    await client(name, i);

  // Another account's rows never show up.
  const other = await insertAccount(db.dataSource);
  await sql(
    "INSERT INTO partners (account_id, company_name, status, guest) VALUES ($1, 'Aaa Other', 'ACTIVE', true)",
    [other],
  );
  await sql(
    "INSERT INTO clients (account_id, type, name, status) VALUES ($1, 'PERSON', 'Aaa Other', 'ACTIVE')",
    [other],
  );
  return owner;
}

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
  const owner = await createWorld();
  app.actAs(owner.viewer);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

type Page = {
  totalCount: number;
  nodes: Node[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
};

function listQuery(name: string, arg: GraphQLArgument): string {
  const spec = LISTS[name]!;
  const orderType = getNamedType(arg.type).name;
  const connection = `${spec.field}(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
    totalCount nodes { ${spec.selection} } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }`;
  const variables = `$first: Int, $after: String, $last: Int, $before: String, $orderBy: ${orderType}`;
  return spec.parent === "account"
    ? `query(${variables}) { viewer { currentAccount { list: ${connection} } } }`
    : `query(${variables}, $parent: ID!) { node(id: $parent) { ... on Partner { list: ${connection} } } }`;
}

async function fetchPage(
  name: string,
  variables: Record<string, unknown>,
): Promise<{
  page: Page | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}> {
  const arg = orderedLists().get(name)!;
  const response = await app.graphql<{
    viewer?: { currentAccount: { list: Page } | null };
    node?: { list: Page };
  }>(listQuery(name, arg), { parent: toGlobalId("Partner", partnerId), ...variables });
  const data = response.body.data;
  return {
    page: data?.viewer?.currentAccount?.list ?? data?.node?.list ?? null,
    errors: response.body.errors,
  };
}

async function okPage(name: string, variables: Record<string, unknown>): Promise<Page> {
  const { page, errors } = await fetchPage(name, variables);
  expect(errors).toBeUndefined();
  return page!;
}

/** Every item, page by page: forwards with first/after, or backwards with last/before. */
async function walk(
  name: string,
  orderBy: unknown,
  way: "forward" | "backward",
): Promise<{ nodes: Node[]; totalCount: number }> {
  let nodes: Node[] = [];
  let cursor: string | null = null;
  let totalCount = 0;
  for (let pages = 0; pages < 100; pages += 1) {
    const page: Page = await okPage(
      name,
      way === "forward"
        ? { first: 3, after: cursor, orderBy }
        : { last: 3, before: cursor, orderBy },
    );
    totalCount = page.totalCount;
    if (way === "forward") {
      nodes = [...nodes, ...page.nodes];
      if (!page.pageInfo.hasNextPage) return { nodes, totalCount };
      cursor = page.pageInfo.endCursor;
    } else {
      nodes = [...page.nodes, ...nodes];
      if (!page.pageInfo.hasPreviousPage) return { nodes, totalCount };
      cursor = page.pageInfo.startCursor;
    }
  }
  throw new Error(`${name} did not end within 100 pages`);
}

describe("list orders", () => {
  it("covers every list field with orderBy and every one of its order fields", () => {
    const lists = orderedLists();
    expect([...lists.keys()].sort()).toEqual(Object.keys(LISTS).sort());
    for (const [name, arg] of lists)
      expect({ name, fields: orderFields(arg).sort() }).toEqual({
        name,
        fields: Object.keys(LISTS[name]!.keys).sort(),
      });
  });

  const cases = Object.entries(LISTS).flatMap(([name, spec]) =>
    Object.keys(spec.keys).flatMap((field) =>
      (["ASC", "DESC"] as const).map((direction) => ({ name, field, direction })),
    ),
  );

  it.each(cases)(
    "$name by $field $direction: both ways through every item once, sorted, ties by id",
    async ({ name, field, direction }) => {
      const orderBy = { field, direction };
      const forward = await walk(name, orderBy, "forward");
      const backward = await walk(name, orderBy, "backward");
      const ids = forward.nodes.map((node) => node.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(forward.totalCount);
      expect(ids.length).toBeGreaterThan(3);
      expect(backward.nodes.map((node) => node.id)).toEqual(ids);
      const keyOf = LISTS[name]!.keys[field]!;
      const sign = direction === "ASC" ? 1 : -1;
      const expected = [...forward.nodes].sort((a, b) => sign * compareKeys(keyOf(a), keyOf(b)));
      expect(ids).toEqual(expected.map((node) => node.id));
    },
  );

  it("sorts names case-insensitively and accent-aware, by the name the account sees", async () => {
    const { nodes } = await walk("Account.members", { field: "NAME", direction: "ASC" }, "forward");
    const names = nodes.map((node) => String(node.name)).filter((name) => name !== "Sam Same");
    expect(names.slice(0, 9)).toEqual([
      "Ada Admin",
      "angel",
      "Ängel",
      "Bob",
      "Emile",
      "emile",
      "émile",
      "Pat Pending",
      "Pia Pending",
    ]);
    // The unaccepted member sorts by the typed name, never by their own ("Aaron Real").
    expect(names).not.toContain("Aaron Real");
    expect(names.indexOf("Yannick Typed")).toBeGreaterThan(names.indexOf("Quinn Pending"));
    expect(names.slice(-3)).toEqual(["Yannick Typed", "zoe", "Zoë"]);
  });

  it("sorts partners by pending people, and clients' equal names by id", async () => {
    const partners = await walk(
      "Account.partners",
      { field: "PENDING_MEMBERS", direction: "DESC" },
      "forward",
    );
    const pending = partners.nodes.map(
      (node) => (node.memberCounts as { pending: number }).pending,
    );
    expect(pending.slice(0, 3)).toEqual([3, 2, 1]);
    expect(partners.nodes.map((node) => node.companyName)).not.toContain("Aaa Other");
    const clients = await walk("Account.clients", { field: "NAME", direction: "ASC" }, "forward");
    expect(clients.nodes.map((node) => node.name)).toEqual([
      "angel",
      "Ängel",
      "Bob",
      "Bob",
      "Bob",
      "emile sa",
      "Émile SA",
    ]);
    const bobs = clients.nodes.filter((node) => node.name === "Bob").map(localId);
    expect(bobs).toEqual([...bobs].sort());
  });

  it("keeps the default order newest first, and takes its cursors as CREATED_AT DESC too", async () => {
    const unordered = await walk("Account.members", null, "forward");
    const explicit = await walk(
      "Account.members",
      { field: "CREATED_AT", direction: "DESC" },
      "forward",
    );
    expect(explicit.nodes.map((node) => node.id)).toEqual(unordered.nodes.map((node) => node.id));
    const first = await okPage("Account.members", { first: 2 });
    const next = await okPage("Account.members", {
      first: 2,
      after: first.pageInfo.endCursor,
      orderBy: { field: "CREATED_AT", direction: "DESC" },
    });
    expect(next.nodes.map((node) => node.id)).toEqual(
      unordered.nodes.slice(2, 4).map((node) => node.id),
    );
  });

  it("refuses a cursor made under another order with BAD_USER_INPUT naming both orders", async () => {
    const byName = await okPage("Account.members", {
      first: 2,
      orderBy: { field: "NAME", direction: "ASC" },
    });
    for (const [orderBy, made, asked] of [
      [{ field: "NAME", direction: "DESC" }, "by NAME ASC", "by NAME DESC"],
      [{ field: "EMAIL", direction: "ASC" }, "by NAME ASC", "by EMAIL ASC"],
      [null, "by NAME ASC", "newest first"],
    ] as const) {
      const { errors } = await fetchPage("Account.members", {
        first: 2,
        after: byName.pageInfo.endCursor,
        orderBy,
      });
      expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(errors?.[0]?.message).toContain(made);
      expect(errors?.[0]?.message).toContain(asked);
    }
    const unordered = await okPage("Account.members", { first: 2 });
    const { errors } = await fetchPage("Account.members", {
      last: 2,
      before: unordered.pageInfo.startCursor,
      orderBy: { field: "ROLE", direction: "ASC" },
    });
    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.extensions?.argument).toBe("before");
  });

  it("refuses a tampered cursor whose keys are not of the order's types with BAD_USER_INPUT", async () => {
    const encode = (payload: unknown) =>
      Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
    const byPending = { field: "PENDING_MEMBERS", direction: "ASC" };
    for (const [after, orderBy] of [
      [encode({ order: "PENDING_MEMBERS:ASC", keys: ["many", "not-a-uuid"] }), byPending],
      [encode({ order: "PENDING_MEMBERS:ASC", keys: ["1"] }), byPending],
      [encode({ keys: ["1", "2"] }), null],
      [encode(["yesterday", "00000000-0000-0000-0000-000000000000"]), null],
    ] as const) {
      const { errors } = await fetchPage("Account.partners", { first: 2, after, orderBy });
      expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
  });
});
