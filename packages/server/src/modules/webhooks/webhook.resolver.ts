import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { ConnectionArgs, type Connection } from "../../graphql/connection";
import type { Context } from "../../graphql/context";
import { localIdOf } from "../../graphql/global-id";
import { Account } from "../accounts/account.type";
import {
  CreateWebhookEndpointInput,
  CreateWebhookEndpointPayload,
  DeleteWebhookEndpointInput,
  ReplayWebhookDeliveryInput,
  UpdateWebhookEndpointInput,
  WebhookDeliveryPayload,
  WebhookEndpointPayload,
} from "./webhook.inputs";
import { WebhookDeliveryConnection, WebhookEndpoint, type WebhookDelivery } from "./webhook.type";
import { webhooksService } from "./webhooks.service";

@Resolver(() => Account)
export class AccountWebhooksResolver {
  @FieldResolver(() => [WebhookEndpoint], {
    description: "OWNER/ADMINISTRATOR only; newest first.",
  })
  webhookEndpoints(@Root() account: Account, @Ctx() context: Context): Promise<WebhookEndpoint[]> {
    return webhooksService.listEndpoints(context, account.localId);
  }
}

@Resolver(() => WebhookEndpoint)
export class WebhookEndpointResolver {
  @FieldResolver(() => WebhookDeliveryConnection, {
    description: "The delivery log, newest first.",
  })
  deliveries(
    @Root() endpoint: WebhookEndpoint,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() context: Context,
  ): Promise<Connection<WebhookDelivery>> {
    return webhooksService.deliveries(context, endpoint, args);
  }

  @Mutation(() => CreateWebhookEndpointPayload, {
    description: "OWNER/ADMINISTRATOR: registers an endpoint; its signing secret is returned once.",
  })
  createWebhookEndpoint(
    @Arg("input", () => CreateWebhookEndpointInput, {
      description: "What to do; see the fields of CreateWebhookEndpointInput.",
    })
    input: CreateWebhookEndpointInput,
    @Ctx() context: Context,
  ): Promise<CreateWebhookEndpointPayload> {
    return webhooksService.createEndpoint(context, input);
  }

  @Mutation(() => WebhookEndpointPayload, {
    description: "OWNER/ADMINISTRATOR: changes an endpoint; only the fields given change.",
  })
  updateWebhookEndpoint(
    @Arg("input", () => UpdateWebhookEndpointInput, {
      description: "What to do; see the fields of UpdateWebhookEndpointInput.",
    })
    input: UpdateWebhookEndpointInput,
    @Ctx() context: Context,
  ): Promise<WebhookEndpointPayload> {
    return webhooksService.updateEndpoint(context, localIdOf(input.id, "WebhookEndpoint"), input);
  }

  @Mutation(() => WebhookEndpointPayload, {
    description: "OWNER/ADMINISTRATOR: deletes an endpoint and its delivery log.",
  })
  deleteWebhookEndpoint(
    @Arg("input", () => DeleteWebhookEndpointInput, {
      description: "What to do; see the fields of DeleteWebhookEndpointInput.",
    })
    input: DeleteWebhookEndpointInput,
    @Ctx() context: Context,
  ): Promise<WebhookEndpointPayload> {
    return webhooksService.deleteEndpoint(context, localIdOf(input.id, "WebhookEndpoint"));
  }

  @Mutation(() => WebhookDeliveryPayload, {
    description:
      "OWNER/ADMINISTRATOR: sends a delivered or failed delivery again, with the same webhook-id.",
  })
  replayWebhookDelivery(
    @Arg("input", () => ReplayWebhookDeliveryInput, {
      description: "What to do; see the fields of ReplayWebhookDeliveryInput.",
    })
    input: ReplayWebhookDeliveryInput,
    @Ctx() context: Context,
  ): Promise<WebhookDeliveryPayload> {
    return webhooksService.replayDelivery(context, localIdOf(input.deliveryId, "WebhookDelivery"));
  }
}
