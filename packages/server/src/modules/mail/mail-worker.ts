/**
 * Delivers outbox rows: a pg-boss worker sends each with nodemailer to SMTP_URL,
 * or, without it, into the dev mailbox (stored and logged). 5 attempts with
 * exponential backoff; after the last, the row and its invitation are FAILED.
 * Delivery is at-least-once, so a row already SENT is never sent again.
 */
import nodemailer from "nodemailer";
import type { Job } from "pg-boss";
import type { DataSource, EntityManager } from "typeorm";
import { execute, queryRows } from "../../db/sql";
import type { JobRunner } from "../../jobs/job-runner";
import type { Logger } from "../../logger";
import type { SealKey } from "../../crypto/sealed-box";
import { recordInvitationDelivery } from "../invitations/invitation-store";
import { renderBodies, type MailQueue } from "./mail.service";

export const MAIL_QUEUE_NAME = "mail-send";
export const MAIL_ATTEMPTS = 5;
const MAIL_SENDS_AT_ONCE = 4;

type OutboxRow = {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  sealed_link: string | null;
  status: string;
};

export type MailTransport = {
  name: string;
  send(email: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
  }): Promise<void>;
};

export function createTransport(smtpUrl: string | null, logger: Logger): MailTransport {
  if (!smtpUrl) {
    return {
      name: "dev-mailbox",
      async send(email) {
        // The link carries a secret token, so the log names the message and points at the mailbox instead.
        logger.info(
          { to: email.to, subject: email.subject },
          "email stored in the dev mailbox (/dev/mailbox)",
        );
      },
    };
  }
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    name: "smtp",
    async send(email) {
      await transporter.sendMail(email);
    },
  };
}

export type MailSystem = {
  queue: MailQueue;
  /** Runs the delivery worker in this process. */
  startWorker(): Promise<void>;
  /** Stops taking mail jobs and waits for the ones in flight; the job runner keeps running. */
  stop(): Promise<void>;
};

export async function startMailSystem(options: {
  jobs: JobRunner;
  dataSource: DataSource;
  transport: MailTransport;
  from: string;
  logger: Logger;
  retryDelaySeconds: number;
  /** Exponential backoff between attempts (default); tests turn it off to keep retries short. */
  retryBackoff?: boolean;
  sealKey: SealKey;
}): Promise<MailSystem> {
  const { dataSource, transport, logger } = options;
  const { boss } = options.jobs;
  const retryPolicy = {
    retryLimit: MAIL_ATTEMPTS - 1,
    retryDelay: options.retryDelaySeconds,
    retryBackoff: options.retryBackoff ?? true,
  };
  await boss.createQueue(MAIL_QUEUE_NAME, retryPolicy);
  // createQueue leaves an existing queue as it was: without this, a changed
  // MAIL_RETRY_DELAY_SECONDS would be ignored on every start after the first.
  await boss.updateQueue(MAIL_QUEUE_NAME, retryPolicy);

  const queue: MailQueue = {
    sealKey: options.sealKey,
    async enqueue(db, outboxIds) {
      // Same transaction as the outbox rows.
      await options.jobs.insertInTransaction(
        db,
        MAIL_QUEUE_NAME,
        outboxIds.map((outboxId) => ({ data: { outboxId } })),
      );
    },
  };

  async function deliver(job: Job<{ outboxId: string }>): Promise<void> {
    const [row] = await queryRows<OutboxRow>(
      dataSource.manager,
      "SELECT id, to_address, subject, text_body, html_body, sealed_link, status FROM outbox WHERE id = $1",
      [job.data.outboxId],
    );
    if (!row || row.status !== "QUEUED") return;
    try {
      const bodies = renderBodies(
        { text: row.text_body, html: row.html_body, sealedLink: row.sealed_link },
        options.sealKey,
      );
      await transport.send({
        from: options.from,
        to: row.to_address,
        subject: row.subject,
        ...bodies,
      });
    } catch (error) {
      const lastAttempt = job.retryCount >= MAIL_ATTEMPTS - 1;
      await dataSource.transaction((db) => recordFailure(db, row.id, error, lastAttempt));
      logger.warn(
        { outboxId: row.id, attempt: job.retryCount + 1, lastAttempt, err: error },
        "email delivery failed",
      );
      throw error;
    }
    await dataSource.transaction((db) => recordSent(db, row.id, transport.name));
  }

  return {
    queue,
    async startWorker() {
      // One job per call: pg-boss settles a batch as a whole, and each email must retry on its own.
      // A few sends at a time, so a backlog (an import's emails, or those queued while SMTP was
      // down) drains without each email waiting for the one before; bounded by pg-boss's pool.
      await boss.work<{ outboxId: string }>(
        MAIL_QUEUE_NAME,
        { pollingIntervalSeconds: 0.5, batchSize: 1, localConcurrency: MAIL_SENDS_AT_ONCE },
        async ([job]) => {
          if (job) await deliver(job);
        },
      );
    },
    async stop() {
      await boss.offWork(MAIL_QUEUE_NAME, { wait: true });
    },
  };
}

async function recordSent(db: EntityManager, outboxId: string, transport: string): Promise<void> {
  await execute(
    db,
    "UPDATE outbox SET status = 'SENT', sent_at = now(), attempts = attempts + 1, transport = $2, last_error = NULL WHERE id = $1",
    [outboxId, transport],
  );
  await recordInvitationDelivery(db, outboxId, "SENT");
}

async function recordFailure(
  db: EntityManager,
  outboxId: string,
  error: unknown,
  lastAttempt: boolean,
): Promise<void> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  await execute(
    db,
    `UPDATE outbox SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'FAILED' ELSE status END WHERE id = $1`,
    [outboxId, message, lastAttempt],
  );
  if (lastAttempt) {
    await recordInvitationDelivery(db, outboxId, "FAILED");
  }
}
