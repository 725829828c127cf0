/**
 * The audit trail: who did what to which object, when and from where, written in
 * the same transaction as the change so neither exists without the other.
 */
import type { EntityManager } from "typeorm";
import type { ExportTable } from "../../db/table-export";
import type { Context } from "../../graphql/context";

export type AuditEntry = {
  /** The account whose trail records it; a change across the network is recorded on both sides. */
  accountId: string;
  action: string;
  objectType: string;
  objectId: string;
  details?: Record<string, unknown>;
};

/**
 * Called with every batch of recorded entries, inside the same transaction, so a
 * subscriber (the webhooks outbox) can never see a change that was rolled back,
 * nor miss one that was committed.
 */
export type AuditSubscriber = (db: EntityManager, context: Context, entries: AuditEntry[]) => Promise<void>;

const subscribers: AuditSubscriber[] = [];

export const auditService = {
  subscribe(subscriber: AuditSubscriber): void {
    if (!subscribers.includes(subscriber)) subscribers.push(subscriber);
  },

  unsubscribe(subscriber: AuditSubscriber): void {
    const index = subscribers.indexOf(subscriber);
    if (index >= 0) subscribers.splice(index, 1);
  },

  async record(db: EntityManager, context: Context, entries: AuditEntry[]): Promise<void> {
    const viewer = context.viewer;
    const credential = viewer?.credential;
    for (const entry of entries) {
      await db.query(
        `INSERT INTO audit_events (account_id, actor_user_id, actor_member_id, via, api_token_id, ip, action, object_type, object_id, details)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          entry.accountId,
          viewer?.userId ?? null,
          // The actor's member only counts in its own account.
          viewer?.accountId === entry.accountId ? viewer.memberId : null,
          credential?.kind === "apiToken" ? "api_token" : "session",
          credential?.kind === "apiToken" ? credential.apiTokenId : null,
          context.ip,
          entry.action,
          entry.objectType,
          entry.objectId,
          JSON.stringify(entry.details ?? {}),
        ],
      );
    }
    for (const subscriber of subscribers) await subscriber(db, context, entries);
  },
};

/** audit_events.csv of the account backup. */
export const auditExportTable: ExportTable = {
  file: "audit_events.csv",
  columns: ["id", "created_at", "action", "object_type", "object_id", "actor_user_id", "actor_member_id", "via", "api_token_id", "ip", "details"],
  sql: `SELECT id, created_at, action, object_type, object_id, actor_user_id, actor_member_id, via, api_token_id, ip, details
        FROM audit_events WHERE account_id = $1 ORDER BY created_at, id`,
};
