import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Role } from "@pn/shared";
import { createDataSource } from "../db/data-source";
import { insertViewer } from "../test-support/fixtures";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";

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

describe("HTTP surface", () => {
  it("GET /healthz answers 200 when the database answers", async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("GET /healthz answers 503 when the database does not", async () => {
    const unreachable = createDataSource("postgres://postgres@127.0.0.1:1/none");
    const broken = await startTestApp(unreachable);
    try {
      const response = await fetch(`${broken.url}/healthz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "unavailable" });
    } finally {
      await broken.close();
    }
  });

  it("tags every response with a request id, keeping a well-formed incoming one", async () => {
    const generated = await fetch(`${app.url}/healthz`);
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const incoming = randomUUID();
    const echoed = await fetch(`${app.url}/healthz`, { headers: { "x-request-id": incoming } });
    expect(echoed.headers.get("x-request-id")).toBe(incoming);
  });

  it("masks unexpected errors: generic message with the request id, no internals", async () => {
    const { viewer } = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(viewer);
    // Break the users table under the running app so a resolver fails unexpectedly.
    await db.dataSource.query("ALTER TABLE users RENAME TO users_gone");
    try {
      const response = await app.graphql("{ viewer { user { name } } }");
      const [error] = response.body.errors ?? [];
      expect(error?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
      expect(error?.message).toContain(response.headers.get("x-request-id"));
      expect(JSON.stringify(response.body)).not.toMatch(/users|relation|stack|at /);
    } finally {
      await db.dataSource.query("ALTER TABLE users_gone RENAME TO users");
    }
  });

  it("refuses a text/plain POST (CSRF prevention) and batched requests", async () => {
    const plain = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(plain.status).toBe(400);
    const batch = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }]),
    });
    expect(batch.status).toBe(400);
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const response = await fetch(`${app.url}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Not found" });
  });
});

describe("production defaults", () => {
  const PRODUCTION = { NODE_ENV: "production", APP_SECRET: "p".repeat(32) };
  const METRICS_TOKEN = "metrics-token-for-tests-0123456789";

  it("sends x-sql-statements in development only", async () => {
    const { viewer } = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(viewer);
    const development = await app.graphql("{ viewer { user { name } } }");
    expect(development.headers.get("x-sql-statements")).toMatch(/^\d+$/);
    const production = await startTestApp(db.dataSource, { env: PRODUCTION });
    try {
      production.actAs(viewer);
      const response = await production.graphql("{ viewer { user { name } } }");
      expect(response.status).toBe(200);
      expect(response.headers.get("x-sql-statements")).toBeNull();
      expect(response.headers.get("x-powered-by")).toBeNull();
    } finally {
      await production.close();
    }
  });

  it("serves /metrics in Prometheus format: open in development", async () => {
    await app.graphql("query MetricsProbe { __typename }");
    const response = await fetch(`${app.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^http_request_duration_seconds_count\{.*route="\/graphql".*\} \d+/m);
    expect(text).toMatch(/^graphql_operation_duration_seconds_count\{operation="MetricsProbe"/m);
    expect(text).toMatch(/^pg_pool_connections\{pool="app",state="total"\} \d+/m);
    expect(text).toMatch(/^pg_pool_connections\{pool="system",state="waiting"\} \d+/m);
    expect(text).toMatch(/^job_queue_jobs\{queue="mail-send",state="created"\} \d+/m);
    expect(text).toMatch(/^job_queue_jobs\{queue="webhook-deliver",state="failed"\} \d+/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
  });

  it("counts GraphQL errors by operation name and code", async () => {
    await app.graphql("query BrokenProbe { noSuchField }");
    const text = await (await fetch(`${app.url}/metrics`)).text();
    expect(text).toMatch(
      /^graphql_operation_errors_total\{operation="BrokenProbe",code="GRAPHQL_VALIDATION_FAILED"\} 1/m,
    );
  });

  it("in production, /metrics is 404 without METRICS_TOKEN and needs the bearer token with it", async () => {
    const closed = await startTestApp(db.dataSource, { env: PRODUCTION });
    const guarded = await startTestApp(db.dataSource, {
      env: { ...PRODUCTION, METRICS_TOKEN },
    });
    try {
      expect((await fetch(`${closed.url}/metrics`)).status).toBe(404);
      expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
      const wrong = await fetch(`${guarded.url}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}x` },
      });
      expect(wrong.status).toBe(401);
      const right = await fetch(`${guarded.url}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(right.status).toBe(200);
      expect(await right.text()).toMatch(/^http_request_duration_seconds_bucket/m);
    } finally {
      await closed.close();
      await guarded.close();
    }
  });
});

describe("the published schema", () => {
  it("GET /schema.graphql serves the committed SDL as text/plain, signed out", async () => {
    const response = await fetch(`${app.url}/schema.graphql`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).toBe(
      readFileSync(path.resolve(__dirname, "../../schema.graphql"), "utf8"),
    );
  });
});
