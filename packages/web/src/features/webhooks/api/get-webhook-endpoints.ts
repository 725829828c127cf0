import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";
import type { WebhookEndpointsQuery } from "../../../gql/graphql";

export const webhookEndpointsQuery = graphql(`
  query WebhookEndpoints {
    viewer {
      currentAccount {
        id
        webhookEndpoints {
          ...WebhookEndpointFields @unmask
        }
      }
    }
  }
`);

export type WebhookEndpointRow = NonNullable<
  NonNullable<WebhookEndpointsQuery["viewer"]>["currentAccount"]
>["webhookEndpoints"][number];

export function useWebhookEndpoints() {
  return useQuery(webhookEndpointsQuery, { notifyOnNetworkStatusChange: true });
}
