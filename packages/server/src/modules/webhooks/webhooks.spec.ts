/**
 * Webhooks end to end inside the test process: endpoints registered over GraphQL,
 * events published in the transaction of the change, the real pg-boss worker, and a
 * real HTTP receiver that verifies signatures the way the specification describes.
 */
import { fromGlobalId, MemberStatus, Role, toGlobalId, type AuditAction } from "@pn/shared";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { clock } from "../../clock";
import { sealKeyFrom } from "../../crypto/sealed-box";
import type { Context } from "../../graphql/context";
import { createLogger } from "../../logger";
import { insertViewer } from "../../test-support/fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import { waitFor } from "../../test-support/wait-for";
import { auditService, type AuditEntry } from "../audit/audit.service";
import type { MailQueue } from "../mail/mail.service";
import { recordExpiredInvitations } from "../invitations/invitation-expiry";
import { startJobRunner, type JobRunner } from "../../jobs/job-runner";
import { startWebhookSystem, type WebhookSystem } from "./webhook-delivery";
import { signWebhook, verifyWebhook } from "./webhook-signature";
import { checkWebhookUrl, isInternalAddress } from "./webhook-url";

type Received = {
  id: string;
  type: string;
  objectId: string;
  verified: boolean;
  body: Record<string, unknown>;
};

let db: TestDatabase;
let receiver: Server;
let receiverUrl: string;
let app: TestApp;
let webhooks: WebhookSystem;
let jobs: JobRunner;
const received: Received[] = [];
/** The receiver answers 500 while this is above zero (counting down per request). */
let failuresLeft = 0;
let alwaysFail = false;
let secretForVerification = "";
const sealKey = sealKeyFrom("webhooks-spec-secret");
const mail: MailQueue = { enqueue: async () => undefined, sealKey };

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => resolve(body));
  });
}

/** Publishes events the way a service does: audit entries inside a transaction. */
async function publish(viewer: Context["viewer"], entries: AuditEntry[]): Promise<void> {
  const context = { viewer, ip: "127.0.0.1" } as Context;
  await db.dataSource.transaction((manager) => auditService.record(manager, context, entries));
}

