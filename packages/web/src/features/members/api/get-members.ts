import { useQuery } from "@apollo/client/react";
import { type PageCursor, pageVariables } from "../../../components/list";
import { graphql } from "../../../gql";
import type { MembersListQuery, MembersListQueryVariables } from "../../../gql/graphql";

export const MEMBERS_PAGE_SIZE = 25;

export const membersListQuery = graphql(`
  query MembersList(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: MemberFilter
  ) {
    viewer {
      currentAccount {
        id
        members(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
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
  cursor: PageCursor;
}

export function membersListVariables({
  search,
  cursor,
}: UseMembersOptions): MembersListQueryVariables {
  const filter = { status: ["ACTIVE" as const], ...(search ? { search } : {}) };
  return { filter, ...pageVariables(cursor, MEMBERS_PAGE_SIZE) };
}

/** One page of the current account's active members, searched by name or email. */
export function useActiveMembers(options: UseMembersOptions) {
  return useQuery(membersListQuery, {
    variables: membersListVariables(options),
    notifyOnNetworkStatusChange: true,
  });
}
