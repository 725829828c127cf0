/**
 * Publishing and delivering webhook events.
 *
 * Recording: every audit entry whose action is a webhook event becomes one delivery
 * row per subscribed endpoint, written in the audit entry's transaction, plus a
 * pg-boss job in that same transaction (as the mail outbox does).
 *
 * Delivering: a worker claims a delivery, signs it, POSTs it and records the attempt.
 * Failures retry with exponential backoff for about a day. Deliveries about one
 * object go out in order: a delivery waits while an earlier one for the same endpoint
 * and object is still pending, and each finished delivery starts the next.
 */
import { randomBytes } from "node:crypto";
import { toGlobalId } from "@pn/shared";
import { PgBoss, type Job } from "pg-boss";
import type { DataSource, EntityManager } from "typeorm";
import { clock } from "../../clock";
import { open, type SealKey } from "../../crypto/sealed-box";
import { grantJobQueueToAppRole } from "../../db/app-role";
import { jobQueueConnection } from "../../db/job-queue-connection";
import { execute, queryRows } from "../../db/sql";
import type { Logger } from "../../logger";
import { auditService, type AuditEntry, type AuditOrigin } from "../audit/audit.service";
import { mailService, type MailQueue } from "../mail/mail.service";
import { membersService } from "../members/members.service";
import { endpointDisabledEmail } from "./webhook-email";
import { isWebhookEventType } from "./webhook-events";
import { webhookHeaders } from "./webhook-signature";
import { checkWebhookUrl } from "./webhook-url";

export const WEBHOOK_QUEUE_NAME = "webhook-deliver";

export type WebhookSettings = {
  /** Tests and private deployments may send to loopback/private addresses. */
  allowInternalUrls: boolean;
  attempts: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** An endpoint failing without a single success for this long is disabled. */
  disableAfterSeconds: number;
  timeoutMs: number;
};

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  allowInternalUrls: false,
  // With backoff capped at 6 hours, 12 attempts span roughly a day.
  attempts: 12,
  retryDelaySeconds: 60,
  retryBackoff: true,
  disableAfterSeconds: 24 * 60 * 60,
  timeoutMs: 10_000,
};

/** What the GraphQL side needs from the running system: settings and a way to queue replays. */
export type WebhookRuntime = {
  settings: WebhookSettings;
  enqueue(db: EntityManager, deliveryIds: string[]): Promise<void>;
};

let runtime: WebhookRuntime | null = null;

/** The system started in this process, if any (none in tests that do not follow webhooks). */
export function webhookRuntime(): WebhookRuntime | null {
  return runtime;
}

const SECRET_DETAIL = /token|secret|password|hash/i;

function publicDetails(details: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(details ?? {}).filter(([key]) => !SECRET_DETAIL.test(key)),
  );
}

function newMessageId(): string {
  return `msg_${randomBytes(16).toString("base64url")}`;
}

/**
 * A delivery that must wait: an earlier one for the same endpoint and object is still
 * pending. `d` is the delivery in question.
 */
const EARLIER_DELIVERY_PENDING = `EXISTS (
  SELECT 1 FROM webhook_deliveries earlier
  WHERE earlier.endpoint_id = d.endpoint_id AND earlier.object_id = d.object_id
    AND earlier.status = 'PENDING' AND earlier.sequence < d.sequence)`;

async function recordDeliveries(
  db: EntityManager,
  entries: AuditEntry[],
  enqueue: WebhookRuntime["enqueue"],
): Promise<void> {
  const events = entries.filter((entry) => isWebhookEventType(entry.action));
  if (events.length === 0) return;
  const endpoints = await queryRows<{ id: string; account_id: string; event_types: string[] }>(
    db,
    "SELECT id, account_id, event_types FROM webhook_endpoints WHERE account_id = ANY($1::uuid[]) AND enabled",
    [[...new Set(events.map((event) => event.accountId))]],
  );
  if (endpoints.length === 0) return;
  const timestamp = clock.now().toISOString();
  const rows: {
    accountId: string;
    endpointId: string;
    eventType: string;
    objectId: string;
    payload: string;
  }[] = [];
  for (const event of events) {
    const objectId = toGlobalId(event.objectType, event.objectId);
    const payload = JSON.stringify({
      type: event.action,
      timestamp,
      data: { ...publicDetails(event.details), id: objectId, type: event.objectType },
    });
    for (const endpoint of endpoints) {
      if (endpoint.account_id === event.accountId && endpoint.event_types.includes(event.action)) {
        rows.push({
          accountId: event.accountId,
          endpointId: endpoint.id,
          eventType: event.action,
          objectId,
          payload,
        });
      }
    }
  }
  if (rows.length === 0) return;
  const inserted = await queryRows<{ id: string }>(
    db,
    `INSERT INTO webhook_deliveries (account_id, endpoint_id, message_id, event_type, object_id, payload, created_at)
     SELECT a, e, m, t, o, p::jsonb, $7 FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(a, e, m, t, o, p)
     RETURNING id`,
    [
      rows.map((row) => row.accountId),
      rows.map((row) => row.endpointId),
      rows.map(() => newMessageId()),
      rows.map((row) => row.eventType),
      rows.map((row) => row.objectId),
      rows.map((row) => row.payload),
      clock.now(),
    ],
  );
  // Only the first pending delivery per endpoint and object gets a job; the rest follow it.
  const ready = await queryRows<{ id: string }>(
    db,
    `SELECT d.id FROM webhook_deliveries d
     WHERE d.id = ANY($1::uuid[]) AND NOT ${EARLIER_DELIVERY_PENDING}`,
    [inserted.map((row) => row.id)],
  );
  await enqueue(
    db,
    ready.map((row) => row.id),
  );
}

