/**
 * Webhook endpoints of an account (OWNER/ADMINISTRATOR) and their delivery log.
 * Publishing and delivery live in webhook-delivery.ts.
 */
import { can, UserErrorCode } from "@pn/shared";
import type { EntityManager } from "typeorm";
import { seal } from "../../crypto/sealed-box";
import { execute, queryRows } from "../../db/sql";
import {
  newestFirst,
  paginate,
  type Connection,
  type ConnectionArgs,
} from "../../graphql/connection";
import type { Context } from "../../graphql/context";
import type { NodeSource } from "../../graphql/node";
import { requirePermission } from "../../graphql/permissions";
import { userError, type UserError } from "../../graphql/user-error";
import { auditService } from "../audit/audit.service";
import { webhookRuntime } from "./webhook-delivery";
import { WebhookDeliveryStatus, type WebhookEventType } from "./webhook-events";
import { newWebhookSecret } from "./webhook-signature";
import { checkWebhookUrl } from "./webhook-url";
import {
  toWebhookDelivery,
  toWebhookEndpoint,
  WEBHOOK_DELIVERY_COLUMNS,
  WEBHOOK_ENDPOINT_COLUMNS,
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookDeliveryRow,
  type WebhookEndpoint,
  type WebhookEndpointRow,
} from "./webhook.type";

const DESCRIPTION_MAX = 200;
/** An account's endpoints are few; a cap keeps one account from fanning every event out without end. */
const ENDPOINTS_MAX = 20;

type EndpointFields = {
  url?: string | null;
  description?: string | null;
  eventTypes?: WebhookEventType[] | null;
};

async function validateFields(
  fields: EndpointFields,
  creating: boolean,
): Promise<{ userErrors: UserError[]; url: string | null }> {
  const userErrors: UserError[] = [];
  let url: string | null = null;
  if (fields.url != null || creating) {
    const check = await checkWebhookUrl(
      fields.url ?? "",
      webhookRuntime()?.settings.allowInternalUrls ?? false,
    );
    if (check.ok) url = check.url.toString();
    else userErrors.push(userError(UserErrorCode.INVALID, check.reason, ["url"]));
  }
  if (fields.description != null && fields.description.trim().length > DESCRIPTION_MAX) {
    userErrors.push(
      userError(UserErrorCode.INVALID, `Use at most ${DESCRIPTION_MAX} characters.`, [
        "description",
      ]),
    );
  }
  if ((creating || fields.eventTypes != null) && (fields.eventTypes ?? []).length === 0) {
    userErrors.push(userError(UserErrorCode.INVALID, "Choose at least one event.", ["eventTypes"]));
  }
  return { userErrors, url };
}

/** The trail names the receiving host only: a webhook URL's path or query may carry the receiver's own secret. */
function hostOf(url: string): string {
  return new URL(url).host;
}

function endpointNotFound(field: string) {
  return {
    webhookEndpoint: null,
    userErrors: [userError(UserErrorCode.NOT_FOUND, "No such webhook endpoint.", [field])],
  };
}

async function attemptsOf(
  db: EntityManager,
  deliveryIds: string[],
): Promise<Map<string, WebhookAttempt[]>> {
  const byDelivery = new Map<string, WebhookAttempt[]>(deliveryIds.map((id) => [id, []]));
  if (deliveryIds.length === 0) return byDelivery;
  const rows = await queryRows<{
    delivery_id: string;
    attempt: number;
    attempted_at: Date;
    status_code: number | null;
    duration_ms: number;
    error: string | null;
  }>(
    db,
    `SELECT delivery_id, attempt, attempted_at, status_code, duration_ms, error FROM webhook_attempts
     WHERE delivery_id = ANY($1::uuid[]) ORDER BY attempted_at, attempt`,
    [deliveryIds],
  );
  for (const row of rows) {
    byDelivery.get(row.delivery_id)?.push({
      attempt: row.attempt,
      attemptedAt: row.attempted_at,
      statusCode: row.status_code,
      durationMs: row.duration_ms,
      error: row.error,
    });
  }
  return byDelivery;
}

/** Deliveries with their attempts: one more statement for the whole page, not one per delivery. */
async function deliveriesFromRows(
  db: EntityManager,
  rows: WebhookDeliveryRow[],
): Promise<WebhookDelivery[]> {
  const attempts = await attemptsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toWebhookDelivery(row, attempts.get(row.id) ?? []));
}

