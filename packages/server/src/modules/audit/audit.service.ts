/**
 * The audit trail: who did what to which object, when and from where, written in
 * the same transaction as the change so neither exists without the other.
 */
import { can, fromGlobalId, type AuditAction } from "@pn/shared";
import type { EntityManager } from "typeorm";
import { execute, queryRows } from "../../db/sql";
import type { ExportTable } from "../../db/table-export";
import {
  newestFirst,
  paginate,
  type Connection,
  type ConnectionArgs,
} from "../../graphql/connection";
import type { Context } from "../../graphql/context";
import { isUuid } from "../../graphql/global-id";
import type { NodeSource } from "../../graphql/node";
import { requirePermission } from "../../graphql/permissions";
import {
  AUDIT_EVENT_COLUMNS,
  AUDIT_EVENT_FROM,
  toAuditEvent,
  type AuditEvent,
  type AuditEventFilter,
  type AuditEventRow,
} from "./audit-event.type";

/** Who acted, when the request has no signed-in viewer yet (sign-up, log-in, accepting as a new user) or acts as another member. */
export type AuditActor = { userId: string; memberId: string | null };

export type AuditEntry = {
  /** The account whose trail records it; a change across the network is recorded on both sides. */
  accountId: string;
  action: AuditAction;
  /** The GraphQL type of the object (Member, Partner, …); objectId is its local uuid. */
  objectType: string;
  objectId: string;
  /** Plain facts about the change. Never tokens, secrets, links or passwords: see SECRET_KEYS. */
  details?: Record<string, unknown>;
  /** Defaults to the request's viewer. */
  actor?: AuditActor;
};

/**
 * Where a change comes from: a request (its viewer and IP), or the server itself
 * (`system`, e.g. an invitation expiring) with no viewer.
 */
export type AuditOrigin = Pick<Context, "viewer" | "ip"> & { system?: boolean };

/** The origin of changes the server makes on its own schedule. */
export const SYSTEM_ORIGIN: AuditOrigin = { viewer: null, ip: null, system: true };

/**
 * Called with every batch of recorded entries, inside the same transaction, so a
 * subscriber (the webhooks outbox) can never see a change that was rolled back,
 * nor miss one that was committed.
 */
export type AuditSubscriber = (
  db: EntityManager,
  origin: AuditOrigin,
  entries: AuditEntry[],
) => Promise<void>;

const subscribers: AuditSubscriber[] = [];

/** Keys that would hold a credential; recording one is a bug, so it fails the change rather than store it. */
const SECRET_KEYS = /^(token|secret|password|passwordhash|tokenhash|link|url|secretlink)$/i;

function assertNoSecrets(value: unknown, path: string): void {
  if (value === null || typeof value !== "object") return;
  for (const [key, inner] of Object.entries(value)) {
    if (SECRET_KEYS.test(key))
      throw new Error(`audit details must not hold secrets (${path}.${key})`);
    assertNoSecrets(inner, `${path}.${key}`);
  }
}

