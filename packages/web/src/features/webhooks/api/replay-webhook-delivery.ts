import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const replayWebhookDeliveryMutation = graphql(`
  mutation ReplayWebhookDelivery($input: ReplayWebhookDeliveryInput!) {
    replayWebhookDelivery(input: $input) {
      delivery {
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
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

export function useReplayWebhookDelivery() {
  return useMutation(replayWebhookDeliveryMutation);
}