export const webhooksService = {
  async listEndpoints(context: Context, accountId: string): Promise<WebhookEndpoint[]> {
    const viewer = requirePermission(context, "manageWebhooks");
    if (viewer.accountId !== accountId) return [];
    const rows = await queryRows<WebhookEndpointRow>(
      context.db,
      `SELECT ${WEBHOOK_ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE account_id = $1 ORDER BY created_at DESC, id DESC`,
      [accountId],
    );
    return rows.map(toWebhookEndpoint);
  },

  async createEndpoint(
    context: Context,
    input: EndpointFields & { enabled?: boolean | null },
  ): Promise<{
    webhookEndpoint: WebhookEndpoint | null;
    secret: string | null;
    userErrors: UserError[];
  }> {
    const viewer = requirePermission(context, "manageWebhooks");
    const { userErrors, url } = await validateFields(input, true);
    if (userErrors.length || !url) return { webhookEndpoint: null, secret: null, userErrors };
    return context.db.transaction(async (db) => {
      // Serializes concurrent creations for the account so the cap holds.
      await execute(db, "SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE", [viewer.accountId]);
      const [{ count }] = await queryRows<{ count: number }>(
        db,
        "SELECT count(*)::int AS count FROM webhook_endpoints WHERE account_id = $1",
        [viewer.accountId],
      );
      if (count >= ENDPOINTS_MAX) {
        return {
          webhookEndpoint: null,
          secret: null,
          userErrors: [
            userError(
              UserErrorCode.INVALID_STATE,
              `An account can have at most ${ENDPOINTS_MAX} webhook endpoints.`,
              ["url"],
            ),
          ],
        };
      }
      const secret = newWebhookSecret();
      const [row] = await queryRows<WebhookEndpointRow>(
        db,
        `INSERT INTO webhook_endpoints (account_id, url, description, event_types, enabled, sealed_secret, created_by_member_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${WEBHOOK_ENDPOINT_COLUMNS}`,
        [
          viewer.accountId,
          url,
          input.description?.trim() ?? "",
          [...new Set(input.eventTypes)],
          input.enabled ?? true,
          seal(secret, context.mail.sealKey),
          viewer.memberId,
        ],
      );
      await auditService.record(db, context, [
        {
          accountId: viewer.accountId,
          action: "webhook_endpoint.created",
          objectType: "WebhookEndpoint",
          objectId: row!.id,
          details: { host: hostOf(url) },
        },
      ]);
      return { webhookEndpoint: toWebhookEndpoint(row!), secret, userErrors: [] };
    });
  },

  async updateEndpoint(
    context: Context,
    endpointId: string | null,
    input: EndpointFields & { enabled?: boolean | null },
  ): Promise<{ webhookEndpoint: WebhookEndpoint | null; userErrors: UserError[] }> {
    const viewer = requirePermission(context, "manageWebhooks");
    if (!endpointId) return endpointNotFound("id");
    const { userErrors, url } = await validateFields(input, false);
    if (userErrors.length) return { webhookEndpoint: null, userErrors };
    return context.db.transaction(async (db) => {
      const [row] = await queryRows<WebhookEndpointRow>(
        db,
        `UPDATE webhook_endpoints SET
           url = coalesce($3, url),
           description = coalesce($4, description),
           event_types = coalesce($5, event_types),
           enabled = coalesce($6, enabled),
           -- Turning an endpoint on gives it a fresh start.
           failing_since = CASE WHEN $6 THEN NULL ELSE failing_since END,
           disabled_reason = CASE WHEN $6 IS NOT NULL THEN NULL ELSE disabled_reason END
         WHERE id = $1 AND account_id = $2 RETURNING ${WEBHOOK_ENDPOINT_COLUMNS}`,
        [
          endpointId,
          viewer.accountId,
          url,
          input.description?.trim() ?? null,
          input.eventTypes ? [...new Set(input.eventTypes)] : null,
          input.enabled ?? null,
        ],
      );
      if (!row) return endpointNotFound("id");
      await auditService.record(db, context, [
        {
          accountId: viewer.accountId,
          action: "webhook_endpoint.updated",
          objectType: "WebhookEndpoint",
          objectId: row.id,
          details: { host: hostOf(row.url), enabled: row.enabled },
        },
      ]);
      return { webhookEndpoint: toWebhookEndpoint(row), userErrors: [] };
    });
  },

  async deleteEndpoint(
    context: Context,
    endpointId: string | null,
  ): Promise<{ webhookEndpoint: WebhookEndpoint | null; userErrors: UserError[] }> {
    const viewer = requirePermission(context, "manageWebhooks");
    if (!endpointId) return endpointNotFound("id");
    return context.db.transaction(async (db) => {
      const [row] = await queryRows<WebhookEndpointRow>(
        db,
        `DELETE FROM webhook_endpoints WHERE id = $1 AND account_id = $2 RETURNING ${WEBHOOK_ENDPOINT_COLUMNS}`,
        [endpointId, viewer.accountId],
      );
      if (!row) return endpointNotFound("id");
      await auditService.record(db, context, [
        {
          accountId: viewer.accountId,
          action: "webhook_endpoint.deleted",
          objectType: "WebhookEndpoint",
          objectId: row.id,
          details: { host: hostOf(row.url) },
        },
      ]);
      return { webhookEndpoint: toWebhookEndpoint(row), userErrors: [] };
    });
  },

  async deliveries(
    context: Context,
    endpoint: WebhookEndpoint,
    args: ConnectionArgs,
  ): Promise<Connection<WebhookDelivery>> {
    requirePermission(context, "manageWebhooks");
    const page = await paginate<WebhookDeliveryRow, WebhookDeliveryRow>(
      context.db,
      {
        select: WEBHOOK_DELIVERY_COLUMNS,
        from: "webhook_deliveries d",
        where: ["d.endpoint_id = $1", "d.account_id = $2"],
        params: [endpoint.localId, endpoint.accountId],
        ...newestFirst("d"),
      },
      args,
      (row) => row,
    );
    const nodes = await deliveriesFromRows(context.db, page.nodes);
    return {
      ...page,
      nodes,
      edges: page.edges.map((edge, i) => ({ cursor: edge.cursor, node: nodes[i]! })),
    };
  },

  /** Sends a delivery again with a fresh set of attempts; the receiver sees the same webhook-id. */
  async replayDelivery(
    context: Context,
    deliveryId: string | null,
  ): Promise<{ delivery: WebhookDelivery | null; userErrors: UserError[] }> {
    const viewer = requirePermission(context, "manageWebhooks");
    const notFound = {
      delivery: null,
      userErrors: [userError(UserErrorCode.NOT_FOUND, "No such webhook delivery.", ["deliveryId"])],
    };
    if (!deliveryId) return notFound;
    const system = webhookRuntime();
    return context.db.transaction(async (db) => {
      const [current] = await queryRows<{ status: WebhookDeliveryStatus; enabled: boolean }>(
        db,
        `SELECT d.status, e.enabled FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
         WHERE d.id = $1 AND d.account_id = $2 FOR UPDATE OF d`,
        [deliveryId, viewer.accountId],
      );
      if (!current) return notFound;
      if (current.status === WebhookDeliveryStatus.PENDING) {
        return {
          delivery: null,
          userErrors: [
            userError(UserErrorCode.INVALID_STATE, "This delivery is still being attempted.", [
              "deliveryId",
            ]),
          ],
        };
      }
      if (!current.enabled) {
        return {
          delivery: null,
          userErrors: [
            userError(
              UserErrorCode.INVALID_STATE,
              "Turn the endpoint on before replaying its deliveries.",
              ["deliveryId"],
            ),
          ],
        };
      }
      const [row] = await queryRows<WebhookDeliveryRow>(
        db,
        `UPDATE webhook_deliveries d SET status = 'PENDING', completed_at = NULL, claimed_until = NULL WHERE d.id = $1
         RETURNING ${WEBHOOK_DELIVERY_COLUMNS}`,
        [deliveryId],
      );
      await system?.enqueue(db, [deliveryId]);
      await auditService.record(db, context, [
        {
          accountId: viewer.accountId,
          action: "webhook_delivery.replayed",
          objectType: "WebhookDelivery",
          objectId: deliveryId,
        },
      ]);
      const [delivery] = await deliveriesFromRows(db, [row!]);
      return { delivery: delivery!, userErrors: [] };
    });
  },
};

