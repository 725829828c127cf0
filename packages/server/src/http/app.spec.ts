import { randomUUID } from "node:crypto";
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
