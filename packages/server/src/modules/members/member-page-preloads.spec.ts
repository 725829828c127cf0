/**
 * A page of members reads the partners (and their counts) its nodes select in its own
 * statement (issue 20). The answer must be exactly what the loaders answer, in the same
 * order, under every shape the lookahead meets: fragments, aliases, @skip/@include, edges,
 * orders and cursors, internal members without a partner.
 */
import { MemberStatus, MemberType, Role } from "@pn/shared";
import { insertMember, insertUser, insertViewer } from "../../test-support/fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";

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

type Counts = { pending: number; active: number; archived: number };
type PartnerShape = {
  id: string;
  companyName: string;
  logoUrl: string | null;
  memberCounts?: Counts;
};
type Node = { id: string; name: string; partner?: PartnerShape | null };

/** An account with three partners (one with a logo), their people in every status, and staff. */
async function network() {
  const owner = await insertViewer(db.dataSource, Role.OWNER);
  const partners: string[] = [];
  for (const [i, name] of ["Brandt GmbH", "Åkesson AB", "Zed Ltd"].entries()) {
    const [row] = await db.dataSource.query(
      `INSERT INTO partners (account_id, company_name, status, logo_updated_at)
       VALUES ($1, $2, 'ACTIVE', $3) RETURNING id`,
      [owner.accountId, name, i === 0 ? new Date("2026-01-02T03:04:05.678Z") : null],
    );
    partners.push(row.id);
  }
  const statuses = [MemberStatus.PENDING, MemberStatus.ACTIVE, MemberStatus.ARCHIVED];
  for (let i = 0; i < 14; i += 1) {
    const userId = await insertUser(db.dataSource, { name: `Person ${String(i % 5)}` });
    await db.dataSource.query(
      `INSERT INTO members (account_id, user_id, type, role, status, partner_id, accepted_at, created_at)
       VALUES ($1, $2, 'EXTERNAL', 'COLLABORATOR_EXTERNAL', $3, $4, now(), now() - make_interval(secs => $5))`,
      [owner.accountId, userId, statuses[Math.floor(i / 3) % 3], partners[i % 3], i],
    );
  }
  for (let i = 0; i < 3; i += 1) {
    await insertMember(db.dataSource, {
      accountId: owner.accountId,
      userId: await insertUser(db.dataSource, { name: `Staff ${i}` }),
      role: Role.EDITOR,
      type: MemberType.INTERNAL,
    });
  }
  app.actAs(owner.viewer);
  return { owner, partners };
}

async function read<T>(query: string, variables: Record<string, unknown> = {}) {
  const response = await app.graphql<T>(query, variables);
  expect(response.body.errors).toBeUndefined();
  return {
    data: response.body.data!,
    statements: Number(response.headers.get("x-sql-statements")),
  };
}

type EdgesPage = {
  edges: { cursor: string; node: Node }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
};
type MembersData = { viewer: { currentAccount: { members: { nodes: Node[] } } } };
const nodesOf = (data: MembersData) => data.viewer.currentAccount.members.nodes;

/** The partners as `node(id:)` answers them: through the loaders, nothing preloaded. */
async function partnersThroughLoaders(ids: string[]): Promise<Map<string, PartnerShape>> {
  const unique = [...new Set(ids)];
  const { data } = await read<{ nodes: (PartnerShape | null)[] }>(
    `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Partner { id companyName logoUrl memberCounts { pending active archived } } } }`,
    { ids: unique },
  );
  return new Map(data.nodes.map((partner, i) => [unique[i]!, partner!]));
}

