import { useQuery } from "@apollo/client/react";
import { NETWORK_NODES_MAX } from "@pn/shared";
import { graphql } from "../../../gql";
import type { NetworkMapQuery } from "../../../gql/graphql";

export const networkMapQuery = graphql(`
  query NetworkMap($first: Int!) {
    viewer {
      currentAccount {
        id
        name
        networkSummary {
          partnerCount
          clientCount
          nodes(first: $first) {
            kind
            id
            name
            status
            activeCount
            pendingCount
          }
        }
      }
    }
  }
`);

type Account = NonNullable<NonNullable<NetworkMapQuery["viewer"]>["currentAccount"]>;
export type NetworkSummary = NonNullable<Account["networkSummary"]>;
export type NetworkMapNode = NetworkSummary["nodes"][number];

/** The whole network in one bounded read: the largest map the server draws. */
export function useNetworkMap() {
  return useQuery(networkMapQuery, {
    variables: { first: NETWORK_NODES_MAX },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