const CREATE = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { webhookEndpoint { id url eventTypes enabled } secret userErrors { field code message } } }`;

beforeAll(async () => {
  db = await createTestDatabase();
  receiver = createServer(async (request, response) => {
    const body = await readBody(request);
    if (alwaysFail || failuresLeft > 0) {
      failuresLeft = Math.max(0, failuresLeft - 1);
      response.writeHead(500).end("not now");
      return;
    }
    const headers = {
      "webhook-id": request.headers["webhook-id"] as string | undefined,
      "webhook-timestamp": request.headers["webhook-timestamp"] as string | undefined,
      "webhook-signature": request.headers["webhook-signature"] as string | undefined,
    };
    const parsed = JSON.parse(body) as { type: string; data: { id: string } };
    received.push({
      id: headers["webhook-id"] ?? "",
      type: parsed.type,
      objectId: parsed.data.id,
      // The server signs with its clock, which tests move forward.
      verified: verifyWebhook(
        secretForVerification,
        headers,
        body,
        Math.floor(clock.now().getTime() / 1000),
      ),
      body: parsed as unknown as Record<string, unknown>,
    });
    response.writeHead(204).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  jobs = await startJobRunner({
    databaseUrl: db.url,
    dataSource: db.dataSource,
    logger: createLogger("silent"),
  });
  webhooks = await startWebhookSystem({
    jobs,
    dataSource: db.dataSource,
    logger: createLogger("silent"),
    mail,
    sealKey,
    appUrl: "https://pn.example.test",
    settings: {
      allowInternalUrls: true,
      attempts: 4,
      retryDelaySeconds: 1,
      retryBackoff: false,
      disableAfterSeconds: 3600,
      timeoutMs: 5_000,
    },
  });
  await webhooks.startWorker();
  app = await startTestApp(db.dataSource, { mail });
});

afterAll(async () => {
  clock.reset();
  await app?.close();
  await webhooks?.stop();
  await jobs?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
  await db?.drop();
});

describe("signatures", () => {
  it("match the Standard Webhooks reference vector", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const signature = signWebhook(
      secret,
      "msg_p5jXN8AQM9LWM0D4loKWxJek",
      1614265330,
      '{"test": 2432232314}',
    );
    expect(signature).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("fail verification when the body, the secret or the time is off", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const now = 1_700_000_000;
    const headers = {
      "webhook-id": "msg_1",
      "webhook-timestamp": String(now),
      "webhook-signature": signWebhook(secret, "msg_1", now, "{}"),
    };
    expect(verifyWebhook(secret, headers, "{}", now)).toBe(true);
    expect(verifyWebhook(secret, headers, '{"a":1}', now)).toBe(false);
    expect(verifyWebhook("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", headers, "{}", now)).toBe(false);
    expect(verifyWebhook(secret, headers, "{}", now + 10 * 60)).toBe(false);
  });
});

describe("endpoint URLs", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "::1",
    "fe80::1",
    "fd00::1",
    "::ffff:127.0.0.1",
  ])("%s is internal", (address) => expect(isInternalAddress(address)).toBe(true));

  it.each(["93.184.216.34", "8.8.8.8", "2606:4700::1111"])("%s is public", (address) =>
    expect(isInternalAddress(address)).toBe(false),
  );

  it("refuses loopback, private and link-local URLs unless the setting allows them", async () => {
    for (const url of [
      "http://127.0.0.1:9/x",
      "http://localhost/x",
      "https://[::1]/x",
      "http://169.254.169.254/latest/meta-data",
      "http://10.0.0.5/",
    ]) {
      expect(await checkWebhookUrl(url, false)).toMatchObject({ ok: false });
    }
    expect(await checkWebhookUrl("ftp://93.184.216.34/", false)).toMatchObject({ ok: false });
    expect(await checkWebhookUrl("https://user:pw@93.184.216.34/", false)).toMatchObject({
      ok: false,
    });
    expect(await checkWebhookUrl("https://93.184.216.34/hooks", false)).toMatchObject({ ok: true });
    expect(await checkWebhookUrl("http://127.0.0.1:9/x", true)).toMatchObject({ ok: true });
  });
});

describe("endpoints over GraphQL", () => {
  it("returns the secret once, validates input, and is for admins of the account only", async () => {
    const admin = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
    app.actAs(admin.viewer);
    const bad = await app.graphql<{
      createWebhookEndpoint: { userErrors: { field: string[]; code: string }[] };
    }>(CREATE, {
      input: { url: "not a url", eventTypes: [] },
    });
    expect(
      bad.body.data?.createWebhookEndpoint.userErrors.map((e) => [e.field.join("."), e.code]),
    ).toEqual([
      ["url", "INVALID"],
      ["eventTypes", "INVALID"],
    ]);
    const created = await app.graphql<{
      createWebhookEndpoint: { webhookEndpoint: { id: string }; secret: string };
    }>(CREATE, {
      input: { url: receiverUrl, eventTypes: ["MEMBER_ACTIVATED"] },
    });
    const { webhookEndpoint, secret } = created.body.data!.createWebhookEndpoint;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    const [stored] = await db.dataSource.query(
      "SELECT sealed_secret FROM webhook_endpoints WHERE account_id = $1",
      [admin.accountId],
    );
    expect(stored.sealed_secret).not.toContain(secret.slice(6));

    const listed = await app.graphql<{
      viewer: { currentAccount: { webhookEndpoints: { id: string; url: string }[] } };
    }>("{ viewer { currentAccount { webhookEndpoints { id url } } } }");
    expect(listed.body.data?.viewer.currentAccount.webhookEndpoints).toEqual([
      { id: webhookEndpoint.id, url: receiverUrl },
    ]);

    const editor = await insertViewer(db.dataSource, Role.EDITOR, admin.accountId);
    app.actAs(editor.viewer);
    const forbidden = await app.graphql(CREATE, {
      input: { url: receiverUrl, eventTypes: ["MEMBER_ACTIVATED"] },
    });
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const stranger = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(stranger.viewer);
    const node = await app.graphql<{ node: unknown }>("query($id: ID!) { node(id: $id) { id } }", {
      id: webhookEndpoint.id,
    });
    expect(node.body.data?.node).toBeNull();
    const update = await app.graphql<{ updateWebhookEndpoint: { userErrors: { code: string }[] } }>(
      "mutation($id: ID!) { updateWebhookEndpoint(input: { id: $id, enabled: false }) { userErrors { code } } }",
      { id: webhookEndpoint.id },
    );
    expect(update.body.data?.updateWebhookEndpoint.userErrors).toEqual([{ code: "NOT_FOUND" }]);
    const removal = await app.graphql<{
      deleteWebhookEndpoint: { userErrors: { code: string }[] };
    }>("mutation($id: ID!) { deleteWebhookEndpoint(input: { id: $id }) { userErrors { code } } }", {
      id: webhookEndpoint.id,
    });
    expect(removal.body.data?.deleteWebhookEndpoint.userErrors).toEqual([{ code: "NOT_FOUND" }]);
    const [{ count }] = await db.dataSource.query(
      "SELECT count(*)::int AS count FROM webhook_endpoints WHERE account_id = $1 AND enabled",
      [admin.accountId],
    );
    expect(count).toBe(1);
  });
});

describe("delivery", () => {
  it("signs each event, delivers each once in order per object through a failing stretch, logs attempts, and replays", async () => {
    const admin = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(admin.viewer);
    const created = await app.graphql<{
      createWebhookEndpoint: { webhookEndpoint: { id: string }; secret: string };
    }>(CREATE, {
      input: {
        url: receiverUrl,
        eventTypes: ["MEMBER_ACTIVATED", "MEMBER_ARCHIVED", "MEMBER_RESTORED", "MEMBER_UPDATED"],
      },
    });
    secretForVerification = created.body.data!.createWebhookEndpoint.secret;
    const endpointId = created.body.data!.createWebhookEndpoint.webhookEndpoint.id;
    received.length = 0;

    // The receiver fails its next 3 requests: the first event retries, and the later ones wait behind it.
    failuresLeft = 3;
    const memberA = "11111111-1111-4111-8111-111111111111";
    const memberB = "22222222-2222-4222-8222-222222222222";
    const sequence: [AuditAction, string][] = [
      ["member.activated", memberA],
      ["member.updated", memberA],
      ["member.activated", memberB],
      ["member.archived", memberA],
      ["member.restored", memberA],
      ["partner.invited", memberA], // not a webhook event: never delivered
    ];
    for (const [action, objectId] of sequence) {
      await publish(admin.viewer, [
        {
          accountId: admin.accountId,
          action,
          objectType: "Member",
          objectId,
          details: { status: MemberStatus.ACTIVE },
        },
      ]);
    }
    await waitFor("5 deliveries", () => (received.length >= 5 ? true : undefined), 60_000);
    // Nothing more arrives once everything is delivered.
    await waitFor("no pending deliveries", async () => {
      const [{ count }] = await db.dataSource.query(
        "SELECT count(*)::int AS count FROM webhook_deliveries WHERE status = 'PENDING'",
      );
      return count === 0 ? true : undefined;
    });
    expect(received).toHaveLength(5);
    expect(received.every((message) => message.verified)).toBe(true);
    expect(new Set(received.map((message) => message.id)).size).toBe(5);
    const aId = received.find((message) => message.type === "member.archived")!.objectId;
    expect(
      received.filter((message) => message.objectId === aId).map((message) => message.type),
    ).toEqual(["member.activated", "member.updated", "member.archived", "member.restored"]);
    expect(received[0]!.body).toMatchObject({
      type: expect.any(String),
      timestamp: expect.any(String),
      data: { type: "Member", status: "ACTIVE" },
    });

    type Log = {
      deliveries: {
        nodes: {
          id: string;
          messageId: string;
          eventType: string;
          status: string;
          attempts: { attempt: number; statusCode: number | null; durationMs: number }[];
        }[];
      };
    };
    const log = await app.graphql<{ node: Log }>(
      `query($id: ID!) { node(id: $id) { ... on WebhookEndpoint { deliveries(first: 10) { nodes { id messageId eventType status attempts { attempt statusCode durationMs } } } } } }`,
      { id: endpointId },
    );
    const deliveries = log.body.data!.node.deliveries.nodes;
    expect(deliveries).toHaveLength(5);
    expect(deliveries.every((delivery) => delivery.status === "DELIVERED")).toBe(true);
    const retried = deliveries.find((delivery) => delivery.attempts.length > 1)!;
    expect(retried.attempts.map((attempt) => attempt.statusCode)).toEqual([
      ...Array(retried.attempts.length - 1).fill(500),
      204,
    ]);

    const replay = await app.graphql<{
      replayWebhookDelivery: { delivery: { status: string }; userErrors: unknown[] };
    }>(
      "mutation($id: ID!) { replayWebhookDelivery(input: { deliveryId: $id }) { delivery { status } userErrors { code } } }",
      { id: retried.id },
    );
    expect(replay.body.data?.replayWebhookDelivery).toEqual({
      delivery: { status: "PENDING" },
      userErrors: [],
    });
    await waitFor("the replay", () => (received.length === 6 ? true : undefined));
    expect(received[5]!.id).toBe(retried.messageId);
    expect(received[5]!.verified).toBe(true);
  });

  it("publishes what real mutations record: an invitation's life and a member's update, in order", async () => {
    const admin = await insertViewer(db.dataSource, Role.OWNER);
    await db.dataSource.query("UPDATE accounts SET plan = 'TEAM' WHERE id = $1", [admin.accountId]);
    app.actAs(admin.viewer);
    const created = await app.graphql<{ createWebhookEndpoint: { secret: string } }>(CREATE, {
      input: {
        url: receiverUrl,
        eventTypes: ["INVITATION_CREATED", "INVITATION_REVOKED", "MEMBER_UPDATED"],
      },
    });
    secretForVerification = created.body.data!.createWebhookEndpoint.secret;
    received.length = 0;
    const invited = await app.graphql<{ inviteUsers: { invitations: { id: string }[] } }>(
      `mutation { inviteUsers(input: { invitees: [{ email: "hooked@example.test", role: VIEWER }] }) { invitations { id } userErrors { code } } }`,
    );
    const invitationId = invited.body.data!.inviteUsers.invitations[0]!.id;
    await app.graphql(
      `mutation($id: ID!) { revokeInvitation(input: { invitationId: $id }) { userErrors { code } } }`,
      { id: invitationId },
    );
    const editor = await insertViewer(db.dataSource, Role.EDITOR, admin.accountId);
    await app.graphql(
      `mutation($id: ID!) { updateMember(input: { memberId: $id, title: "Lead" }) { userErrors { code } } }`,
      {
        id: toGlobalId("Member", editor.memberId),
      },
    );
    await waitFor("three events", () => (received.length >= 3 ? true : undefined));
    expect(received.every((message) => message.verified)).toBe(true);
    expect(
      received
        .filter((message) => message.objectId === invitationId)
        .map((message) => message.type),
    ).toEqual(["invitation.created", "invitation.revoked"]);
    expect(received.find((message) => message.type === "member.updated")?.objectId).toBe(
      toGlobalId("Member", editor.memberId),
    );
    expect(JSON.stringify(received.map((message) => message.body))).not.toMatch(
      /invite\/|pn_|whsec_/,
    );
  });

  it("publishes invitation.expired once per lifetime, from the scheduled sweep", async () => {
    const admin = await insertViewer(db.dataSource, Role.OWNER);
    await db.dataSource.query("UPDATE accounts SET plan = 'TEAM' WHERE id = $1", [admin.accountId]);
    app.actAs(admin.viewer);
    const created = await app.graphql<{ createWebhookEndpoint: { secret: string } }>(CREATE, {
      input: { url: receiverUrl, eventTypes: ["INVITATION_EXPIRED"] },
    });
    secretForVerification = created.body.data!.createWebhookEndpoint.secret;
    received.length = 0;
    const invited = await app.graphql<{ inviteUsers: { invitations: { id: string }[] } }>(
      `mutation { inviteUsers(input: { invitees: [{ email: "expiring@example.test", role: VIEWER }] }) { invitations { id } } }`,
    );
    const invitationId = invited.body.data!.inviteUsers.invitations[0]!.id;
    expect(await recordExpiredInvitations(db.dataSource)).toBe(0);
    clock.advance(49 * 3600 * 1000);
    try {
      expect(await recordExpiredInvitations(db.dataSource)).toBeGreaterThanOrEqual(1);
      // A second sweep finds nothing new: each expiry is published once.
      expect(await recordExpiredInvitations(db.dataSource)).toBe(0);
      const message = await waitFor("invitation.expired", () =>
        received.find((entry) => entry.objectId === invitationId),
      );
      expect(message).toMatchObject({ type: "invitation.expired", verified: true });
    } finally {
      clock.reset();
    }
    const trail = await db.dataSource.query(
      "SELECT via, actor_user_id FROM audit_events WHERE action = 'invitation.expired' AND object_id = $1",
      [fromGlobalId(invitationId)!.id],
    );
    expect(trail).toEqual([{ via: "system", actor_user_id: null }]);
  });

  it("disables an endpoint that fails for too long and tells the admins", async () => {
    const admin = await insertViewer(db.dataSource, Role.OWNER);
    app.actAs(admin.viewer);
    const created = await app.graphql<{
      createWebhookEndpoint: { webhookEndpoint: { id: string } };
    }>(CREATE, {
      input: { url: receiverUrl, eventTypes: ["CLIENT_CREATED"] },
    });
    const endpointId = created.body.data!.createWebhookEndpoint.webhookEndpoint.id;
    alwaysFail = true;
    try {
      await publish(admin.viewer, [
        {
          accountId: admin.accountId,
          action: "client.created",
          objectType: "Client",
          objectId: "33333333-3333-4333-8333-333333333333",
        },
      ]);
      await waitFor("a failed attempt", async () => {
        const [row] = await db.dataSource.query(
          "SELECT failing_since FROM webhook_endpoints WHERE account_id = $1",
          [admin.accountId],
        );
        return row?.failing_since ? true : undefined;
      });
      clock.advance(2 * 3600 * 1000);
      await waitFor("the endpoint disabled", async () => {
        const [row] = await db.dataSource.query(
          "SELECT enabled, disabled_reason FROM webhook_endpoints WHERE account_id = $1",
          [admin.accountId],
        );
        return row?.enabled === false ? row : undefined;
      });
    } finally {
      alwaysFail = false;
      clock.reset();
    }
    const emails = await db.dataSource.query(
      "SELECT to_address, subject FROM outbox WHERE account_id = $1",
      [admin.accountId],
    );
    expect(emails).toEqual([
      expect.objectContaining({ subject: "A webhook endpoint was disabled" }),
    ]);
    // Disabled endpoints get no new deliveries.
    await publish(admin.viewer, [
      {
        accountId: admin.accountId,
        action: "client.created",
        objectType: "Client",
        objectId: "44444444-4444-4444-8444-444444444444",
      },
    ]);
    const [{ count }] = await db.dataSource.query(
      "SELECT count(*)::int AS count FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE e.account_id = $1",
      [admin.accountId],
    );
    expect(count).toBe(1);
    const reenabled = await app.graphql<{
      updateWebhookEndpoint: { webhookEndpoint: { enabled: boolean } };
    }>(
      "mutation($id: ID!) { updateWebhookEndpoint(input: { id: $id, enabled: true }) { webhookEndpoint { enabled } } }",
      { id: endpointId },
    );
    expect(reenabled.body.data?.updateWebhookEndpoint.webhookEndpoint.enabled).toBe(true);
  });
});
