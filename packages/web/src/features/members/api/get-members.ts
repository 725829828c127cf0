import { useQuery } from "@apollo/client/react";
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

/** Where a page of the list starts: after a cursor (forwards) or before one (backwards). */
export type PageCursor = { after: string } | { before: string } | null;

export interface UseMembersOptions {
  search: string;
  cursor: PageCursor;
}

export function membersListVariables({
  search,
  cursor,
}: UseMembersOptions): MembersListQueryVariables {
  const filter = { status: ["ACTIVE" as const], ...(search ? { search } : {}) };
  if (cursor && "before" in cursor) {
    return { filter, last: MEMBERS_PAGE_SIZE, before: cursor.before };
  }
  return { filter, first: MEMBERS_PAGE_SIZE, ...(cursor ? { after: cursor.after } : {}) };
}

/** One page of the current account's active members, searched by name or email. */
export function useActiveMembers(options: UseMembersOptions) {
  return useQuery(membersListQuery, {
    variables: membersListVariables(options),
    notifyOnNetworkStatusChange: true,
  });
}
