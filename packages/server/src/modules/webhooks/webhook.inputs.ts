import { Field, ID, InputType, ObjectType } from "type-graphql";
import { UserError } from "../../graphql/user-error";
import { WebhookEventType } from "./webhook-events";
import { WebhookDelivery, WebhookEndpoint } from "./webhook.type";

@InputType()
export class CreateWebhookEndpointInput {
  @Field(() => String) url: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [WebhookEventType], { description: "At least one." }) eventTypes: WebhookEventType[];
  @Field(() => Boolean, { nullable: true, description: "Default true." }) enabled?: boolean | null;
}

@ObjectType()
export class CreateWebhookEndpointPayload {
  @Field(() => WebhookEndpoint, { nullable: true }) webhookEndpoint: WebhookEndpoint | null;
  @Field(() => String, {
    nullable: true,
    description: "The signing secret (`whsec_…`), shown exactly once.",
  })
  secret: string | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class UpdateWebhookEndpointInput {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [WebhookEventType], { nullable: true }) eventTypes?: WebhookEventType[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "Turning an endpoint back on clears its failure state.",
  })
  enabled?: boolean | null;
}

@InputType()
export class DeleteWebhookEndpointInput {
  @Field(() => ID) id: string;
}

@ObjectType()
export class WebhookEndpointPayload {
  @Field(() => WebhookEndpoint, { nullable: true }) webhookEndpoint: WebhookEndpoint | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class ReplayWebhookDeliveryInput {
  @Field(() => ID) deliveryId: string;
}

@ObjectType()
export class WebhookDeliveryPayload {
  @Field(() => WebhookDelivery, { nullable: true }) delivery: WebhookDelivery | null;
  @Field(() => [UserError]) userErrors: UserError[];
}
