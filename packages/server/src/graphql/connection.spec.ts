import { Role } from "@pn/shared";
import { insertAccount, insertMember, insertUser, insertViewer } from "../test-support/fixtures";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";

type MembersPage = {
  viewer: {
    currentAccount: {
      members: {
        totalCount: number;
        nodes: { name: string }[];
        edges: { cursor: string }[];
        pageInfo: {
          hasNextPage: boolean;
          hasPreviousPage: boolean;
          startCursor: string | null;
          endCursor: string | null;
        };
      };
    };
  };
};

const MEMBERS = `query Members($first: Int, $after: String, $last: Int, $before: String, $search: String) {
  viewer { currentAccount { members(first: $first, after: $after, last: $last, before: $before, filter: { search: $search }) {
    totalCount nodes { name } edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  } } }
}`;

let db: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
  const { viewer, accountId } = await insertViewer(db.dataSource, Role.OWNER);
  // The viewer is the oldest member; seven more share one timestamp so only the id breaks ties.
  await db.dataSource.query("UPDATE members SET created_at = '2020-01-01' WHERE id = $1", [
    viewer.memberId,
  ]);
  const sameInstant = new Date("2024-05-01T10:00:00.123456Z");
  for (let i = 1; i <= 7; i += 1) {
    const userId = await insertUser(db.dataSource, {
      name: `Person ${i}`,
      email: `person${i}@example.test`,
    });
    await insertMember(db.dataSource, { accountId, userId, createdAt: sameInstant });
  }
  // Another account's members never show up.
  const otherAccount = await insertAccount(db.dataSource);
  await insertMember(db.dataSource, {
    accountId: otherAccount,
    userId: await insertUser(db.dataSource, { name: "Person X" }),
  });
  app.actAs(viewer);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

async function page(variables: Record<string, unknown>) {
  const response = await app.graphql<MembersPage>(MEMBERS, variables);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.viewer.currentAccount.members;
}

describe("keyset connections", () => {
  it("walks forward through every member exactly once, with a total count", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result = await page({ first: 3, after });
      pages += 1;
      expect(result.totalCount).toBe(8);
      seen.push(...result.nodes.map((node) => node.name));
      expect(result.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    expect(seen.at(-1)).toMatch(/^User /); // the oldest member comes last (newest first)
  });

  it("walks backward with last/before to the same items in the same order", async () => {
    const all = await page({ first: 100 });
    const lastThree = await page({ last: 3 });
    expect(lastThree.nodes).toEqual(all.nodes.slice(-3));
    expect(lastThree.pageInfo.hasPreviousPage).toBe(true);
    const beforeThose = await page({ last: 3, before: lastThree.pageInfo.startCursor });
    expect(beforeThose.nodes).toEqual(all.nodes.slice(-6, -3));
    expect(beforeThose.pageInfo.hasNextPage).toBe(true);
  });

  it("defaults to 50 and filters by search, case-insensitively", async () => {
    expect((await page({})).nodes).toHaveLength(8);
    const found = await page({ search: "PERSON 3" });
    expect(found.nodes.map((node) => node.name)).toEqual(["Person 3"]);
    expect(found.totalCount).toBe(1);
    expect((await page({ search: "%" })).nodes).toEqual([]);
  });

  it.each([
    [{ first: 0 }, "between 1 and 100"],
    [{ first: 101 }, "between 1 and 100"],
    // (last: 500 with this selection is over the query cost limit, refused before the range check: attack.spec.ts)
    [{ last: 101 }, "between 1 and 100"],
    [{ first: 2, last: 2 }, "either `first` or `last`"],
    [{ after: "not-a-cursor" }, "not a cursor"],
  ])("rejects %p with BAD_USER_INPUT", async (variables, message) => {
    const response = await app.graphql(MEMBERS, variables);
    expect(response.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.body.errors?.[0]?.message).toContain(message);
  });

  it("never uses OFFSET", async () => {
    const statements: string[] = [];
    // Requests query through the app role's pool; every statement of its runners reaches its logger.
    const logger = app.appDataSource.logger;
    const original = logger.logQuery.bind(logger);
    const spy = jest.spyOn(logger, "logQuery").mockImplementation((sql, ...rest) => {
      statements.push(sql);
      return original(sql, ...rest);
    });
    try {
      const first = await page({ first: 2 });
      await page({ first: 2, after: first.pageInfo.endCursor });
    } finally {
      spy.mockRestore();
    }
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.join("\n")).not.toMatch(/\bOFFSET\b/i);
  });
});