export const auditService = {
  subscribe(subscriber: AuditSubscriber): void {
    if (!subscribers.includes(subscriber)) subscribers.push(subscriber);
  },

  unsubscribe(subscriber: AuditSubscriber): void {
    const index = subscribers.indexOf(subscriber);
    if (index >= 0) subscribers.splice(index, 1);
  },

  async record(db: EntityManager, context: AuditOrigin, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const viewer = context.viewer;
    const credential = viewer?.credential;
    const viaToken = credential?.kind === "apiToken";
    for (const entry of entries) assertNoSecrets(entry.details, entry.action);
    // One statement for the batch: a bulk archive of 1,000 members is 1,000 entries.
    await execute(
      db,
      `INSERT INTO audit_events (account_id, actor_user_id, actor_member_id, via, api_token_id, ip, action, object_type, object_id, details)
       SELECT account_id, actor_user_id, actor_member_id, $1, $2, $3, action, object_type, object_id, details
       FROM unnest($4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::uuid[], $10::jsonb[])
         AS t(account_id, actor_user_id, actor_member_id, action, object_type, object_id, details)`,
      [
        context.system ? "system" : viaToken ? "api_token" : "session",
        viaToken ? credential.apiTokenId : null,
        context.ip,
        entries.map((entry) => entry.accountId),
        entries.map((entry) => entry.actor?.userId ?? viewer?.userId ?? null),
        // The actor's member only counts in its own account.
        entries.map((entry) =>
          entry.actor
            ? entry.actor.memberId
            : viewer?.accountId === entry.accountId
              ? viewer.memberId
              : null,
        ),
        entries.map((entry) => entry.action),
        entries.map((entry) => entry.objectType),
        entries.map((entry) => entry.objectId),
        entries.map((entry) => JSON.stringify(entry.details ?? {})),
      ],
    );
    for (const subscriber of subscribers) await subscriber(db, context, entries);
  },

  /** OWNER/ADMINISTRATOR: the account's events, newest first; another account's list is empty. */
  async list(
    context: Context,
    accountId: string,
    args: ConnectionArgs,
    filter: AuditEventFilter | null | undefined,
  ): Promise<Connection<AuditEvent>> {
    const viewer = requirePermission(context, "readAuditLog");
    const where = ["e.account_id = $1"];
    const params: unknown[] = [accountId];
    const add = (condition: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      where.push(condition(`$${params.length}`));
    };
    if (viewer.accountId !== accountId) where.push("false");
    if (filter?.action?.length === 1) add((p) => `e.action = ${p}`, filter.action[0]);
    else if (filter?.action?.length) add((p) => `e.action = ANY(${p}::text[])`, filter.action);
    if (filter?.objectId != null) {
      // Any object type: the trail names objects of every kind.
      const object = fromGlobalId(filter.objectId);
      if (object && isUuid(object.id)) {
        add((p) => `e.object_id = ${p}::uuid`, object.id);
        add((p) => `e.object_type = ${p}`, object.type);
      } else where.push("false");
    }
    if (filter?.actorId != null) {
      const actor = fromGlobalId(filter.actorId);
      if (actor?.type === "User" && isUuid(actor.id))
        add((p) => `e.actor_user_id = ${p}::uuid`, actor.id);
      else if (actor?.type === "Member" && isUuid(actor.id))
        add((p) => `e.actor_member_id = ${p}::uuid`, actor.id);
      else where.push("false");
    }
    if (filter?.from) add((p) => `e.created_at >= ${p}::timestamptz`, filter.from);
    if (filter?.to) add((p) => `e.created_at < ${p}::timestamptz`, filter.to);
    return paginate<AuditEventRow & Record<string, unknown>, AuditEvent>(
      context.db,
      { select: AUDIT_EVENT_COLUMNS, from: AUDIT_EVENT_FROM, where, params, ...newestFirst("e") },
      args,
      toAuditEvent,
    );
  },
};

export const auditEventNodeSource: NodeSource = {
  typeName: "AuditEvent",
  async load(context, ids) {
    const viewer = context.viewer;
    if (!viewer?.accountId || !can(viewer.role, "readAuditLog")) return ids.map(() => null);
    const rows = await queryRows<AuditEventRow>(
      context.db,
      `SELECT ${AUDIT_EVENT_COLUMNS} FROM ${AUDIT_EVENT_FROM} WHERE e.id = ANY($1::uuid[]) AND e.account_id = $2`,
      [ids, viewer.accountId],
    );
    const byId = new Map(rows.map((row) => [row.id, toAuditEvent(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  },
};

/** audit_events.csv of the account backup. */
export const auditExportTable: ExportTable = {
  file: "audit_events.csv",
  columns: [
    "id",
    "created_at",
    "action",
    "object_type",
    "object_id",
    "actor_user_id",
    "actor_member_id",
    "via",
    "api_token_id",
    "ip",
    "details",
  ],
  sql: `SELECT id, created_at, action, object_type, object_id, actor_user_id, actor_member_id, via, api_token_id, ip, details
        FROM audit_events WHERE account_id = $1 ORDER BY created_at, id`,
};
