/**
 * Member search looks matching people up through the trigram indexes first, and falls back to
 * filtering the ordered member list when a term matches more than SEARCH_LOOKUP_MAX people.
 * Both paths must give the same answers: the right people, counted, in list order.
 */
import { Role } from "@pn/shared";
import { insertAccount, insertMember, insertUser, insertViewer } from "../../test-support/fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import { SEARCH_LOOKUP_MAX } from "./members.service";

const SEARCH = `query($search: String, $first: Int, $after: String) { viewer { currentAccount {
  members(first: $first, after: $after, filter: { search: $search }) {
    totalCount nodes { name email } pageInfo { hasNextPage endCursor }
  } } } }`;

type SearchPage = {
  viewer: {
    currentAccount: {
      members: {
        totalCount: number;
        nodes: { name: string; email: string }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
  };
};

const BULK = SEARCH_LOOKUP_MAX + 50;
let db: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
  const { viewer, accountId } = await insertViewer(db.dataSource, Role.OWNER);
  // More people share "bulk" than the lookup holds; created one second apart, newest last.
  await db.dataSource.query(
    `WITH people AS (
       INSERT INTO users (email, name)
       SELECT 'bulk' || n || '@example.test', 'Bulk Person ' || n FROM generate_series(1, $2::int) n
       RETURNING id, email)
     INSERT INTO members (account_id, user_id, type, role, status, accepted_at, created_at)
     SELECT $1, id, 'INTERNAL', 'VIEWER', 'ACTIVE', now(),
            '2024-01-01'::timestamptz + (substring(email FROM '[0-9]+')::int * interval '1 second')
     FROM people`,
    [accountId, BULK],
  );
  const ada = await insertUser(db.dataSource, {
    name: "Ada Lovelace",
    email: "ada@analytical.test",
  });
  await insertMember(db.dataSource, { accountId, userId: ada });
  // Another account's Ada never shows up, by either path.
  const other = await insertAccount(db.dataSource);
  const otherAda = await insertUser(db.dataSource, {
    name: "Ada Other",
    email: "ada.other@example.test",
  });
  await insertMember(db.dataSource, { accountId: other, userId: otherAda });
  app.actAs(viewer);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

async function search(variables: Record<string, unknown>) {
  const response = await app.graphql<SearchPage>(SEARCH, variables);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.viewer.currentAccount.members;
}

describe("member search", () => {
  it("has the trigram indexes on users' names and emails", async () => {
    const rows: { indexname: string }[] = await db.dataSource.query(
      "SELECT indexname FROM pg_indexes WHERE tablename = 'users' ORDER BY indexname",
    );
    expect(rows.map((row) => row.indexname)).toEqual(
      expect.arrayContaining(["users_email_trgm", "users_name_trgm"]),
    );
  });

  it("finds a rare term by name or email, only in the viewer's account", async () => {
    const byName = await search({ search: "ada", first: 10 });
    expect(byName.nodes.map((node) => node.name)).toEqual(["Ada Lovelace"]);
    expect(byName.totalCount).toBe(1);
    const byEmail = await search({ search: "ANALYTICAL", first: 10 });
    expect(byEmail.nodes.map((node) => node.name)).toEqual(["Ada Lovelace"]);
    const exact = await search({ search: `Bulk Person ${BULK - 1}`, first: 10 });
    expect(exact.nodes.map((node) => node.name)).toEqual([`Bulk Person ${BULK - 1}`]);
  });

  it("finds a term more people share than the lookup holds: every one, counted, newest first", async () => {
    const first = await search({ search: "bulk", first: 100 });
    expect(first.totalCount).toBe(BULK);
    expect(first.nodes.map((node) => node.name).slice(0, 3)).toEqual([
      `Bulk Person ${BULK}`,
      `Bulk Person ${BULK - 1}`,
      `Bulk Person ${BULK - 2}`,
    ]);
    const second = await search({ search: "bulk", first: 100, after: first.pageInfo.endCursor });
    expect(second.nodes[0]?.name).toBe(`Bulk Person ${BULK - 100}`);
  });

  it("pages through a rarer term's matches, all of them once, newest first", async () => {
    // "Bulk Person 19", 190–199 and 1900–1999: 111 people, under the lookup's bound.
    const expected = Array.from({ length: BULK }, (_, i) => BULK - i)
      .filter((n) => String(n).startsWith("19"))
      .map((n) => `Bulk Person ${n}`);
    expect(expected).toHaveLength(111);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await search({ search: "bulk person 19", first: 50, after });
      expect(page.totalCount).toBe(111);
      seen.push(...page.nodes.map((node) => node.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });
});
