import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const replayWebhookDeliveryMutation = graphql(`
  mutation ReplayWebhookDelivery($input: ReplayWebhookDeliveryInput!) {
    replayWebhookDelivery(input: $input) {
      delivery {
        ...WebhookDeliveryFields @unmask
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

export function useReplayWebhookDelivery() {
  return useMutation(replayWebhookDeliveryMutation);
}
