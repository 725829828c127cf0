import { Field, ID, InputType, ObjectType } from "type-graphql";
import { UserError } from "../../graphql/user-error";
import { WebhookEventType } from "./webhook-events";
import { WebhookDelivery, WebhookEndpoint } from "./webhook.type";

const USER_ERRORS = "Why the mutation changed nothing; empty when it succeeded.";

@InputType({ description: "Input of createWebhookEndpoint." })
export class CreateWebhookEndpointInput {
  @Field(() => String, {
    description: "Where to POST events: http(s), resolving to a public address.",
  })
  url: string;

  @Field(() => String, {
    nullable: true,
    description: "A note for the admins, at most 200 characters.",
  })
  description?: string | null;

  @Field(() => [WebhookEventType], { description: "The events to send; at least one." })
  eventTypes: WebhookEventType[];

  @Field(() => Boolean, { nullable: true, description: "Default true." })
  enabled?: boolean | null;
}

@ObjectType({ description: "Result of createWebhookEndpoint." })
export class CreateWebhookEndpointPayload {
  @Field(() => WebhookEndpoint, {
    nullable: true,
    description: "The new endpoint; null when refused.",
  })
  webhookEndpoint: WebhookEndpoint | null;

  @Field(() => String, {
    nullable: true,
    description: "The signing secret (`whsec_…`), shown exactly once.",
  })
  secret: string | null;

  @Field(() => [UserError], { description: USER_ERRORS })
  userErrors: UserError[];
}

@InputType({ description: "Input of updateWebhookEndpoint; fields left out stay as they are." })
export class UpdateWebhookEndpointInput {
  @Field(() => ID, { description: "The endpoint to change." })
  id: string;

  @Field(() => String, { nullable: true, description: "A new URL, checked like a new endpoint's." })
  url?: string | null;

  @Field(() => String, { nullable: true, description: "A new note." })
  description?: string | null;

  @Field(() => [WebhookEventType], {
    nullable: true,
    description: "The new set of events; at least one.",
  })
  eventTypes?: WebhookEventType[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Turning an endpoint back on clears its failure state.",
  })
  enabled?: boolean | null;
}

@InputType({ description: "Input of deleteWebhookEndpoint." })
export class DeleteWebhookEndpointInput {
  @Field(() => ID, { description: "The endpoint to delete." })
  id: string;
}

@ObjectType({ description: "Result of updateWebhookEndpoint and deleteWebhookEndpoint." })
export class WebhookEndpointPayload {
  @Field(() => WebhookEndpoint, {
    nullable: true,
    description: "The endpoint as it now is (or was, when deleted); null when refused.",
  })
  webhookEndpoint: WebhookEndpoint | null;

  @Field(() => [UserError], { description: USER_ERRORS })
  userErrors: UserError[];
}

@InputType({ description: "Input of replayWebhookDelivery." })
export class ReplayWebhookDeliveryInput {
  @Field(() => ID, { description: "A DELIVERED or FAILED delivery." })
  deliveryId: string;
}

@ObjectType({ description: "Result of replayWebhookDelivery." })
export class WebhookDeliveryPayload {
  @Field(() => WebhookDelivery, {
    nullable: true,
    description: "The delivery, PENDING again; null when refused.",
  })
  delivery: WebhookDelivery | null;

  @Field(() => [UserError], { description: USER_ERRORS })
  userErrors: UserError[];
}
