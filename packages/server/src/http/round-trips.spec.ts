/**
 * Round trips to PostgreSQL for one warm read with an API token, everything included
 * (issue 20): the credential comes from the process's cache and is re-checked in the
 * BEGIN round trip, the cost budget's charge travels with BEGIN too and its refund with
 * COMMIT, so a read of one statement costs three.
 * Every `query` call of a node-postgres client is one round trip (a simple query, or an
 * extended-protocol exchange up to its Sync), which is what this counts.
 */
import { Role } from "@pn/shared";
import { Client } from "pg";
import { insertUser, insertViewer } from "../test-support/fixtures";
import { startTestApp, type TestApp } from "../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { waitFor } from "../test-support/wait-for";
import { credentialNotificationsDrained } from "../test-support/credential-notifications";

let db: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
  await waitFor("the credential listener", () => (app.credentialCache.vouching ? true : undefined));
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

async function countedRoundTrips(work: () => Promise<void>): Promise<string[]> {
  const sent: string[] = [];
  const original = Client.prototype.query;
  const spy = jest.spyOn(Client.prototype, "query").mockImplementation(function (
    this: Client,
    ...args: unknown[]
  ) {
    const [first] = args;
    const text = typeof first === "string" ? first : (first as { text?: string })?.text;
    // The listener's heartbeat may fall in the window; it is no request's.
    if (text !== "SELECT 1") sent.push(String(text).replace(/\s+/g, " ").slice(0, 2000));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof Client.prototype.query);
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return sent;
}

it("a warm token-authenticated read of one statement costs three round trips", async () => {
  const owner = await insertViewer(db.dataSource, Role.OWNER);
  app.actAs(owner.viewer);
  const created = await app.graphql<{ createApiToken: { secret: string } }>(
    `mutation { createApiToken(input: { name: "count", scopes: [READ] }) { secret } }`,
  );
  const client = app.client();
  client.setBearer(created.body.data!.createApiToken.secret);
  const read = () =>
    client.graphql<{ viewer: { currentAccount: { name: string } } }>(
      "{ viewer { currentAccount { name } } }",
    );
  // The setup's notifications (its member) arrive first; then the first use looks the token
  // up (and records its use), and the next ones are warm.
  await credentialNotificationsDrained(db.dataSource);
  expect((await read()).status).toBe(200);
  expect((await read()).status).toBe(200);

  let answer: Awaited<ReturnType<typeof read>> | null = null;
  const sent = await countedRoundTrips(async () => {
    answer = await read();
  });
  expect(answer!.body.data?.viewer.currentAccount.name).toBeTruthy();
  expect(sent).toEqual([
    expect.stringMatching(
      /^BEGIN; SELECT available, granted, [^;]* FROM pn_spend_cost\(.*; COMMIT; BEGIN; SELECT set_config.*; SELECT EXISTS \(SELECT 1 FROM api_tokens .* AS in_force$/,
    ),
    // The account came with the credential: no statement of its own. This read uses all it
    // reserved: nothing to refund.
    "COMMIT",
  ]);
});

it("Q1 (a partner system's Pending list) costs three round trips: the charge with BEGIN, one statement, COMMIT with the refund", async () => {
  const owner = await insertViewer(db.dataSource, Role.OWNER);
  const [partner] = await db.dataSource.query(
    "INSERT INTO partners (account_id, company_name, status) VALUES ($1, 'Brandt', 'ACTIVE') RETURNING id",
    [owner.accountId],
  );
  for (let i = 0; i < 3; i += 1)
    await db.dataSource.query(
      `INSERT INTO members (account_id, user_id, type, role, status, partner_id, accepted_at)
       VALUES ($1, $2, 'EXTERNAL', 'COLLABORATOR_EXTERNAL', 'PENDING', $3, now())`,
      [owner.accountId, await insertUser(db.dataSource), partner.id],
    );
  app.actAs(owner.viewer);
  const created = await app.graphql<{ createApiToken: { secret: string } }>(
    `mutation { createApiToken(input: { name: "q1", scopes: [READ] }) { secret } }`,
  );
  const client = app.client();
  client.setBearer(created.body.data!.createApiToken.secret);
  type Q1 = {
    viewer: {
      currentAccount: {
        members: {
          nodes: {
            name: string;
            partner: { companyName: string; memberCounts: { pending: number } };
          }[];
        };
      };
    };
  };
  const q1 = () =>
    client.graphql<Q1>(
      "{ viewer { currentAccount { members(first: 50, filter: {status: [PENDING]}) { nodes { name email partner { companyName logoUrl memberCounts { pending } } } } } } }",
    );
  expect((await q1()).status).toBe(200);
  let answer: Awaited<ReturnType<typeof q1>> | null = null;
  const sent = await countedRoundTrips(async () => {
    answer = await q1();
  });
  const nodes = answer!.body.data!.viewer.currentAccount.members.nodes;
  expect(nodes).toHaveLength(3);
  expect(
    nodes.every((n) => n.partner.companyName === "Brandt" && n.partner.memberCounts.pending === 3),
  ).toBe(true);
  expect(sent).toEqual([
    expect.stringMatching(/^BEGIN; SELECT available, granted, [^;]* FROM pn_spend_cost\(/),
    expect.stringMatching(/^SELECT page\.\*, __partner\.id/),
    expect.stringMatching(/^COMMIT; SELECT available, refunded, [^;]* FROM pn_refund_cost\(/),
  ]);
});

it("refunds the unused part of a reservation in the round trip of the COMMIT", async () => {
  const owner = await insertViewer(db.dataSource, Role.OWNER);
  app.actAs(owner.viewer);
  const created = await app.graphql<{ createApiToken: { secret: string } }>(
    `mutation { createApiToken(input: { name: "refund", scopes: [READ] }) { secret } }`,
  );
  const secret = created.body.data!.createApiToken.secret;
  // Fifty members asked for, one there: most of the reservation comes back.
  const read = () =>
    fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-test-real-auth": "1",
        authorization: `Bearer ${secret}`,
      },
      body: JSON.stringify({
        query: "{ viewer { currentAccount { members(first: 50) { nodes { id } } } } }",
      }),
    }).then(
      async (response) =>
        (await response.json()) as {
          extensions: { cost: { requestedQueryCost: number; actualQueryCost: number } };
        },
    );
  await credentialNotificationsDrained(db.dataSource);
  await read();
  let cost: { requestedQueryCost: number; actualQueryCost: number } | null = null;
  const sent = await countedRoundTrips(async () => {
    cost = (await read()).extensions.cost;
  });
  expect(cost!.actualQueryCost).toBeLessThan(cost!.requestedQueryCost);
  expect(sent[0]).toMatch(/^BEGIN; SELECT available, granted, [^;]* FROM pn_spend_cost\(/);
  expect(sent.at(-1)).toMatch(/^COMMIT; SELECT available, refunded, [^;]* FROM pn_refund_cost\(/);
  // Nothing in between looks the token up or touches the budget (the re-check rides with BEGIN).
  expect(sent.slice(1, -1).filter((text) => /rate_limit|api_tokens|sessions/.test(text))).toEqual(
    [],
  );
});
