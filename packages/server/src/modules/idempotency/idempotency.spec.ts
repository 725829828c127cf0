import { Role } from "@pn/shared";
import { randomUUID } from "node:crypto";
import { clock } from "../../clock";
import { sealKeyFrom } from "../../crypto/sealed-box";
import { insertViewer } from "../../test-support/fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import { isFailedMutation } from "./idempotency.middleware";
import { IDEMPOTENCY_KEY_TTL_MS, idempotencyService } from "./idempotency.service";

let db: TestDatabase;
let app: TestApp;

const CREATE_PARTNER = `mutation CreatePartner($input: CreatePartnerInput!) {
  createPartner(input: $input) { partner { id companyName } userErrors { field code message } }
}`;
const PARTNERS = `query Partners { viewer { currentAccount { partners(first: 10) { totalCount } } } }`;
const CREATE_TOKEN = `mutation Token($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret apiToken { id } } }`;

type Body = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

/** A partner system: an API token of a fresh account, calling with raw headers. */
async function partnerSystem() {
  const admin = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
  app.actAs(admin.viewer);
  const created = await app.graphql<{
    createApiToken: { secret: string; apiToken: { id: string } };
  }>(CREATE_TOKEN, {
    input: { name: "integration", scopes: ["READ", "WRITE"] },
  });
  const { secret, apiToken } = created.body.data!.createApiToken;
  return {
    accountId: admin.accountId,
    apiTokenId: apiToken.id,
    async post(query: string, variables: Record<string, unknown> = {}, idempotencyKey?: string) {
      const headers: Record<string, string> = {
        "content-type": "application/json",
        authorization: `Bearer ${secret}`,
        "x-test-real-auth": "1",
      };
      if (idempotencyKey !== undefined) headers["idempotency-key"] = idempotencyKey;
      const response = await fetch(`${app.url}/graphql`, {
        method: "POST",
        headers,
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, headers: response.headers, text: await response.text() };
    },
  };
}

async function partnerCount(accountId: string): Promise<number> {
  const [row] = await db.dataSource.query(
    "SELECT count(*)::int AS n FROM partners WHERE account_id = $1",
    [accountId],
  );
  return row.n;
}

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
});