type ClaimedDelivery = {
  id: string;
  account_id: string;
  endpoint_id: string;
  object_id: string;
  message_id: string;
  payload: unknown;
  attempts: number;
  url: string;
  sealed_secret: string;
  enabled: boolean;
};

export type WebhookSystem = {
  runtime: WebhookRuntime;
  startWorker(): Promise<void>;
  stop(): Promise<void>;
};

export async function startWebhookSystem(options: {
  databaseUrl: string;
  dataSource: DataSource;
  logger: Logger;
  mail: MailQueue;
  sealKey: SealKey;
  appUrl: string;
  settings?: Partial<WebhookSettings>;
}): Promise<WebhookSystem> {
  const { dataSource, logger } = options;
  const settings: WebhookSettings = { ...DEFAULT_WEBHOOK_SETTINGS, ...options.settings };
  const boss = new PgBoss({ connectionString: options.databaseUrl, max: 4 });
  boss.on("error", (error: unknown) => logger.error({ err: error }, "webhook queue error"));
  await boss.start();
  // Requests enqueue deliveries in their own transaction, as the app role.
  await grantJobQueueToAppRole(dataSource);
  await boss.createQueue(WEBHOOK_QUEUE_NAME, {
    retryLimit: settings.attempts - 1,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: settings.retryBackoff,
    ...(settings.retryBackoff ? { retryDelayMax: 6 * 60 * 60 } : {}),
  });

  const enqueue: WebhookRuntime["enqueue"] = async (db, deliveryIds) => {
    if (deliveryIds.length === 0) return;
    await boss.insert(
      WEBHOOK_QUEUE_NAME,
      deliveryIds.map((deliveryId) => ({ data: { deliveryId } })),
      // Same transaction as the delivery rows: pg-boss runs its INSERT through our connection.
      { db: jobQueueConnection(db) },
    );
  };

  async function startNextFor(
    db: EntityManager,
    delivery: { id: string; endpoint_id: string; object_id: string },
  ): Promise<void> {
    const next = await queryRows<{ id: string }>(
      db,
      `SELECT id FROM webhook_deliveries WHERE endpoint_id = $1 AND object_id = $2 AND status = 'PENDING' AND id <> $3
       ORDER BY sequence LIMIT 1`,
      [delivery.endpoint_id, delivery.object_id, delivery.id],
    );
    await enqueue(
      db,
      next.map((row) => row.id),
    );
  }

  async function disableIfFailingTooLong(
    db: EntityManager,
    endpointId: string,
    accountId: string,
    url: string,
  ): Promise<void> {
    const now = clock.now();
    const [endpoint] = await queryRows<{ failing_since: Date; enabled: boolean }>(
      db,
      "UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, $2) WHERE id = $1 RETURNING failing_since, enabled",
      [endpointId, now],
    );
    if (
      !endpoint?.enabled ||
      now.getTime() - endpoint.failing_since.getTime() < settings.disableAfterSeconds * 1000
    )
      return;
    const hours = Math.round(settings.disableAfterSeconds / 3600);
    await execute(
      db,
      "UPDATE webhook_endpoints SET enabled = false, disabled_reason = $2 WHERE id = $1",
      [
        endpointId,
        `Disabled automatically: every delivery failed for ${hours === 0 ? `${settings.disableAfterSeconds} seconds` : `${hours} hours`}.`,
      ],
    );
    const recipients = await membersService.adminEmails(db, accountId);
    await mailService.queue(
      db,
      options.mail,
      recipients.map((to) => ({
        accountId,
        invitationId: null,
        to,
        ...endpointDisabledEmail({
          url,
          failingSince: endpoint.failing_since,
          appUrl: options.appUrl,
        }),
        secretLink: null,
      })),
    );
    logger.warn({ endpointId }, "webhook endpoint disabled after failing too long");
  }

  async function deliver(job: Job<{ deliveryId: string }>): Promise<void> {
    // A lease rather than a lock: no transaction stays open during the HTTP call.
    const [delivery] = await queryRows<ClaimedDelivery>(
      dataSource.manager,
      `UPDATE webhook_deliveries d SET claimed_until = now() + interval '1 minute'
       FROM webhook_endpoints e
       WHERE d.id = $1 AND e.id = d.endpoint_id AND d.status = 'PENDING'
         AND (d.claimed_until IS NULL OR d.claimed_until < now())
         AND NOT ${EARLIER_DELIVERY_PENDING}
       RETURNING d.id, d.account_id, d.endpoint_id, d.object_id, d.message_id, d.payload, d.attempts, e.url, e.sealed_secret, e.enabled`,
      [job.data.deliveryId],
    );
    // Done already, waiting behind an earlier one (which will start it), or another worker has it.
    if (!delivery) return;

    const started = performance.now();
    let statusCode: number | null = null;
    let failure: string | null = null;
    if (!delivery.enabled) {
      failure = "The endpoint is disabled.";
    } else {
      try {
        const check = await checkWebhookUrl(delivery.url, settings.allowInternalUrls);
        if (!check.ok) throw new Error(check.reason);
        const body = JSON.stringify(delivery.payload);
        const timestamp = Math.floor(clock.now().getTime() / 1000);
        const secret = open(delivery.sealed_secret, options.sealKey);
        const response = await fetch(check.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "user-agent": "PartnerNetwork-Webhooks/1.0",
            ...webhookHeaders(secret, delivery.message_id, timestamp, body),
          },
          body,
          // A redirect could lead to an internal address the URL check never saw.
          redirect: "manual",
          signal: AbortSignal.timeout(settings.timeoutMs),
        });
        statusCode = response.status;
        await response.body?.cancel();
        if (statusCode < 200 || statusCode >= 300)
          failure = `The receiver answered HTTP ${statusCode}.`;
      } catch (error) {
        failure = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      }
    }
    const durationMs = Math.round(performance.now() - started);
    const lastAttempt = !delivery.enabled || job.retryCount >= settings.attempts - 1;

    await dataSource.transaction(async (db) => {
      await execute(
        db,
        `INSERT INTO webhook_attempts (account_id, delivery_id, attempt, attempted_at, status_code, duration_ms, error)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          delivery.account_id,
          delivery.id,
          delivery.attempts + 1,
          clock.now(),
          statusCode,
          durationMs,
          failure,
        ],
      );
      if (!failure) {
        await execute(
          db,
          "UPDATE webhook_deliveries SET status = 'DELIVERED', attempts = attempts + 1, claimed_until = NULL, completed_at = $2 WHERE id = $1",
          [delivery.id, clock.now()],
        );
        await execute(db, "UPDATE webhook_endpoints SET failing_since = NULL WHERE id = $1", [
          delivery.endpoint_id,
        ]);
      } else {
        await execute(
          db,
          `UPDATE webhook_deliveries SET attempts = attempts + 1, claimed_until = NULL,
             status = CASE WHEN $2 THEN 'FAILED' ELSE status END, completed_at = CASE WHEN $2 THEN $3::timestamptz END
           WHERE id = $1`,
          [delivery.id, lastAttempt, clock.now()],
        );
        if (delivery.enabled)
          await disableIfFailingTooLong(
            db,
            delivery.endpoint_id,
            delivery.account_id,
            delivery.url,
          );
      }
      if (!failure || lastAttempt) await startNextFor(db, delivery);
    });
    if (failure && !lastAttempt) {
      logger.info(
        { deliveryId: delivery.id, attempt: delivery.attempts + 1, statusCode },
        "webhook delivery failed; will retry",
      );
      throw new Error(failure);
    }
  }

  const subscriber = (db: EntityManager, _origin: AuditOrigin, entries: AuditEntry[]) =>
    recordDeliveries(db, entries, enqueue);
  auditService.subscribe(subscriber);
  runtime = { settings, enqueue };

  const system: WebhookSystem = {
    runtime,
    async startWorker() {
      await boss.work<{ deliveryId: string }>(
        WEBHOOK_QUEUE_NAME,
        { pollingIntervalSeconds: 0.5, batchSize: 1 },
        async ([job]) => {
          if (job) await deliver(job);
        },
      );
    },
    async stop() {
      auditService.unsubscribe(subscriber);
      if (runtime === system.runtime) runtime = null;
      await boss.stop({ graceful: true, timeout: 8_000 });
    },
  };
  return system;
}
