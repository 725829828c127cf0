import { graphql } from "../../../gql";

// Shapes the webhook queries and mutations share, so a mutation's answer updates the lists in
// Apollo's cache with every field they show. Spread with `@unmask` (see src/lib/fragments.ts).

/** An endpoint as the endpoints table shows it. */
export const webhookEndpointFieldsFragment = graphql(`
  fragment WebhookEndpointFields on WebhookEndpoint {
    id
    url
    description
    eventTypes
    enabled
    disabledReason
    failingSince
    createdAt
  }
`);

/** A delivery as the deliveries drawer shows it, with its last attempt. */
export const webhookDeliveryFieldsFragment = graphql(`
  fragment WebhookDeliveryFields on WebhookDelivery {
    id
    messageId
    eventType
    objectId
    status
    attemptCount
    createdAt
    completedAt
    lastAttempt {
      attempt
      attemptedAt
      statusCode
      durationMs
      error
    }
  }
`);
