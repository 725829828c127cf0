import { useQuery } from "@apollo/client/react";
import { type ListOrder, type PageCursor, pageVariables } from "../../../components/list";
import { graphql } from "../../../gql";
import type {
  MemberOrderField,
  PartnerMembersQuery,
  PartnerMembersQueryVariables,
} from "../../../gql/graphql";

export const PARTNER_MEMBERS_PAGE_SIZE = 25;

/** The columns of the partner's people the server orders by (of `MemberOrderField`). */
export const PARTNER_MEMBER_ORDER_FIELDS: readonly MemberOrderField[] = ["NAME", "EMAIL", "STATUS"];

export const partnerMembersQuery = graphql(`
  query PartnerMembers(
    $id: ID!
    $first: Int
    $after: String
    $last: Int
    $before: String
    $orderBy: MemberOrder
  ) {
    node(id: $id) {
      id
      ... on Partner {
        members(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
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
  order: ListOrder<MemberOrderField> | null,
  cursor: PageCursor,
): PartnerMembersQueryVariables {
  return {
    id: partnerId,
    ...(order ? { orderBy: order } : {}),
    ...pageVariables(cursor, PARTNER_MEMBERS_PAGE_SIZE),
  };
}

/** One page of a partner's people in this account (every status), newest first or as ordered. */
export function usePartnerMembers(
  partnerId: string,
  order: ListOrder<MemberOrderField> | null,
  cursor: PageCursor,
) {
  return useQuery(partnerMembersQuery, {
    variables: partnerMembersVariables(partnerId, order, cursor),
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