describe("members page with its partners", () => {
  it("Q1 costs the account and one page statement, whatever the page size, and answers what the loaders answer", async () => {
    await network();
    const q1 = (first: number) =>
      read<MembersData>(
        `query($first: Int) { viewer { currentAccount { members(first: $first, filter: { status: [PENDING] }) { nodes { id name partner { id companyName logoUrl memberCounts { pending active archived } } } } } } }`,
        { first },
      );
    const small = await q1(2);
    const large = await q1(50);
    expect(nodesOf(small.data)).toHaveLength(2);
    expect(nodesOf(large.data)).toHaveLength(6);
    // The account (viewer.currentAccount) and the page; no partner or count statement.
    expect(large.statements).toBe(2);
    expect(small.statements).toBe(2);

    const expected = await partnersThroughLoaders(nodesOf(large.data).map((n) => n.partner!.id));
    for (const node of nodesOf(large.data))
      expect(node.partner).toEqual(expected.get(node.partner!.id));
    expect(nodesOf(large.data).some((n) => n.partner!.logoUrl !== null)).toBe(true);
  });

  it("keeps the page's order and cursors: the same nodes with and without partners, under every order", async () => {
    await network();
    for (const orderBy of [
      null,
      { field: "NAME", direction: "ASC" },
      { field: "NAME", direction: "DESC" },
      { field: "STATUS", direction: "ASC" },
      { field: "EMAIL", direction: "DESC" },
    ]) {
      const page = (withPartner: boolean, after: string | null) =>
        read<{ viewer: { currentAccount: { members: EdgesPage } } }>(
          `query($orderBy: MemberOrder, $after: String, $withPartner: Boolean!) { viewer { currentAccount {
             members(first: 4, after: $after, orderBy: $orderBy) {
               edges { cursor node { id name partner @include(if: $withPartner) { id companyName } } }
               pageInfo { endCursor hasNextPage } } } } }`,
          { orderBy, after, withPartner },
        );
      let after: string | null = null;
      let pages = 0;
      do {
        const plain: EdgesPage = (await page(false, after)).data.viewer.currentAccount.members;
        const joined: EdgesPage = (await page(true, after)).data.viewer.currentAccount.members;
        expect(joined.edges.map((e) => [e.cursor, e.node.id])).toEqual(
          plain.edges.map((e) => [e.cursor, e.node.id]),
        );
        expect(joined.pageInfo).toEqual(plain.pageInfo);
        expect(plain.edges.every((e) => e.node.partner === undefined)).toBe(true);
        expect(joined.edges.every((e) => e.node.partner !== undefined)).toBe(true);
        after = plain.pageInfo.hasNextPage ? plain.pageInfo.endCursor : null;
        pages += 1;
      } while (after);
      expect(pages).toBe(5);
    }
  });

  it("follows fragments and aliases, and internal members have no partner", async () => {
    await network();
    const { data, statements } = await read<{
      viewer: {
        currentAccount: {
          people: {
            nodes: {
              id: string;
              name: string;
              company: { id: string; companyName: string; counts: { pending: number } } | null;
            }[];
          };
        };
      };
    }>(
      `fragment Company on Partner { id companyName counts: memberCounts { pending } }
       fragment Person on Member { id name company: partner { ...Company } }
       query { viewer { currentAccount { people: members(first: 50) { nodes { ... on Member { ...Person } } } } } }`,
    );
    expect(statements).toBe(2);
    const people = data.viewer.currentAccount.people.nodes;
    expect(people).toHaveLength(18);
    // The owner and the three staff members.
    expect(people.filter((p) => p.company === null)).toHaveLength(4);
    const external = people.filter((p) => p.company !== null);
    const expected = await partnersThroughLoaders(external.map((p) => p.company!.id));
    expect(expected.size).toBe(3);
    for (const person of external) {
      const loaded = expected.get(person.company!.id)!;
      expect(person.company).toEqual({
        id: loaded.id,
        companyName: loaded.companyName,
        counts: { pending: loaded.memberCounts!.pending },
      });
    }
    // 14 people over three partners, two of each partner's people pending.
    expect(external.every((p) => p.company!.counts.pending === 2)).toBe(true);
  });

  it("a skipped partner is not answered", async () => {
    await network();
    const skipped = await read<MembersData>(
      `query { viewer { currentAccount { members(first: 50) { nodes { id partner @skip(if: true) { id } } } } } }`,
    );
    expect(nodesOf(skipped.data).every((n) => n.partner === undefined)).toBe(true);
  });
});

describe("isolation", () => {
  it("a page lists only the viewer's account's people with their own partners", async () => {
    const first = await network();
    const second = await network();
    const { data } = await read<MembersData>(
      `query { viewer { currentAccount { members(first: 100) { nodes { id partner { id } } } } } }`,
    );
    expect(nodesOf(data)).toHaveLength(18);
    const seen = new Set(nodesOf(data).flatMap((n) => (n.partner ? [n.partner.id] : [])));
    expect(seen.size).toBe(3);
    // Global ids of the second network's partners, none of the first's.
    const loaded = await partnersThroughLoaders([...seen]);
    expect([...loaded.values()].every((p) => p !== null)).toBe(true);
    expect(first.partners).not.toEqual(second.partners);
  });
});
