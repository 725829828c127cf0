/**
 * Every list order reads an index in order, from the cursor on: the deep page's statement
 * (exactly what the service sends, recorded) is EXPLAINed as the app role under
 * row-level security, with sorts and sequential scans made as costly as PostgreSQL can
 * make them. A plan without a Sort, whose index scan starts at the cursor (`ROW(…) >
 * ROW(…)` in its Index Cond), costs the same on page 1,000 as on page 1; a plan that
 * needs a Sort means no index gives the order (the expressions of the ORDER_KEYS and of
 * migration 1765400000000 drifted apart).
 */
import "reflect-metadata";
import { Role } from "@pn/shared";
import type { DataSource } from "typeorm";
import { hashSecret } from "../crypto/secret-token";
import { CLIENT_ORDER_KEYS, clientsService } from "../modules/clients/clients.service";
import {
  INVITATION_ORDER_KEYS,
  invitationsService,
} from "../modules/invitations/invitations.service";
import { MEMBER_ORDER_KEYS, membersService } from "../modules/members/members.service";
import { PARTNER_ORDER_KEYS, partnersService } from "../modules/partners/partners.service";
import { insertMember, insertUser, insertViewer } from "../test-support/fixtures";
import { serviceContext, type RecordedStatement } from "../test-support/service-context";
import {
  createAppRoleDataSource,
  createTestDatabase,
  type TestDatabase,
} from "../test-support/test-database";
import type { Connection, ConnectionArgs } from "./connection";
import type { Context } from "./context";
import { OrderDirection } from "./list-order";

let db: TestDatabase;
let appRole: DataSource;
let owner: Awaited<ReturnType<typeof insertViewer>>;
let partnerId: string;

type Lister = (
  context: Context,
  args: ConnectionArgs,
  order: { field: never; direction: OrderDirection },
) => Promise<Connection<unknown>>;

type ListPlans = {
  keys: Record<string, unknown>;
  list: Lister;
  /** The index each order field must read. */
  indexes: Record<string, string>;
};

const LISTS: Record<string, ListPlans> = {
  "Account.members": {
    keys: MEMBER_ORDER_KEYS,
    list: (context, args, order) =>
      membersService.listMembers(context, owner.accountId, args, null, order),
    indexes: {
      NAME: "members_account_list_name",
      EMAIL: "members_account_list_email",
      ROLE: "members_account_role_name",
      STATUS: "members_account_status_name",
      CREATED_AT: "members_account_created",
    },
  },
  "Partner.members": {
    keys: { NAME: MEMBER_ORDER_KEYS.NAME },
    list: (context, args, order) =>
      membersService.listMembers(
        context,
        owner.accountId,
        args,
        { partnerId: `${Buffer.from(`Partner:${partnerId}`).toString("base64url")}` },
        order,
      ),
    indexes: { NAME: "members_partner_list_name" },
  },
  "Account.invitations": {
    keys: INVITATION_ORDER_KEYS,
    list: (context, args, order) =>
      invitationsService.list(context, owner.accountId, args, null, order),
    indexes: {
      EMAIL: "invitations_account_email",
      STATUS: "invitations_account_status_expiry",
      EXPIRES_AT: "invitations_account_expiry",
      CREATED_AT: "invitations_account_created",
    },
  },
  "Account.partners": {
    keys: PARTNER_ORDER_KEYS,
    list: (context, args, order) =>
      partnersService.list(context, owner.accountId, args, null, order),
    indexes: {
      COMPANY_NAME: "partners_account_company_name",
      PENDING_MEMBERS: "partner_member_tallies_account_pending",
      CREATED_AT: "partners_account_created",
    },
  },
  "Account.clients": {
    keys: CLIENT_ORDER_KEYS,
    list: (context, args, order) =>
      clientsService.list(context, owner.accountId, args, null, order),
    indexes: { NAME: "clients_account_name", CREATED_AT: "clients_account_created" },
  },
};

