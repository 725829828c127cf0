import { useQuery } from "@apollo/client/react";
import { type ListOrder, type PageCursor, pageVariables } from "../../../components/list";
import { graphql } from "../../../gql";
import type {
  MemberOrderField,
  MemberQueueQuery,
  MemberQueueQueryVariables,
} from "../../../gql/graphql";
import { MEMBERS_PAGE_SIZE } from "./get-members";

export const memberQueueQuery = graphql(`
  query MemberQueue(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: MemberFilter
    $orderBy: MemberOrder
  ) {
    viewer {
      currentAccount {
        id
        members(
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
            name
            email
            role
            type
            status
            createdAt
            archivedAt
            partner {
              id
              companyName
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

export type MemberQueueConnection = NonNullable<
  NonNullable<MemberQueueQuery["viewer"]>["currentAccount"]
>["members"];
export type MemberQueueRow = MemberQueueConnection["nodes"][number];

/** The statuses worked through in bulk: pending people to activate, archived ones to restore. */
export type QueueStatus = "PENDING" | "ARCHIVED";

export interface UseMemberQueueOptions {
  status: QueueStatus;
  search: string;
  /** Only external members of this partner; null: everyone. */
  partnerId: string | null;
  /** null: the server's default order (newest first). */
  order: ListOrder<MemberOrderField> | null;
  cursor: PageCursor;
}

export function memberQueueVariables({
  status,
  search,
  partnerId,
  order,
  cursor,
}: UseMemberQueueOptions): MemberQueueQueryVariables {
  const filter = {
    status: [status],
    ...(partnerId ? { partnerId } : {}),
    ...(search ? { search } : {}),
  };
  return {
    filter,
    ...(order ? { orderBy: order } : {}),
    ...pageVariables(cursor, MEMBERS_PAGE_SIZE),
  };
}

/** One page of pending or archived members, with their partner, searched and filtered. */
export function useMemberQueue(options: UseMemberQueueOptions) {
  return useQuery(memberQueueQuery, {
    variables: memberQueueVariables(options),
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
