/**
 * The events partner systems can subscribe to. Each is an audit action of the same
 * name, so every change that is audited is also published, in the same transaction.
 */
import { registerEnumType } from "type-graphql";

export enum WebhookEventType {
  INVITATION_CREATED = "invitation.created",
  INVITATION_RESENT = "invitation.resent",
  INVITATION_ACCEPTED = "invitation.accepted",
  INVITATION_REVOKED = "invitation.revoked",
  INVITATION_EXPIRED = "invitation.expired",
  PARTNER_CONNECTED = "partner.connected",
  PARTNER_REMOVED = "partner.removed",
  MEMBER_ACTIVATED = "member.activated",
  MEMBER_ARCHIVED = "member.archived",
  MEMBER_RESTORED = "member.restored",
  MEMBER_UPDATED = "member.updated",
  CLIENT_CREATED = "client.created",
  CLIENT_REMOVED = "client.removed",
  TEAM_UPDATED = "team.updated",
}

registerEnumType(WebhookEventType, {
  name: "WebhookEventType",
  description:
    "An event a webhook endpoint can subscribe to; the delivered `type` is the lower-case dotted form, e.g. `member.activated`.",
  valuesConfig: Object.fromEntries(
    Object.entries(WebhookEventType).map(([name, type]) => [
      name,
      { description: `Delivered with \`"type": "${type}"\`.` },
    ]),
  ),
});

const EVENT_TYPES = new Set<string>(Object.values(WebhookEventType));

export function isWebhookEventType(action: string): action is WebhookEventType {
  return EVENT_TYPES.has(action);
}

export enum WebhookDeliveryStatus {
  PENDING = "PENDING",
  DELIVERED = "DELIVERED",
  FAILED = "FAILED",
}

registerEnumType(WebhookDeliveryStatus, {
  name: "WebhookDeliveryStatus",
  description:
    "PENDING while attempts remain; DELIVERED on a 2xx answer; FAILED after the last attempt (it can be replayed).",
  valuesConfig: {
    PENDING: {
      description:
        "Waiting for its first attempt, a retry, or an earlier delivery about the same object.",
    },
    DELIVERED: { description: "The receiver answered 2xx." },
    FAILED: {
      description: "Every attempt failed (or the endpoint was turned off); replay sends it again.",
    },
  },
});
