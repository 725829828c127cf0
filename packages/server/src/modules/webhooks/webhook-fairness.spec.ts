/**
 * One tenant's receiver that accepts the connection and never answers must not delay
 * another tenant's webhooks: the worker runs deliveries side by side, holds at most
 * `perEndpointInFlight` slots for one endpoint, and pauses an endpoint that keeps failing.
 */
import { Role } from "@pn/shared";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sealKeyFrom } from "../../crypto/sealed-box";
import type { Context } from "../../graphql/context";
import { startJobRunner, type JobRunner } from "../../jobs/job-runner";
import { createLogger } from "../../logger";
import { insertViewer } from "../../test-support/fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import { waitFor } from "../../test-support/wait-for";
import { auditService } from "../audit/audit.service";
import type { MailQueue } from "../mail/mail.service";
import { startWebhookSystem, type WebhookSystem } from "./webhook-delivery";

const sealKey = sealKeyFrom("webhook-fairness-spec-secret");
const mail: MailQueue = { enqueue: async () => undefined, sealKey };
const CREATE = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { webhookEndpoint { id } userErrors { code } } }`;

let db: TestDatabase;
let jobs: JobRunner;
let webhooks: WebhookSystem;
let app: TestApp;
let hanging: Server;
let healthy: Server;
/** Requests the hanging receiver holds open, answered only when the spec ends. */
const held: ServerResponse[] = [];
const healthyArrivals: number[] = [];
let hangingOpen = 0;
let hangingMostOpen = 0;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
}

async function endpointFor(url: string) {
  const admin = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
  app.actAs(admin.viewer);
  const created = await app.graphql<{ createWebhookEndpoint: { userErrors: unknown[] } }>(CREATE, {
    input: { url, eventTypes: ["CLIENT_CREATED"] },
  });
  expect(created.body.data?.createWebhookEndpoint.userErrors).toEqual([]);
  return admin;
}

async function publishClientsCreated(viewer: Context["viewer"], accountId: string, count: number) {
  const context = { viewer, ip: "127.0.0.1" } as Context;
  await db.dataSource.transaction((manager) =>
    auditService.record(
      manager,
      context,
      Array.from({ length: count }, (_, index) => ({
        accountId,
        action: "client.created" as const,
        objectType: "Client",
        // One object each, so no delivery waits behind another for ordering.
        objectId: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
      })),
    ),
  );
}

beforeAll(async () => {
  db = await createTestDatabase();
  hanging = createServer((_request, response) => {
    held.push(response);
    hangingOpen += 1;
    hangingMostOpen = Math.max(hangingMostOpen, hangingOpen);
    response.once("close", () => (hangingOpen -= 1));
  });
  healthy = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      healthyArrivals.push(Date.now());
      response.writeHead(204).end();
    });
  });
  const logger = createLogger("silent");
  jobs = await startJobRunner({ databaseUrl: db.url, dataSource: db.dataSource, logger });
  webhooks = await startWebhookSystem({
    jobs,
    dataSource: db.dataSource,
    logger,
    mail,
    sealKey,
    appUrl: "https://pn.example.test",
    settings: {
      allowInternalUrls: true,
      retryDelaySeconds: 1,
      retryBackoff: false,
      timeoutMs: 4_000,
      concurrency: 4,
      perEndpointInFlight: 2,
    },
  });
  await webhooks.startWorker();
  app = await startTestApp(db.dataSource, { mail });
  hanging.keepAliveTimeout = 0;
  return Promise.all([listen(hanging), listen(healthy)]);
});

afterAll(async () => {
  for (const response of held) response.destroy();
  await app?.close();
  await webhooks?.stop();
  await jobs?.stop();
  hanging?.closeAllConnections();
  await Promise.all(
    [hanging, healthy].map((server) => new Promise((resolve) => server?.close(resolve))),
  );
  await db?.drop();
});

it("delivers a healthy tenant's webhook within 15 s while another tenant's receiver hangs", async () => {
  const hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/hooks`;
  const healthyUrl = `http://127.0.0.1:${(healthy.address() as AddressInfo).port}/hooks`;
  const stuck = await endpointFor(hangingUrl);
  const fine = await endpointFor(healthyUrl);

  // A backlog for the hanging receiver first, more than the worker has slots.
  await publishClientsCreated(stuck.viewer, stuck.accountId, 20);
  await waitFor("the hanging receiver to hold its first requests", () =>
    held.length >= 1 ? true : undefined,
  );
  const published = Date.now();
  await publishClientsCreated(fine.viewer, fine.accountId, 1);

  await waitFor("the healthy delivery", () => (healthyArrivals.length ? true : undefined), 15_000);
  expect(healthyArrivals[0]! - published).toBeLessThan(15_000);
  // It keeps failing, so it is paused: its deliveries wait without taking a worker slot.
  const endpoint = await waitFor(
    "the hanging endpoint to be paused",
    async () => {
      const [row] = await db.dataSource.query<{ consecutive_failures: number; paused: boolean }[]>(
        "SELECT consecutive_failures, paused_until IS NOT NULL AS paused FROM webhook_endpoints WHERE account_id = $1",
        [stuck.accountId],
      );
      return row && row.consecutive_failures >= 3 ? row : undefined;
    },
    30_000,
  );
  expect(endpoint.paused).toBe(true);
  // Never more than two requests in flight to the hanging endpoint at once.
  expect(hangingMostOpen).toBeGreaterThanOrEqual(1);
  expect(hangingMostOpen).toBeLessThanOrEqual(2);
}, 60_000);
