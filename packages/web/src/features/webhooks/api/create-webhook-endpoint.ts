import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const createWebhookEndpointMutation = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      webhookEndpoint {
        ...WebhookEndpointFields @unmask
      }
      secret
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/** The secret is only in the mutation result, never in the cache; the list is refetched. */
export function useCreateWebhookEndpoint() {
  return useMutation(createWebhookEndpointMutation, { refetchQueries: ["WebhookEndpoints"] });
}