beforeAll(async () => {
  db = await createTestDatabase();
  appRole = await createAppRoleDataSource(db.url, { poolSize: 2 });
  owner = await insertViewer(db.dataSource, Role.OWNER);
  const sql = (text: string, params: unknown[]) => db.dataSource.query(text, params);
  [{ id: partnerId }] = await sql(
    "INSERT INTO partners (account_id, company_name, status, guest) VALUES ($1, 'Partner', 'ACTIVE', true) RETURNING id",
    [owner.accountId],
  );
  for (let i = 0; i < 12; i += 1) {
    const userId = await insertUser(db.dataSource, { name: `Person ${i % 4}` });
    const memberId = await insertMember(db.dataSource, { accountId: owner.accountId, userId });
    if (i % 2) await sql("UPDATE members SET partner_id = $2 WHERE id = $1", [memberId, partnerId]);
    await sql(
      "INSERT INTO partners (account_id, company_name, status, guest) VALUES ($1, $2, 'ACTIVE', true)",
      [owner.accountId, `Company ${i % 4}`],
    );
    await sql(
      "INSERT INTO clients (account_id, type, name, status) VALUES ($1, 'PERSON', $2, 'ACTIVE')",
      [owner.accountId, `Client ${i % 4}`],
    );
    await sql(
      `INSERT INTO invitations (account_id, kind, email, role, status, token_hash, expires_at)
       VALUES ($1, 'USER', $2, 'VIEWER', 'PENDING', $3, now() + interval '1 day')`,
      [owner.accountId, `invitee-${i}@example.test`, hashSecret(`plans-${i}-${Math.random()}`)],
    );
  }
  await sql("ANALYZE", []);
});

afterAll(async () => {
  await appRole?.destroy();
  await db?.drop();
});

type PlanNode = {
  "Node Type": string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
};

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** The page statement of the deep page: the last one sent, the one with the LIMIT. */
function pageStatement(statements: RecordedStatement[]): RecordedStatement {
  const page = statements.filter((statement) => /\bLIMIT \$\d+$/.test(statement.sql.trim()));
  return page.at(-1)!;
}

describe("list order plans", () => {
  it("cover every order field of every list service", () => {
    for (const [name, list] of Object.entries(LISTS))
      expect({ name, fields: Object.keys(list.indexes).sort() }).toEqual({
        name,
        fields: Object.keys(list.keys).sort(),
      });
  });

  const cases = Object.entries(LISTS).flatMap(([name, list]) =>
    Object.entries(list.indexes).flatMap(([field, index]) =>
      [OrderDirection.ASC, OrderDirection.DESC].map((direction) => ({
        name,
        field,
        direction,
        index,
      })),
    ),
  );

  it.each(cases)(
    "$name by $field $direction: the page after a cursor is read from $index, unsorted",
    async ({ name, field, direction, index }) => {
      const list = LISTS[name]!;
      const order = { field: field as never, direction };
      const { context, statements, end } = serviceContext(db.dataSource, appRole, owner.viewer);
      try {
        const first = await list.list(context, { first: 3 }, order);
        expect(first.pageInfo.hasNextPage).toBe(true);
        await list.list(context, { first: 3, after: first.pageInfo.endCursor }, order);
        const deep = pageStatement(statements);
        await context.db.query(
          "SET LOCAL enable_sort = off; SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off",
        );
        const [{ "QUERY PLAN": plans }] = await context.db.query(
          `EXPLAIN (FORMAT JSON) ${deep.sql}`,
          deep.params,
        );
        const all = nodes((plans as { Plan: PlanNode }[])[0]!.Plan);
        expect(all.filter((node) => node["Node Type"] === "Sort")).toEqual([]);
        const scan = all.find((node) => node["Index Name"] === index);
        expect(scan?.["Node Type"]).toMatch(/^Index (Only )?Scan$/);
        expect(scan?.["Index Cond"]).toMatch(/ROW\(.*\) [<>] ROW\(/);
      } finally {
        await end();
      }
    },
  );
});
