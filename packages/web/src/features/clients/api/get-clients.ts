import { useQuery } from "@apollo/client/react";
import { type PageCursor, pageVariables } from "../../../components/list";
import { graphql } from "../../../gql";
import type {
  ClientsListQuery,
  ClientsListQueryVariables,
  ClientStatus,
} from "../../../gql/graphql";

export const CLIENTS_PAGE_SIZE = 25;

export const clientsListQuery = graphql(`
  query ClientsList(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: ClientFilter
  ) {
    viewer {
      currentAccount {
        id
        clients(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
          totalCount
          nodes {
            id
            type
            name
            email
            status
            createdAt
            removedAt
            team {
              id
              lead {
                id
                name
                email
              }
            }
            clientAccount {
              id
              name
              handle
            }
          }
          pageInfo {
            ...PageInfoFields @unmask
          }
        }
      }
    }
  }
`);

export type ClientsConnection = NonNullable<
  NonNullable<ClientsListQuery["viewer"]>["currentAccount"]
>["clients"];
export type ClientRow = ClientsConnection["nodes"][number];

export interface UseClientsOptions {
  search: string;
  /** null: every status. */
  status: ClientStatus | null;
  cursor: PageCursor;
}

export function clientsListVariables({
  search,
  status,
  cursor,
}: UseClientsOptions): ClientsListQueryVariables {
  const filter = { ...(status ? { status: [status] } : {}), ...(search ? { search } : {}) };
  return { filter, ...pageVariables(cursor, CLIENTS_PAGE_SIZE) };
}

/** One page of the account's clients: accounts that have it as a partner, and people. */
export function useClients(options: UseClientsOptions) {
  return useQuery(clientsListQuery, {
    variables: clientsListVariables(options),
    // A partner may end the link from their side at any time: revalidate on every visit.
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
