import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const deleteWebhookEndpointMutation = graphql(`
  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {
    deleteWebhookEndpoint(input: $input) {
      webhookEndpoint {
        id
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

export function useDeleteWebhookEndpoint() {
  return useMutation(deleteWebhookEndpointMutation, { refetchQueries: ["WebhookEndpoints"] });
}
