/**
 * The classic GraphQL probes, replayed over HTTP against the real app on a
 * listening port. Each test names the protection it guards and fails without it
 * (SECURITY.md lists them).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Role } from "@pn/shared";
import { signUpAndVerify } from "../test-support/sign-up";
import { insertViewer } from "../test-support/fixtures";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { CSV_MAX_BYTES, GRAPHQL_BODY_MAX_BYTES } from "./body-limits";
import { QUERY_LIMITS } from "../graphql/limits";

let db: TestDatabase;
/** Development configuration, acting as an OWNER unless a test says otherwise. */
let app: TestApp;
/** NODE_ENV=production, a CORS allow-list, and a stand-in SPA build (for /graphiql and /invite pages). */
let production: TestApp;
let webDist: string;
let viewer: Awaited<ReturnType<typeof insertViewer>>["viewer"];

const LISTED_ORIGIN = "https://partners.example.test";
const INTROSPECTION = `{ __schema { queryType { name } types { name } } }`;

type GraphQLBody = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

async function post(target: TestApp, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${target.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: GraphQLBody | null = null;
  try {
    json = JSON.parse(text) as GraphQLBody;
  } catch {
    // Some refusals are not JSON; the tests then look at `text`.
  }
  return { status: response.status, headers: response.headers, text, json };
}

function messages(body: GraphQLBody | null): string {
  return (body?.errors ?? []).map((error) => error.message).join("\n");
}

beforeAll(async () => {
  db = await createTestDatabase();
  webDist = mkdtempSync(path.join(os.tmpdir(), "pn-attack-web-"));
  writeFileSync(path.join(webDist, "index.html"), "<!doctype html><title>SPA</title>");
  app = await startTestApp(db.dataSource);
  // Apollo also reads NODE_ENV itself (it would switch introspection off for everyone): start as production really runs.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    production = await startTestApp(db.dataSource, {
      env: {
        NODE_ENV: "production",
        APP_SECRET: "a-test-secret-that-is-long-enough-0123",
        CORS_ORIGINS: LISTED_ORIGIN,
        WEB_DIST_DIR: webDist,
      },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  ({ viewer } = await insertViewer(db.dataSource, Role.OWNER));
});

beforeEach(() => app.actAs(viewer));

afterAll(async () => {
  await app?.close();
  await production?.close();
  await db?.drop();
  if (webDist) rmSync(webDist, { recursive: true, force: true });
});

describe("query shape limits (graphql-armor and friends)", () => {
  it("refuses 101 aliases (max 15) and runs 15", async () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(" ")} }`;
    const refused = await post(app, { query: aliases(101) });
    expect(refused.status).toBe(400);
    expect(refused.json?.data).toBeUndefined();
    expect(messages(refused.json)).toMatch(/Aliases limit of 15 exceeded/);
    const allowed = await post(app, { query: aliases(QUERY_LIMITS.maxAliases) });
    expect(allowed.json?.errors).toBeUndefined();
  });

  it("refuses a batch array of 10 operations", async () => {
    const batch = Array.from({ length: 10 }, () => ({ query: "{ __typename }" }));
    const refused = await post(app, batch);
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(/batch/i);
    expect(refused.text).not.toContain('"__typename"');
  });

  it("refuses 500 duplicated fields", async () => {
    const refused = await post(app, { query: `{ ${"__typename ".repeat(500)}}` });
    expect(refused.status).toBe(400);
    expect(refused.json?.data).toBeUndefined();
    expect(messages(refused.json)).toMatch(/"__typename" is selected more than 5 times/);
  });

  it("refuses repeated directives (max 10)", async () => {
    const refused = await post(app, { query: `{ __typename ${"@include(if: true) ".repeat(50)}}` });
    expect(refused.status).toBe(400);
    expect(messages(refused.json)).toMatch(/Directives limit of 10 exceeded/);
  });

  it("refuses circular fragments with a validation error, not a crash", async () => {
    const query = `query { viewer { ...A } } fragment A on Viewer { user { name } ...B } fragment B on Viewer { ...A }`;
    const refused = await post(app, { query });
    expect(refused.status).toBe(400);
    expect(refused.json?.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(messages(refused.json)).toMatch(/Cannot spread fragment "A" within itself/);
  });

  it("refuses a query of depth 20 (max 10)", async () => {
    // viewer > currentAccount > members > nodes > partner > members > nodes > partner > …
    let selection = "id";
    for (let i = 0; i < 6; i++)
      selection = `partner { members(first: 1) { nodes { ${selection} } } }`;
    const query = `{ viewer { currentAccount { members(first: 1) { nodes { ${selection} } } } } }`;
    const refused = await post(app, { query });
    expect(refused.status).toBe(400);
    expect(messages(refused.json)).toMatch(/Query depth limit of 10 exceeded, found 2\d/);
  });

  it("refuses more than 3,000 tokens", async () => {
    const refused = await post(app, {
      query: `{ viewer { user { name(${"a: 1, ".repeat(1_500)}) } } }`,
    });
    expect(refused.status).toBe(400);
    expect(messages(refused.json)).toMatch(/Document contains more \w+ 3000 tokens/);
  });
});

describe("query cost", () => {
  const MEMBERS = `query Members($first: Int) { viewer { currentAccount { members(first: $first) { nodes { id name email } } } } }`;

  it("refuses first: 100000 before running it, naming the cost and the limit (literal and from variables)", async () => {
    for (const request of [
      {
        query: `{ viewer { currentAccount { members(first: 100000) { nodes { id name email } } } } }`,
      },
      { query: MEMBERS, variables: { first: 100_000 } },
    ]) {
      const refused = await post(app, request);
      const [error] = refused.json?.errors ?? [];
      expect(error?.extensions).toMatchObject({
        code: "MAX_COST_EXCEEDED",
        maxCost: QUERY_LIMITS.maxCost,
      });
      const cost = Number(error?.extensions?.cost);
      expect(cost).toBeGreaterThan(100_000 * 3);
      expect(error?.message).toContain(String(cost));
      expect(error?.message).toContain(String(QUERY_LIMITS.maxCost));
      expect(refused.json?.data).toBeUndefined();
    }
  });

  it("counts the default page size (50) when first/last is absent, and multiplies nested pages", async () => {
    // 50 partners × 50 members × a few fields: well over the limit although no `first` is written.
    const query = `{ viewer { currentAccount { partners { nodes { members { nodes { id name email title } } } } } } }`;
    const refused = await post(app, { query });
    expect(refused.json?.errors?.[0]?.extensions?.code).toBe("MAX_COST_EXCEEDED");
  });

  it("a cheap query over the page size still gets the page size error (1 to 100)", async () => {
    const response = await post(app, {
      query: MEMBERS.replace("nodes { id name email }", "totalCount"),
      variables: { first: 101 },
    });
    expect(response.json?.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const allowed = await post(app, { query: MEMBERS, variables: { first: 100 } });
    expect(allowed.json?.errors).toBeUndefined();
  });
});

describe("resolver timeout", () => {
  it("fails an operation whose resolvers outlive the deadline with TIMEOUT, instead of hanging", async () => {
    const impatient = await startTestApp(db.dataSource, { resolverTimeoutMs: 200 });
    impatient.actAs(viewer);
    // Another transaction holds the users table, so the viewer's user cannot be read until it lets go.
    const blocker = db.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    try {
      await blocker.query("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
      const response = await post(impatient, { query: "{ viewer { user { name } } }" });
      expect(response.json?.errors?.[0]).toMatchObject({ extensions: { code: "TIMEOUT" } });
      expect(messages(response.json)).toMatch(/took longer than 0.2 s/);
      // The abandoned statement was cancelled, not left queued behind the lock.
      const [{ waiting }] = await db.dataSource.query(
        "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
      );
      expect(waiting).toBe(0);
    } finally {
      await blocker.rollbackTransaction();
      await blocker.release();
      await impatient.close();
    }
  });
});

describe("transport", () => {
  it("refuses a mutation sent with GET", async () => {
    const query = encodeURIComponent("mutation { logOut { ok } }");
    const response = await fetch(`${app.url}/graphql?query=${query}`, {
      headers: { "apollo-require-preflight": "true" },
    });
    expect(response.status).toBe(405);
    expect(await response.text()).toMatch(/mutation/i);
  });

  it("refuses a text/plain POST (a cross-site form could send one without a preflight)", async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: "mutation { logOut { ok } }" }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
  });

  it("answers a body over 1 MB with 413 and a message naming the limit", async () => {
    const padding = "x".repeat(2 * 1024 * 1024);
    for (const headers of [{}, { cookie: "pn_session=whatever" }] as Record<string, string>[]) {
      const response = await post(
        app,
        { query: "{ __typename }", variables: { padding } },
        headers,
      );
      expect(response.status).toBe(413);
      expect(response.json?.errors?.[0]).toMatchObject({
        extensions: { code: "PAYLOAD_TOO_LARGE", limitBytes: GRAPHQL_BODY_MAX_BYTES },
      });
      expect(messages(response.json)).toMatch(/larger than 1 MB/);
    }
  });

  it("lets a signed-in caller send a CSV of more than 1 MB, and refuses one over 10 MB", async () => {
    const IMPORT = `mutation Import($input: ImportUserInvitationsInput!) { importUserInvitations(input: $input) { created userErrors { message } } }`;
    const csvOf = (bytes: number) =>
      `email,role\n${"someone@example.test,Viewer\n".repeat(Math.ceil(bytes / 27))}`;
    const headers = { cookie: "pn_session=not-a-live-session" };
    // 1.5 MB reaches the import, which then reports its own row limit.
    const accepted = await post(
      app,
      { query: IMPORT, variables: { input: { csv: csvOf(1.5 * 1024 * 1024), dryRun: true } } },
      headers,
    );
    expect(accepted.status).toBe(200);
    expect(JSON.stringify(accepted.json)).toMatch(/At most 10000 rows/);

    const refused = await post(
      app,
      { query: IMPORT, variables: { input: { csv: csvOf(CSV_MAX_BYTES + 1024), dryRun: true } } },
      headers,
    );
    expect(refused.status).toBe(413);
    expect(refused.json?.errors?.[0]).toMatchObject({
      extensions: { code: "PAYLOAD_TOO_LARGE", limitBytes: CSV_MAX_BYTES },
    });
    expect(messages(refused.json)).toMatch(/CSV is larger than 10 MB/);
  });
});

describe("field suggestions", () => {
  it("never suggests field, argument or enum names", async () => {
    const probes = [
      `{ viewer { usr { name } } }`,
      `{ viewer { currentAccount { members(frist: 1) { totalCount } } } }`,
      `{ viewer { currentAccount { members(filter: { status: [ACTIV] }) { totalCount } } } }`,
    ];
    for (const query of probes) {
      const response = await post(app, { query });
      expect(response.json?.errors?.length).toBeGreaterThan(0);
      expect(messages(response.json)).not.toMatch(/Did you mean/i);
      expect(messages(response.json)).not.toMatch(/"(user|first|ACTIVE)"/);
    }
    const variables = await post(app, {
      query: `query ($s: [MemberStatus!]) { viewer { currentAccount { members(filter: { status: $s }) { totalCount } } } }`,
      variables: { s: ["ACTIV"] },
    });
    expect(messages(variables.json)).toMatch(/ACTIV/);
    expect(messages(variables.json)).not.toMatch(/Did you mean/i);
  });
});

describe("introspection and the playground in production", () => {
  it("refuses introspection to a signed-out caller", async () => {
    const response = await post(production, { query: INTROSPECTION });
    expect(response.json?.data).toBeUndefined();
    expect(response.json?.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    // Also when hidden behind a fragment or __type.
    const hidden = await post(production, {
      query: `{ ...F } fragment F on Query { __type(name: "Member") { fields { name } } }`,
    });
    expect(hidden.json?.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    // __typename is not introspection of the schema.
    expect((await post(production, { query: "{ __typename }" })).json).toEqual({
      data: { __typename: "Query" },
    });
  });

  it("answers introspection to a signed-in caller, and to anyone outside production", async () => {
    const client = production.client();
    await signUpAndVerify(client, db.dataSource, {
      email: "introspector@example.test",
      password: "correct horse battery",
      name: "Intro Spector",
      accountName: "Introspectors",
    });
    const signedIn = await client.graphql<{ __schema: { queryType: { name: string } } }>(
      INTROSPECTION,
    );
    expect(signedIn.body.data?.__schema.queryType.name).toBe("Query");

    app.actAs(null);
    const development = await post(app, { query: INTROSPECTION });
    expect(development.json?.errors).toBeUndefined();
  });

  it("redirects a signed-out visit of /graphiql to the log-in page, and serves it once signed in", async () => {
    const signedOut = await fetch(`${production.url}/graphiql`, { redirect: "manual" });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("location")).toBe("/login?next=%2Fgraphiql");

    const client = production.client();
    await signUpAndVerify(client, db.dataSource, {
      email: "playground@example.test",
      password: "correct horse battery",
      name: "Play Ground",
      accountName: "Playground",
    });
    const signedIn = await fetch(`${production.url}/graphiql`, {
      redirect: "manual",
      headers: { cookie: client.cookie()! },
    });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.text()).toContain("<title>SPA</title>");

    const badToken = await fetch(`${production.url}/graphiql`, {
      redirect: "manual",
      headers: { authorization: "Bearer pn_nonsense" },
    });
    expect(badToken.status).toBe(401);
  });
});

describe("HTTP headers", () => {
  it("sends helmet's headers with our CSP on the API and on SPA pages, and no referrer from invitation pages", async () => {
    for (const url of [
      `${production.url}/graphql?query=%7B__typename%7D`,
      `${production.url}/invite/some-secret-token`,
      `${app.url}/healthz`,
    ]) {
      const response = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("worker-src 'self' blob:");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    }
  });
});

describe("CORS", () => {
  const preflight = (target: TestApp, origin: string) =>
    fetch(`${target.url}/graphql`, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, authorization",
      },
    });

  it("refuses a preflight from an origin that is not listed (and from any origin by default)", async () => {
    for (const response of [
      await preflight(production, "https://evil.example.test"),
      await preflight(app, LISTED_ORIGIN),
    ]) {
      expect(response.status).toBe(403);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    }
    const simple = await post(
      production,
      { query: "{ __typename }" },
      { origin: "https://evil.example.test" },
    );
    expect(simple.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("allows a preflight and the request from a listed origin", async () => {
    const response = await preflight(production, LISTED_ORIGIN);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(LISTED_ORIGIN);
    expect(response.headers.get("access-control-allow-headers")).toMatch(/authorization/);
    expect(response.headers.get("access-control-allow-headers")).toMatch(/\bidempotency-key\b/);
    expect(response.headers.get("access-control-allow-methods")).toMatch(/POST/);
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    const request = await post(production, { query: "{ __typename }" }, { origin: LISTED_ORIGIN });
    expect(request.headers.get("access-control-allow-origin")).toBe(LISTED_ORIGIN);
    expect(request.headers.get("access-control-expose-headers")?.split(/,\s*/).sort()).toEqual([
      "idempotent-replayed",
      "retry-after",
      "x-request-id",
    ]);
    expect(request.json).toEqual({ data: { __typename: "Query" } });
  });
});
