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
import type { Job } from "pg-boss";
import type { DataSource, EntityManager } from "typeorm";
import { clock } from "../../clock";
import { open, type SealKey } from "../../crypto/sealed-box";
import { execute, queryRows } from "../../db/sql";
import type { JobRunner } from "../../jobs/job-runner";
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
  /** The whole attempt: address check, connect, request and the receiver's answer. */
  timeoutMs: number;
  /** Deliveries in flight at once in this process (WEBHOOK_CONCURRENCY). */
  concurrency: number;
  /** Deliveries in flight at once to one endpoint, across every process. */
  perEndpointInFlight: number;
  /** Failed attempts in a row after which an endpoint is paused... */
  pauseAfterFailures: number;
  /** ...for the retry delay, doubling with each further failure, up to this long. */
  maxPauseSeconds: number;
};

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  allowInternalUrls: false,
  // With backoff capped at 6 hours, 12 attempts span roughly a day.
  attempts: 12,
  retryDelaySeconds: 60,
  retryBackoff: true,
  disableAfterSeconds: 24 * 60 * 60,
  timeoutMs: 10_000,
  // Svix and Stripe isolate slow receivers the same way: many deliveries at once overall,
  // few per endpoint, and a circuit that opens on repeated failure.
  concurrency: 8,
  perEndpointInFlight: 2,
  pauseAfterFailures: 3,
  maxPauseSeconds: 60 * 60,
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
  enqueue: (db: EntityManager, deliveries: { id: string; endpoint_id: string }[]) => Promise<void>,
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
  const ready = await queryRows<{ id: string; endpoint_id: string }>(
    db,
    `SELECT d.id, d.endpoint_id FROM webhook_deliveries d
     WHERE d.id = ANY($1::uuid[]) AND NOT ${EARLIER_DELIVERY_PENDING}`,
    [inserted.map((row) => row.id)],
  );
  await enqueue(db, ready);
}

/** `priorAttempts`: attempts used by earlier jobs of this delivery (one postponed by a pause). */
type DeliveryJob = { deliveryId: string; priorAttempts?: number };

