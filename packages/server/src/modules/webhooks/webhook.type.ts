import { toGlobalId } from "@pn/shared";
import { Field, Int, ObjectType } from "type-graphql";
import { connectionTypes } from "../../graphql/connection";
import { Node, type Typed } from "../../graphql/node";
import { WebhookDeliveryStatus, WebhookEventType } from "./webhook-events";

@ObjectType({
  implements: Node,
  description: "Where the account's events are POSTed, signed as Standard Webhooks.",
})
export class WebhookEndpoint extends Node implements Typed<"WebhookEndpoint"> {
  __typename: "WebhookEndpoint";
  localId: string;
  accountId: string;

  @Field(() => String, { description: "The receiver's URL; it must resolve to a public address." })
  url: string;

  @Field(() => String, { description: "A note for the admins, e.g. which system receives it." })
  description: string;

  @Field(() => [WebhookEventType], { description: "The events sent to this endpoint." })
  eventTypes: WebhookEventType[];

  @Field(() => Boolean, {
    description: "False when an admin turned it off or it was disabled after failing for too long.",
  })
  enabled: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Why the endpoint was disabled automatically; null otherwise.",
  })
  disabledReason: string | null;

  @Field(() => Date, {
    nullable: true,
    description: "Since when every delivery has failed; null while it answers.",
  })
  failingSince: Date | null;

  @Field(() => Date, { description: "When the endpoint was added." })
  createdAt: Date;
}

@ObjectType({ description: "One HTTP attempt of a delivery." })
export class WebhookAttempt {
  @Field(() => Int, { description: "1 for the first attempt." })
  attempt: number;

  @Field(() => Date, { description: "When the request was sent." })
  attemptedAt: Date;

  @Field(() => Int, {
    nullable: true,
    description: "The receiver's HTTP status; null when no answer came (timeout, refused).",
  })
  statusCode: number | null;

  @Field(() => Int, { description: "Milliseconds until the answer or the failure." })
  durationMs: number;

  @Field(() => String, { nullable: true, description: "Why the attempt failed, when it did." })
  error: string | null;
}

@ObjectType({
  implements: Node,
  description: "One event sent (or to be sent) to one endpoint, with its attempts.",
})
export class WebhookDelivery extends Node implements Typed<"WebhookDelivery"> {
  __typename: "WebhookDelivery";
  localId: string;
  accountId: string;

  @Field(() => String, {
    description:
      "The `webhook-id` header: the same on every attempt and replay, for the receiver to deduplicate.",
  })
  messageId: string;

  @Field(() => WebhookEventType, { description: "What happened." })
  eventType: WebhookEventType;

  @Field(() => String, { description: "Global ID of the object the event is about." })
  objectId: string;

  @Field(() => String, { description: "The JSON body that is sent." })
  payload: string;

  @Field(() => WebhookDeliveryStatus, { description: "Where the delivery stands." })
  status: WebhookDeliveryStatus;

  @Field(() => Int, { description: "HTTP attempts made so far." })
  attemptCount: number;

  @Field(() => Date, { description: "When the event happened (the change was committed)." })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: "When it was delivered or gave up." })
  completedAt: Date | null;

  @Field(() => [WebhookAttempt], { description: "Every HTTP attempt, oldest first." })
  attempts: WebhookAttempt[];

  @Field(() => WebhookAttempt, {
    nullable: true,
    description:
      "The latest attempt; null before the first. Cheaper than `attempts` in long lists.",
  })
  lastAttempt: WebhookAttempt | null;
}

export const { ConnectionType: WebhookDeliveryConnection } = connectionTypes(
  WebhookDelivery,
  "WebhookDelivery",
);

export type WebhookEndpointRow = {
  id: string;
  account_id: string;
  url: string;
  description: string;
  event_types: WebhookEventType[];
  enabled: boolean;
  disabled_reason: string | null;
  failing_since: Date | null;
  created_at: Date;
};

export const WEBHOOK_ENDPOINT_COLUMNS =
  "id, account_id, url, description, event_types, enabled, disabled_reason, failing_since, created_at";

export function toWebhookEndpoint(row: WebhookEndpointRow): WebhookEndpoint {
  return {
    __typename: "WebhookEndpoint",
    id: toGlobalId("WebhookEndpoint", row.id),
    localId: row.id,
    accountId: row.account_id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types,
    enabled: row.enabled,
    disabledReason: row.disabled_reason,
    failingSince: row.failing_since,
    createdAt: row.created_at,
  };
}

export type WebhookDeliveryRow = {
  id: string;
  account_id: string;
  message_id: string;
  event_type: WebhookEventType;
  object_id: string;
  payload: unknown;
  status: WebhookDeliveryStatus;
  attempts: number;
  created_at: Date;
  completed_at: Date | null;
};

export const WEBHOOK_DELIVERY_COLUMNS =
  "d.id, d.account_id, d.message_id, d.event_type, d.object_id, d.payload, d.status, d.attempts, d.created_at, d.completed_at";

export function toWebhookDelivery(
  row: WebhookDeliveryRow,
  attempts: WebhookAttempt[],
): WebhookDelivery {
  return {
    __typename: "WebhookDelivery",
    id: toGlobalId("WebhookDelivery", row.id),
    localId: row.id,
    accountId: row.account_id,
    messageId: row.message_id,
    eventType: row.event_type,
    objectId: row.object_id,
    payload: JSON.stringify(row.payload),
    status: row.status,
    attemptCount: row.attempts,
    createdAt: row.created_at,
    completedAt: row.completed_at,
    attempts,
    lastAttempt: attempts.at(-1) ?? null,
  };
}
