import { useQuery } from "@apollo/client/react";
import { type ListOrder, type PageCursor, pageVariables } from "../../../components/list";
import { graphql } from "../../../gql";
import type {
  MemberOrderField,
  MembersListQuery,
  MembersListQueryVariables,
} from "../../../gql/graphql";

export const MEMBERS_PAGE_SIZE = 25;

/** The fields the server orders members by (`MemberOrderField`). */
export const MEMBER_ORDER_FIELDS: readonly MemberOrderField[] = [
  "NAME",
  "EMAIL",
  "ROLE",
  "STATUS",
  "CREATED_AT",
];

export const membersListQuery = graphql(`
  query MembersList(
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
            acceptedAt
            declinedAt
          }
          pageInfo {
            ...PageInfoFields @unmask
          }
        }
      }
    }
  }
`);

export type MembersConnection = NonNullable<
  NonNullable<MembersListQuery["viewer"]>["currentAccount"]
>["members"];
export type MemberRow = MembersConnection["nodes"][number];

export interface UseMembersOptions {
  search: string;
  /** null: the server's default order (newest first). */
  order: ListOrder<MemberOrderField> | null;
  cursor: PageCursor;
}

export function membersListVariables({
  search,
  order,
  cursor,
}: UseMembersOptions): MembersListQueryVariables {
  const filter = { status: ["ACTIVE" as const], ...(search ? { search } : {}) };
  return {
    filter,
    ...(order ? { orderBy: order } : {}),
    ...pageVariables(cursor, MEMBERS_PAGE_SIZE),
  };
}

/** One page of the current account's active members, searched by name or email. */
export function useActiveMembers(options: UseMembersOptions) {
  return useQuery(membersListQuery, {
    variables: membersListVariables(options),
    notifyOnNetworkStatusChange: true,
  });
}