afterEach(() => clock.reset());

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe("Idempotency-Key on mutations", () => {
  it("a repeated request acts once and gets the first response back, byte for byte", async () => {
    const partner = await partnerSystem();
    const key = randomUUID();
    const input = { input: { companyName: "Globex", domain: "globex.example" } };
    const first = await partner.post(CREATE_PARTNER, input, key);
    const second = await partner.post(CREATE_PARTNER, input, key);

    expect(first.status).toBe(200);
    const firstBody = JSON.parse(first.text) as Body;
    expect(firstBody.errors).toBeUndefined();
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(await partnerCount(partner.accountId)).toBe(1);

    // Variables in another key order are the same request.
    const reordered = await partner.post(
      CREATE_PARTNER,
      { input: { domain: "globex.example", companyName: "Globex" } },
      key,
    );
    expect(reordered.text).toBe(first.text);

    // A new key is a new request.
    await partner.post(CREATE_PARTNER, input, randomUUID());
    expect(await partnerCount(partner.accountId)).toBe(2);
  });

  it("refuses the same key with a different body (422 IDEMPOTENCY_KEY_REUSED) and changes nothing", async () => {
    const partner = await partnerSystem();
    const key = randomUUID();
    await partner.post(CREATE_PARTNER, { input: { companyName: "Initech" } }, key);
    const other = await partner.post(CREATE_PARTNER, { input: { companyName: "Umbrella" } }, key);

    expect(other.status).toBe(422);
    const body = JSON.parse(other.text) as Body;
    expect(body.errors?.[0]?.extensions?.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(body.errors?.[0]?.message).toMatch(/different request/);
    expect(await partnerCount(partner.accountId)).toBe(1);
  });

  it("keeps a key 24 hours: after that the same key acts again", async () => {
    const partner = await partnerSystem();
    const key = randomUUID();
    const input = { input: { companyName: "Hooli" } };
    await partner.post(CREATE_PARTNER, input, key);
    clock.advance(IDEMPOTENCY_KEY_TTL_MS - 60_000);
    const withinDay = await partner.post(CREATE_PARTNER, input, key);
    expect(withinDay.headers.get("idempotent-replayed")).toBe("true");
    expect(await partnerCount(partner.accountId)).toBe(1);

    clock.advance(2 * 60_000);
    const afterDay = await partner.post(CREATE_PARTNER, input, key);
    expect(afterDay.status).toBe(200);
    expect(afterDay.headers.get("idempotent-replayed")).toBeNull();
    expect(await partnerCount(partner.accountId)).toBe(2);
  });

  it("answers a duplicate that arrives while the first is running with 409 IDEMPOTENCY_KEY_IN_PROGRESS", async () => {
    const partner = await partnerSystem();
    const key = randomUUID();
    const body = {
      query: CREATE_PARTNER,
      variables: { input: { companyName: "Vandelay" } },
      operationName: null,
    };
    // The first request has claimed the key and not finished yet.
    const claim = await idempotencyService.claim(
      db.dataSource.manager,
      {
        accountId: partner.accountId,
        credential: `api_token:${await localTokenId(partner.accountId)}`,
      },
      key,
      idempotencyService.requestHash(body),
      sealKeyFrom("test-secret"),
    );
    expect(claim.kind).toBe("claimed");

    const duplicate = await partner.post(CREATE_PARTNER, body.variables, key);
    expect(duplicate.status).toBe(409);
    expect((JSON.parse(duplicate.text) as Body).errors?.[0]?.extensions?.code).toBe(
      "IDEMPOTENCY_KEY_IN_PROGRESS",
    );
    expect(duplicate.headers.get("retry-after")).toBe("1");
    expect(await partnerCount(partner.accountId)).toBe(0);
  });

  it("is ignored for queries, and keys of one credential are not visible to another", async () => {
    const partner = await partnerSystem();
    const key = randomUUID();
    const before = await partner.post(PARTNERS, {}, key);
    await partner.post(CREATE_PARTNER, { input: { companyName: "Stark" } }, randomUUID());
    const after = await partner.post(PARTNERS, {}, key);
    expect(after.headers.get("idempotent-replayed")).toBeNull();
    expect(JSON.parse(before.text)).toMatchObject({
      data: { viewer: { currentAccount: { partners: { totalCount: 0 } } } },
    });
    expect(JSON.parse(after.text)).toMatchObject({
      data: { viewer: { currentAccount: { partners: { totalCount: 1 } } } },
    });
    const [{ n }] = await db.dataSource.query(
      "SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1",
      [key],
    );
    expect(n).toBe(0);

    // Another partner system using the same key string acts on its own.
    const mutationKey = randomUUID();
    await partner.post(CREATE_PARTNER, { input: { companyName: "Wayne" } }, mutationKey);
    const other = await partnerSystem();
    const response = await other.post(
      CREATE_PARTNER,
      { input: { companyName: "Wayne" } },
      mutationKey,
    );
    expect(response.headers.get("idempotent-replayed")).toBeNull();
    expect(await partnerCount(other.accountId)).toBe(1);
  });

  it("stores the response sealed, so a new API token secret is never in the database in clear", async () => {
    // Only a person in a session creates tokens (an API token may not): an administrator's session.
    const admin = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
    app.actAs(admin.viewer);
    const response = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": randomUUID() },
      body: JSON.stringify({
        query: CREATE_TOKEN,
        variables: { input: { name: "second", scopes: ["READ"] } },
      }),
    });
    const secret = ((await response.json()) as { data: { createApiToken: { secret: string } } })
      .data.createApiToken.secret;
    expect(secret).toMatch(/^pn_/);
    const stored = JSON.stringify(await db.dataSource.query("SELECT * FROM idempotency_keys"));
    expect(stored).not.toContain(secret);
    expect(stored).toContain("COMPLETED");
  });

  it("rejects a malformed key with 400 IDEMPOTENCY_KEY_INVALID", async () => {
    const partner = await partnerSystem();
    const response = await partner.post(
      CREATE_PARTNER,
      { input: { companyName: "Acme" } },
      "x".repeat(256),
    );
    expect(response.status).toBe(400);
    expect((JSON.parse(response.text) as Body).errors?.[0]?.extensions?.code).toBe(
      "IDEMPOTENCY_KEY_INVALID",
    );
    expect(await partnerCount(partner.accountId)).toBe(0);
  });
});

async function localTokenId(accountId: string): Promise<string> {
  const [row] = await db.dataSource.query(
    "SELECT id FROM api_tokens WHERE account_id = $1 AND name = 'integration'",
    [accountId],
  );
  return row.id;
}

describe("isFailedMutation (which responses are not stored, so a retry runs again)", () => {
  const internal = {
    message: "Internal server error. Quote request id x.",
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
  it.each([
    ["a 5xx", 500, "{}", true],
    [
      "an internal error without data",
      200,
      JSON.stringify({ data: null, errors: [internal] }),
      true,
    ],
    ["a body that is not JSON", 200, "<html>", true],
    ["a success", 200, JSON.stringify({ data: { createPartner: { userErrors: [] } } }), false],
    [
      "userErrors (nothing changed, and nothing would on a retry)",
      200,
      JSON.stringify({ data: { createPartner: { userErrors: [{ code: "INVALID" }] } } }),
      false,
    ],
    [
      "FORBIDDEN",
      200,
      JSON.stringify({ errors: [{ message: "no", extensions: { code: "FORBIDDEN" } }] }),
      false,
    ],
    [
      "an internal error in a field after the commit",
      200,
      JSON.stringify({ data: { createPartner: { partner: null } }, errors: [internal] }),
      false,
    ],
  ])("%s", (_name, status, body, failed) => {
    expect(isFailedMutation(status, body)).toBe(failed);
  });
});
