import { useQuery } from "@apollo/client/react";
import { type ListOrder, type PageCursor, pageVariables } from "../../../components/list";
import { graphql } from "../../../gql";
import type {
  ClientOrderField,
  ClientsListQuery,
  ClientsListQueryVariables,
  ClientStatus,
} from "../../../gql/graphql";

export const CLIENTS_PAGE_SIZE = 25;

/** The fields the server orders clients by (`ClientOrderField`). */
export const CLIENT_ORDER_FIELDS: readonly ClientOrderField[] = ["NAME", "CREATED_AT"];

export const clientsListQuery = graphql(`
  query ClientsList(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: ClientFilter
    $orderBy: ClientOrder
  ) {
    viewer {
      currentAccount {
        id
        clients(
          first: $first
          after: $after
          last: $last
          before: $before
          filter: $filter
          orderBy: $orderBy
        ) {
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
  /** null: the server's default order (newest first). */
  order: ListOrder<ClientOrderField> | null;
  cursor: PageCursor;
}

export function clientsListVariables({
  search,
  status,
  order,
  cursor,
}: UseClientsOptions): ClientsListQueryVariables {
  const filter = { ...(status ? { status: [status] } : {}), ...(search ? { search } : {}) };
  return {
    filter,
    ...(order ? { orderBy: order } : {}),
    ...pageVariables(cursor, CLIENTS_PAGE_SIZE),
  };
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