function adminViewerAccount(context: Context): string | null {
  const viewer = context.viewer;
  return viewer?.accountId && can(viewer.role, "manageWebhooks") ? viewer.accountId : null;
}

export const webhookEndpointNodeSource: NodeSource = {
  typeName: "WebhookEndpoint",
  async load(context, ids) {
    const accountId = adminViewerAccount(context);
    if (!accountId) return ids.map(() => null);
    const rows = await queryRows<WebhookEndpointRow>(
      context.db,
      `SELECT ${WEBHOOK_ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE id = ANY($1::uuid[]) AND account_id = $2`,
      [ids, accountId],
    );
    const byId = new Map(rows.map((row) => [row.id, toWebhookEndpoint(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  },
};

export const webhookDeliveryNodeSource: NodeSource = {
  typeName: "WebhookDelivery",
  async load(context, ids) {
    const accountId = adminViewerAccount(context);
    if (!accountId) return ids.map(() => null);
    const rows = await queryRows<WebhookDeliveryRow>(
      context.db,
      `SELECT ${WEBHOOK_DELIVERY_COLUMNS} FROM webhook_deliveries d WHERE d.id = ANY($1::uuid[]) AND d.account_id = $2`,
      [ids, accountId],
    );
    const deliveries = await deliveriesFromRows(context.db, rows);
    const byId = new Map(deliveries.map((delivery) => [delivery.localId, delivery]));
    return ids.map((id) => byId.get(id) ?? null);
  },
};
