import { useQuery } from "@apollo/client/react";
import { type PageCursor, pageVariables } from "../../../components/list";
import { graphql } from "../../../gql";
import type { PartnerMembersQuery, PartnerMembersQueryVariables } from "../../../gql/graphql";

export const PARTNER_MEMBERS_PAGE_SIZE = 25;

export const partnerMembersQuery = graphql(`
  query PartnerMembers($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    node(id: $id) {
      id
      ... on Partner {
        members(first: $first, after: $after, last: $last, before: $before) {
          totalCount
          nodes {
            id
            name
            email
            title
            status
            canLogin
          }
          pageInfo {
            ...PageInfoFields @unmask
          }
        }
      }
    }
  }
`);

type PartnerMembersNode = Extract<
  NonNullable<PartnerMembersQuery["node"]>,
  { __typename: "Partner" }
>;
export type PartnerMembersConnection = PartnerMembersNode["members"];
export type PartnerMemberRow = PartnerMembersConnection["nodes"][number];

export function partnerMembersVariables(
  partnerId: string,
  cursor: PageCursor,
): PartnerMembersQueryVariables {
  return { id: partnerId, ...pageVariables(cursor, PARTNER_MEMBERS_PAGE_SIZE) };
}

/** One page of a partner's people in this account (every status). */
export function usePartnerMembers(partnerId: string, cursor: PageCursor) {
  return useQuery(partnerMembersQuery, {
    variables: partnerMembersVariables(partnerId, cursor),
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
