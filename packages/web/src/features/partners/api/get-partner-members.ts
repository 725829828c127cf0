import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";
import type { PartnerMembersQuery, PartnerMembersQueryVariables } from "../../../gql/graphql";
import type { PageCursor } from "./get-partners";

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
  if (cursor && "before" in cursor) {
    return { id: partnerId, last: PARTNER_MEMBERS_PAGE_SIZE, before: cursor.before };
  }
  return {
    id: partnerId,
    first: PARTNER_MEMBERS_PAGE_SIZE,
    ...(cursor ? { after: cursor.after } : {}),
  };
}

/** One page of a partner's people in this account (every status). */
export function usePartnerMembers(partnerId: string, cursor: PageCursor) {
  return useQuery(partnerMembersQuery, {
    variables: partnerMembersVariables(partnerId, cursor),
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
