/**
 * Pressure, not faults: a burst of log-ins and a full connection pool get calm answers
 * (success, wrong password, RATE_LIMITED, or 503 SERVICE_UNAVAILABLE with retry-after),
 * never an internal error, and the server answers normally right after.
 */
import type { DataSource, QueryRunner } from "typeorm";
import { insertUser } from "../../test-support/fixtures";
import { startTestApp, type GraphQLResponse, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import { passwords } from "./password";

const LOG_IN = `mutation($email: String!, $password: String!) {
  logIn(input: { email: $email, password: $password }) { user { id } userErrors { code } } }`;
const PASSWORD = "correct horse battery staple";
const EMAIL = "burst@example.test";

type LogInAnswer = GraphQLResponse<{
  logIn: { user: { id: string } | null; userErrors: { code: string }[] };
}>;

let db: TestDatabase;
let app: TestApp;

/** What kind of answer a log-in got; "other" is what must never happen. */
function kindOf(answer: LogInAnswer): string {
  const code = answer.body.errors?.[0]?.extensions?.code;
  if (answer.status === 503 && code === "SERVICE_UNAVAILABLE")
    return answer.headers.get("retry-after") ? "busy" : "busy without retry-after";
  if (code === "RATE_LIMITED") return "rate limited";
  const payload = answer.body.data?.logIn;
  if (answer.status === 200 && payload?.user) return "success";
  const userError = payload?.userErrors[0]?.code;
  if (userError === "BAD_CREDENTIALS") return "wrong password";
  if (userError === "RATE_LIMITED") return "rate limited";
  return `other: ${answer.status} ${JSON.stringify(answer.body)}`;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const userId = await insertUser(db.dataSource, { email: EMAIL, name: "Burst" });
  await db.dataSource.query("UPDATE users SET password_hash = $2 WHERE id = $1", [
    userId,
    await passwords.hash(PASSWORD),
  ]);
  // A small pool that gives up quickly, so the burst meets a full pool for sure.
  app = await startTestApp(db.dataSource, { appPool: { size: 2, connectionTimeoutMs: 500 } });
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

it("answers 200 concurrent log-ins with success, wrong password, RATE_LIMITED or 503, then normally", async () => {
  const answers = await Promise.all(
    Array.from({ length: 200 }, (_, index) =>
      app
        .client()
        .graphql(LOG_IN, { email: EMAIL, password: index % 2 ? PASSWORD : "wrong password!!" }),
    ),
  );
  const kinds = answers.map((answer) => kindOf(answer as LogInAnswer));
  expect(
    kinds.filter((kind) => !["success", "wrong password", "rate limited", "busy"].includes(kind)),
  ).toEqual([]);
  expect(kinds).toContain("success");

  // Right after, the server answers normally.
  const after = (await app
    .client()
    .graphql(LOG_IN, { email: EMAIL, password: PASSWORD })) as LogInAnswer;
  expect(kindOf(after)).toBe("success");
  const health = await fetch(`${app.url}/healthz`);
  expect(health.status).toBe(200);
}, 120_000);

describe("a full connection pool", () => {
  let held: QueryRunner[] = [];

  async function holdEveryConnection(pool: DataSource, count: number): Promise<void> {
    held = await Promise.all(
      Array.from({ length: count }, async () => {
        const runner = pool.createQueryRunner();
        await runner.connect();
        return runner;
      }),
    );
  }

  afterEach(async () => {
    await Promise.all(held.map((runner) => runner.release()));
    held = [];
  });

  it("is a 503 SERVICE_UNAVAILABLE with retry-after, and /healthz keeps answering", async () => {
    await holdEveryConnection(app.appDataSource, 2);
    const busy = await app.client().graphql(LOG_IN, { email: EMAIL, password: PASSWORD });
    expect(busy.status).toBe(503);
    expect(busy.body.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    expect(busy.body.errors?.[0]?.message).toMatch(/try again in \d+ second/i);
    expect(Number(busy.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);

    await Promise.all(held.map((runner) => runner.release()));
    held = [];
    const after = (await app
      .client()
      .graphql(LOG_IN, { email: EMAIL, password: PASSWORD })) as LogInAnswer;
    expect(kindOf(after)).toBe("success");
  });
});
