/**
 * The outbox: an email is a row written in the same transaction as the change
 * that causes it, plus a pg-boss job in that same transaction. A crash before
 * commit sends nothing; a crash after commit leaves the job for the next worker.
 */
import type { EntityManager } from "typeorm";
import { open, seal, type SealKey } from "../../crypto/sealed-box";
import { queryRows } from "../../db/sql";

export type OutgoingEmail = {
  accountId: string | null;
  invitationId: string | null;
  to: string;
  subject: string;
  /** Bodies may contain LINK_PLACEHOLDER where `secretLink` goes at delivery. */
  text: string;
  html: string;
  /** A link carrying a token: stored only encrypted, put into the bodies when sent. */
  secretLink: string | null;
};

export const LINK_PLACEHOLDER = "{{link}}";

/** Enqueues delivery jobs for outbox rows inside the caller's transaction, and seals their links. */
export type MailQueue = {
  enqueue(db: EntityManager, outboxIds: string[]): Promise<void>;
  sealKey: SealKey;
};

/** The bodies as sent: the placeholder replaced by the unsealed link. */
export function renderBodies(
  row: { text: string; html: string; sealedLink: string | null },
  key: SealKey,
) {
  if (!row.sealedLink) return { text: row.text, html: row.html };
  const link = open(row.sealedLink, key);
  return {
    text: row.text.replaceAll(LINK_PLACEHOLDER, link),
    html: row.html.replaceAll(LINK_PLACEHOLDER, link.replace(/&/g, "&amp;")),
  };
}

/** The distinct values of a column, and each row's (1-based) position among them. */
function distinct(column: string[]): { values: string[]; positions: number[] } {
  const seen = new Map<string, number>();
  const values: string[] = [];
  const positions = column.map((value) => {
    let position = seen.get(value);
    if (position === undefined) {
      position = values.push(value);
      seen.set(value, position);
    }
    return position;
  });
  return { values, positions };
}

export const mailService = {
  async queue(db: EntityManager, queue: MailQueue, emails: OutgoingEmail[]): Promise<string[]> {
    if (emails.length === 0) return [];
    const subjects = distinct(emails.map((email) => email.subject));
    const texts = distinct(emails.map((email) => email.text));
    const htmls = distinct(emails.map((email) => email.html));
    // One statement for any number of emails: arrays, not one bind parameter per value.
    // A batch's emails mostly share their bodies (the link is sealed apart), so each
    // distinct subject and body is sent once and every row picks its own by position.
    const rows = await queryRows<{ id: string }>(
      db,
      `INSERT INTO outbox (account_id, invitation_id, to_address, subject, text_body, html_body, sealed_link)
       SELECT t.account_id, t.invitation_id, t.to_address, ($8::text[])[t.subject], ($9::text[])[t.text_body],
         ($10::text[])[t.html_body], t.sealed_link
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::int[], $6::int[], $7::text[])
         AS t(account_id, invitation_id, to_address, subject, text_body, html_body, sealed_link)
       RETURNING id`,
      [
        emails.map((email) => email.accountId),
        emails.map((email) => email.invitationId),
        emails.map((email) => email.to),
        subjects.positions,
        texts.positions,
        htmls.positions,
        emails.map((email) => (email.secretLink ? seal(email.secretLink, queue.sealKey) : null)),
        subjects.values,
        texts.values,
        htmls.values,
      ],
    );
    const ids = rows.map((row) => row.id);
    await queue.enqueue(db, ids);
    return ids;
  },

  /** The dev mailbox: what was "sent" without SMTP_URL, newest first, links unsealed for reading. */
  async devMailbox(db: EntityManager, key: SealKey, limit = 100) {
    const rows = await queryRows<{
      id: string;
      to: string;
      subject: string;
      text: string;
      html: string;
      sealedLink: string | null;
      sentAt: Date;
    }>(
      db,
      `SELECT id, to_address AS "to", subject, text_body AS "text", html_body AS "html", sealed_link AS "sealedLink", sent_at AS "sentAt"
       FROM outbox WHERE transport = 'dev-mailbox' ORDER BY sent_at DESC LIMIT $1`,
      [limit],
    );
    return rows.map(({ sealedLink, ...message }) => ({
      ...message,
      ...renderBodies({ ...message, sealedLink }, key),
    }));
  },
};
