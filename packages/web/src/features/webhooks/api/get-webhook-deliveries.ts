import { useQuery } from "@apollo/client/react";
import { type PageCursor, pageVariables } from "../../../components/list";
import { graphql } from "../../../gql";
import type { WebhookDeliveriesQuery } from "../../../gql/graphql";

export const DELIVERIES_PAGE_SIZE = 20;

export const webhookDeliveriesQuery = graphql(`
  query WebhookDeliveries(
    $endpointId: ID!
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    node(id: $endpointId) {
      id
      ... on WebhookEndpoint {
        deliveries(first: $first, after: $after, last: $last, before: $before) {
          totalCount
          pageInfo {
            ...PageInfoFields @unmask
          }
          nodes {
            ...WebhookDeliveryFields @unmask
          }
        }
      }
    }
  }
`);

type EndpointNode = Extract<NonNullable<WebhookDeliveriesQuery["node"]>, { deliveries: unknown }>;
export type WebhookDeliveryRow = EndpointNode["deliveries"]["nodes"][number];

export function useWebhookDeliveries(endpointId: string | null, cursor: PageCursor) {
  return useQuery(webhookDeliveriesQuery, {
    variables: { endpointId: endpointId ?? "", ...pageVariables(cursor, DELIVERIES_PAGE_SIZE) },
    skip: endpointId === null,
    notifyOnNetworkStatusChange: true,
    // The log changes while the drawer is open: always ask the server.
    fetchPolicy: "cache-and-network",
  });
}

export function deliveriesOf(data: WebhookDeliveriesQuery | undefined) {
  const node = data?.node;
  return node && "deliveries" in node ? node.deliveries : null;
}
