import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const updateWebhookEndpointMutation = graphql(`
  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      webhookEndpoint {
        ...WebhookEndpointFields @unmask
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

export function useUpdateWebhookEndpoint() {
  return useMutation(updateWebhookEndpointMutation);
}
