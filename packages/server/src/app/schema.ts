/** Builds the executable schema from the modules' resolver classes. */
import "reflect-metadata";
import { GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { DateTimeResolver } from "graphql-scalars";
import { buildSchemaSync, getMetadataStorage } from "type-graphql";
import { AccountResolver } from "../modules/accounts/account.resolver";
import { AccountAuditResolver, AuditEventResolver } from "../modules/audit/audit.resolver";
import { auditEventNodeSource } from "../modules/audit/audit.service";
import {
  AccountClientsResolver,
  ClientResolver,
  InvitationClientResolver,
} from "../modules/clients/client.resolver";
import { clientNodeSource } from "../modules/clients/clients.service";
import { TeamResolver } from "../modules/teams/team.resolver";
import { teamNodeSource } from "../modules/teams/teams.service";
import { accountNodeSource } from "../modules/accounts/accounts.service";
import { userNodeSource } from "../modules/identity/identity.service";
import { apiTokenNodeSource } from "../modules/identity/api-tokens.service";
import { sessionNodeSource } from "../modules/identity/own-sessions.service";
import { IdentityResolver } from "../modules/identity/identity.resolver";
import { ViewerResolver } from "../modules/identity/viewer.resolver";
import { PasswordResolver } from "../modules/identity/password.resolver";
import { ProfileResolver } from "../modules/identity/profile.resolver";
import { SessionsResolver } from "../modules/identity/sessions.resolver";
import {
  AccountInvitationsResolver,
  InvitationResolver,
} from "../modules/invitations/invitation.resolver";
import { invitationNodeSource } from "../modules/invitations/invitations.service";
import { MemberResolver } from "../modules/members/member.resolver";
import {
  AccountPartnersResolver,
  InvitationPartnerResolver,
  PartnerResolver,
} from "../modules/partners/partner.resolver";
import { partnerNodeSource } from "../modules/partners/partners.service";
import { memberNodeSource } from "../modules/members/members.service";
import {
  AccountNetworkResolver,
  NetworkSummaryResolver,
} from "../modules/network/network.resolver";
import {
  AccountWebhooksResolver,
  WebhookEndpointResolver,
} from "../modules/webhooks/webhook.resolver";
import {
  webhookDeliveryNodeSource,
  webhookEndpointNodeSource,
} from "../modules/webhooks/webhooks.service";
import { applyInputPolicy } from "../graphql/input-policy";
import { registerNodeSource } from "../graphql/node";
import { NodeResolver } from "../graphql/node.resolver";
import { registerInvitationKinds } from "./invitation-kinds";

for (const source of [
  accountNodeSource,
  userNodeSource,
  memberNodeSource,
  apiTokenNodeSource,
  sessionNodeSource,
  invitationNodeSource,
  partnerNodeSource,
  clientNodeSource,
  teamNodeSource,
  webhookEndpointNodeSource,
  webhookDeliveryNodeSource,
  auditEventNodeSource,
])
  registerNodeSource(source);

// The resolvers below accept and resend CLIENT and PARTNER invitations through the registry.
registerInvitationKinds();

let built: GraphQLSchema | undefined;

/**
 * Plain properties resolve as graphql-js' default resolver reads them, not through
 * TypeGraphQL's middleware dispatcher (a closure and an object per field per row; issue 20's
 * profile). Nothing here uses TypeGraphQL middlewares or its auth checker, so they lose
 * nothing; `@FieldResolver`s are unaffected.
 */
function resolvePlainFieldsSimply(): void {
  for (const type of getMetadataStorage().objectTypes) type.simpleResolvers ??= true;
}

export function buildAppSchema(): GraphQLSchema {
  if (!built) resolvePlainFieldsSimply();
  built ??= buildSchemaSync({
    resolvers: [
      NodeResolver,
      ViewerResolver,
      IdentityResolver,
      PasswordResolver,
      ProfileResolver,
      SessionsResolver,
      AccountResolver,
      MemberResolver,
      InvitationResolver,
      AccountInvitationsResolver,
      InvitationPartnerResolver,
      InvitationClientResolver,
      PartnerResolver,
      AccountPartnersResolver,
      ClientResolver,
      AccountClientsResolver,
      AccountNetworkResolver,
      NetworkSummaryResolver,
      TeamResolver,
      AccountWebhooksResolver,
      WebhookEndpointResolver,
      AuditEventResolver,
      AccountAuditResolver,
    ],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
    emitSchemaFile: false,
  });
  // TypeGraphQL has no option for the root types' descriptions; the schema test requires every type to have one.
  const query = built.getQueryType();
  const mutation = built.getMutationType();
  if (query)
    query.description ??=
      "Reads. Start at `viewer` (who is calling, and `currentAccount`), or refetch any object with `node`.";
  if (mutation) {
    mutation.description ??=
      "Changes. Each takes one `input` and returns `userErrors`: when any is returned nothing was changed. Send an `Idempotency-Key` header to retry safely.";
  }
  // Every text argument is checked against the shared input policy before its resolver runs.
  return applyInputPolicy(built);
}

/** The committed snapshot: sorted so that diffs show real changes only. */
export function printSortedSchema(schema: GraphQLSchema = buildAppSchema()): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
