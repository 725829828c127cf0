/**
 * The BUILT server with NODE_ENV=production on a fresh database: no demo data (the demo
 * owner's password is public), no debug headers, /metrics only with its token, and
 * request logs (LOG_LEVEL=info) holding no cookie, API token, Authorization value or
 * idempotency key.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabaseIfMissing, dropDatabase, withDatabase } from "../src/db/database-admin";
import { TEST_APP_SECRET } from "../src/test-support/test-database";
import { startServer, waitHealthy, cleanUpServers } from "./faults/support/server-process";

const METRICS_TOKEN = randomBytes(24).toString("hex");
const databaseUrl = withDatabase(
  process.env.PN_TEST_PG_URL!,
  `pn_production_${randomBytes(6).toString("hex")}`,
);
const tempDirs: string[] = [];

beforeAll(() => createDatabaseIfMissing(databaseUrl));
afterAll(async () => {
  await cleanUpServers();
  await dropDatabase(databaseUrl);
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

const LOG_IN = `mutation LogIn($input: LogInInput!) { logIn(input: $input) { user { email } userErrors { code } } }`;
const SIGN_UP = `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { user { email } verificationEmailSent userErrors { code message } } }`;
const WHO = `{ viewer { user { email } } }`;

describe("NODE_ENV=production", () => {
  it("seeds no demo owner, sends no debug header, guards /metrics and keeps credentials out of the logs", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "pn-production-"));
    tempDirs.push(dataDir);
    const server = await startServer({
      dataDir: path.join(dataDir, "data"),
      env: {
        NODE_ENV: "production",
        APP_SECRET: TEST_APP_SECRET,
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: "info",
        METRICS_TOKEN,
        WEB_DIST_DIR: "/nonexistent",
        // SEED_DEMO_DATA is left to its production default.
        SEED_DEMO_DATA: "",
      },
    });
    await waitHealthy(server);
    const graphql = async (
      query: string,
      variables: Record<string, unknown>,
      headers: Record<string, string> = {},
    ) => {
      const response = await fetch(`${server.baseUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { response, body: (await response.json()) as { data?: Record<string, unknown> } };
    };

    const demo = await graphql(LOG_IN, {
      input: { email: "owner@acme.example", password: "partner-network-demo" },
    });
    expect(demo.body.data).toEqual({
      logIn: { user: null, userErrors: [{ code: "BAD_CREDENTIALS" }] },
    });
    expect(demo.response.headers.get("x-sql-statements")).toBeNull();

    const email = `prod-${randomUUID()}@example.test`;
    const password = `pw-${randomBytes(12).toString("hex")}`;
    const signUp = await graphql(SIGN_UP, {
      input: { email, password, name: "Prod Owner", accountName: "Prod Co" },
    });
    expect(signUp.body.data).toEqual({
      signUp: { user: null, verificationEmailSent: true, userErrors: [] },
    });
    // Sign-up starts no session; log-in is allowed before the email is verified.
    const logIn = await graphql(LOG_IN, { input: { email, password } });
    expect(logIn.body.data).toEqual({ logIn: { user: { email }, userErrors: [] } });
    const cookie = logIn.response.headers.getSetCookie()[0]!.split(";")[0]!;
    const cookieValue = cookie.split("=")[1]!;
    const bearer = `pn_${randomBytes(32).toString("base64url")}`;
    const idempotencyKey = randomUUID();
    const who = await graphql(WHO, {}, { cookie, "idempotency-key": idempotencyKey });
    expect(who.body.data).toEqual({ viewer: { user: { email } } });
    expect(who.response.headers.get("x-sql-statements")).toBeNull();
    await graphql(WHO, {}, { authorization: `Bearer ${bearer}` });

    expect((await fetch(`${server.baseUrl}/metrics`)).status).toBe(401);
    const metrics = await fetch(`${server.baseUrl}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^http_request_duration_seconds_count\{/m);

    // The request lines are there, without any credential.
    const output = server.output();
    expect(output).toMatch(/"path":"\/graphql"/);
    expect(output).toMatch(/"status":200/);
    for (const secret of [cookieValue, bearer, idempotencyKey, METRICS_TOKEN, password])
      expect(output).not.toContain(secret);
    expect(output).not.toMatch(/authorization|"cookie"|set-cookie/i);
  }, 90_000);
});
