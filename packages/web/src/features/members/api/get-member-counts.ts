import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const memberCountsQuery = graphql(`
  query MemberCounts {
    viewer {
      currentAccount {
        id
        active: members(first: 1, filter: { status: [ACTIVE] }) {
          totalCount
        }
        pending: members(first: 1, filter: { status: [PENDING] }) {
          totalCount
        }
        archived: members(first: 1, filter: { status: [ARCHIVED] }) {
          totalCount
        }
      }
    }
  }
`);

/** How many members are active, pending and archived: the counts on the Members tabs. */
export function useMemberCounts() {
  return useQuery(memberCountsQuery, { fetchPolicy: "cache-and-network" });
}