function attemptsUsed(job: Job<DeliveryJob>): number {
  return (job.data.priorAttempts ?? 0) + job.retryCount;
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
  jobs: JobRunner;
  dataSource: DataSource;
  logger: Logger;
  mail: MailQueue;
  sealKey: SealKey;
  appUrl: string;
  settings?: Partial<WebhookSettings>;
}): Promise<WebhookSystem> {
  const { dataSource, logger } = options;
  const settings: WebhookSettings = { ...DEFAULT_WEBHOOK_SETTINGS, ...options.settings };
  const { jobs } = options;
  const { boss } = jobs;
  await boss.createQueue(WEBHOOK_QUEUE_NAME, {
    retryLimit: settings.attempts - 1,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: settings.retryBackoff,
    ...(settings.retryBackoff ? { retryDelayMax: 6 * 60 * 60 } : {}),
  });

  /** Each job is in its endpoint's group, which bounds the deliveries in flight per endpoint. */
  async function enqueueDeliveries(
    db: EntityManager,
    deliveries: { id: string; endpoint_id: string }[],
    options: { startAfter?: Date; priorAttempts?: number } = {},
  ): Promise<void> {
    await jobs.insertInTransaction<DeliveryJob>(
      db,
      WEBHOOK_QUEUE_NAME,
      deliveries.map((delivery) => ({
        data: {
          deliveryId: delivery.id,
          ...(options.priorAttempts ? { priorAttempts: options.priorAttempts } : {}),
        },
        group: { id: delivery.endpoint_id },
        ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      })),
    );
  }

  const enqueue: WebhookRuntime["enqueue"] = async (db, deliveryIds) => {
    if (deliveryIds.length === 0) return;
    const deliveries = await queryRows<{ id: string; endpoint_id: string }>(
      db,
      "SELECT id, endpoint_id FROM webhook_deliveries WHERE id = ANY($1::uuid[])",
      [deliveryIds],
    );
    await enqueueDeliveries(db, deliveries);
  };

  async function startNextFor(
    db: EntityManager,
    delivery: { id: string; endpoint_id: string; object_id: string },
  ): Promise<void> {
    const next = await queryRows<{ id: string; endpoint_id: string }>(
      db,
      `SELECT id, endpoint_id FROM webhook_deliveries WHERE endpoint_id = $1 AND object_id = $2 AND status = 'PENDING' AND id <> $3
       ORDER BY sequence LIMIT 1`,
      [delivery.endpoint_id, delivery.object_id, delivery.id],
    );
    await enqueueDeliveries(db, next);
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

  /**
   * Claims a delivery for one attempt, or says when to try it again: while its endpoint is
   * paused, or already has `perEndpointInFlight` attempts in flight. The endpoint row is
   * locked first, so two workers cannot both see a free place (pg-boss's group limit is
   * checked per fetch and can let a few more through when workers fetch at once).
   */
  function claim(
    deliveryId: string,
  ): Promise<
    { delivery: ClaimedDelivery } | { retryAt: Date; endpointId: string } | { done: true }
  > {
    return dataSource.transaction(async (db) => {
      const [endpoint] = await queryRows<{ id: string; paused_until: Date | null; now: Date }>(
        db,
        `SELECT e.id, CASE WHEN e.paused_until > now() THEN e.paused_until END AS paused_until, now() AS now
         FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
         WHERE d.id = $1 AND d.status = 'PENDING' FOR UPDATE OF e`,
        [deliveryId],
      );
      if (!endpoint) return { done: true };
      if (endpoint.paused_until) return { retryAt: endpoint.paused_until, endpointId: endpoint.id };
      const [busy] = await queryRows<{ in_flight: number }>(
        db,
        `SELECT count(*)::int AS in_flight FROM webhook_deliveries
         WHERE endpoint_id = $1 AND status = 'PENDING' AND claimed_until > now()`,
        [endpoint.id],
      );
      if (busy && busy.in_flight >= settings.perEndpointInFlight)
        return { retryAt: new Date(endpoint.now.getTime() + 1_000), endpointId: endpoint.id };
      // A lease rather than a lock: no transaction stays open during the HTTP call.
      const [delivery] = await queryRows<ClaimedDelivery>(
        db,
        `UPDATE webhook_deliveries d SET claimed_until = now() + interval '1 minute'
         FROM webhook_endpoints e
         WHERE d.id = $1 AND e.id = d.endpoint_id AND d.status = 'PENDING'
           AND (d.claimed_until IS NULL OR d.claimed_until < now())
           AND NOT ${EARLIER_DELIVERY_PENDING}
         RETURNING d.id, d.account_id, d.endpoint_id, d.object_id, d.message_id, d.payload, d.attempts, e.url, e.sealed_secret, e.enabled`,
        [deliveryId],
      );
      // Without a claim: waiting behind an earlier one (which will start it), or another worker has it.
      return delivery ? { delivery } : { done: true };
    });
  }

  const noAnswerInTime = `The receiver did not answer within ${settings.timeoutMs / 1000} s.`;

  /** Rejects when the attempt's deadline passes first (the address check has no signal of its own). */
  function beforeDeadline<T>(work: Promise<T>, deadline: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onDeadline = () => reject(new Error(noAnswerInTime));
      if (deadline.aborted) return onDeadline();
      deadline.addEventListener("abort", onDeadline, { once: true });
      work.then(resolve, reject).finally(() => deadline.removeEventListener("abort", onDeadline));
    });
  }

  /** One POST with one deadline for all of it; the failure's reason, or null when the receiver took it. */
  async function attempt(
    delivery: ClaimedDelivery,
  ): Promise<{ statusCode: number | null; failure: string | null }> {
    const deadline = AbortSignal.timeout(settings.timeoutMs);
    try {
      const check = await beforeDeadline(
        checkWebhookUrl(delivery.url, settings.allowInternalUrls),
        deadline,
      );
      if (!check.ok) return { statusCode: null, failure: check.reason };
      const body = JSON.stringify(delivery.payload);
      const timestamp = Math.floor(clock.now().getTime() / 1000);
      const secret = open(delivery.sealed_secret, options.sealKey);
      const response = await beforeDeadline(
        fetch(check.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "user-agent": "PartnerNetwork-Webhooks/1.0",
            ...webhookHeaders(secret, delivery.message_id, timestamp, body),
          },
          body,
          // A redirect could lead to an internal address the URL check never saw.
          redirect: "manual",
          signal: deadline,
        }),
        deadline,
      );
      await response.body?.cancel();
      const failure =
        response.status < 200 || response.status >= 300
          ? `The receiver answered HTTP ${response.status}.`
          : null;
      return { statusCode: response.status, failure };
    } catch (error) {
      const reason =
        deadline.aborted || (error instanceof Error && error.name === "TimeoutError")
          ? noAnswerInTime
          : error instanceof Error
            ? error.message
            : String(error);
      return { statusCode: null, failure: reason.slice(0, 500) };
    }
  }

  /** Counts the failure against the endpoint and pauses it once they come in a row. */
  async function recordEndpointFailure(db: EntityManager, endpointId: string): Promise<void> {
    await execute(
      db,
      `UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1,
         paused_until = CASE WHEN consecutive_failures + 1 >= $2
           THEN now() + make_interval(secs => least($3 * power(2, consecutive_failures + 1 - $2), $4))
         END
       WHERE id = $1`,
      [
        endpointId,
        settings.pauseAfterFailures,
        settings.retryDelaySeconds,
        settings.maxPauseSeconds,
      ],
    );
  }

  async function deliver(job: Job<DeliveryJob>): Promise<void> {
    const claimed = await claim(job.data.deliveryId);
    if ("done" in claimed) return;
    if ("retryAt" in claimed) {
      // Back when the endpoint has room again; it holds no worker slot meanwhile, and the
      // attempts used so far travel with it.
      await dataSource.transaction((db) =>
        enqueueDeliveries(db, [{ id: job.data.deliveryId, endpoint_id: claimed.endpointId }], {
          startAfter: claimed.retryAt,
          priorAttempts: attemptsUsed(job),
        }),
      );
      return;
    }
    const { delivery } = claimed;

    const started = performance.now();
    const { statusCode, failure } = delivery.enabled
      ? await attempt(delivery)
      : { statusCode: null, failure: "The endpoint is disabled." };
    const durationMs = Math.round(performance.now() - started);
    const lastAttempt = !delivery.enabled || attemptsUsed(job) >= settings.attempts - 1;

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
        await execute(
          db,
          "UPDATE webhook_endpoints SET failing_since = NULL, consecutive_failures = 0, paused_until = NULL WHERE id = $1",
          [delivery.endpoint_id],
        );
      } else {
        await execute(
          db,
          `UPDATE webhook_deliveries SET attempts = attempts + 1, claimed_until = NULL,
             status = CASE WHEN $2 THEN 'FAILED' ELSE status END, completed_at = CASE WHEN $2 THEN $3::timestamptz END
           WHERE id = $1`,
          [delivery.id, lastAttempt, clock.now()],
        );
        if (delivery.enabled) {
          await recordEndpointFailure(db, delivery.endpoint_id);
          await disableIfFailingTooLong(
            db,
            delivery.endpoint_id,
            delivery.account_id,
            delivery.url,
          );
        }
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
    recordDeliveries(db, entries, enqueueDeliveries);
  auditService.subscribe(subscriber);
  runtime = { settings, enqueue };

  const system: WebhookSystem = {
    runtime,
    async startWorker() {
      // One job per call, so each delivery retries on its own; `concurrency` at once in this
      // process, at most `perEndpointInFlight` per endpoint across all processes (pg-boss
      // groups), so a slow receiver holds a few slots and every other endpoint keeps the rest.
      await boss.work<DeliveryJob>(
        WEBHOOK_QUEUE_NAME,
        {
          // Each idle poll of each worker runs pg-boss's group query; every 2 s keeps the job
          // pool free for mail (an email backlog drains behind the polls otherwise).
          pollingIntervalSeconds: 2,
          batchSize: 1,
          localConcurrency: settings.concurrency,
          groupConcurrency: settings.perEndpointInFlight,
        },
        async ([job]) => {
          if (job) await deliver(job);
        },
      );
    },
    async stop() {
      auditService.unsubscribe(subscriber);
      if (runtime === system.runtime) runtime = null;
      await boss.offWork(WEBHOOK_QUEUE_NAME, { wait: true });
    },
  };
  return system;
}
