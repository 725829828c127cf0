import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";
import type { MemberDetailsQuery } from "../../../gql/graphql";

export const memberDetailsQuery = graphql(`
  query MemberDetails($id: ID!) {
    node(id: $id) {
      id
      ... on Member {
        name
        email
        title
        type
        role
        status
        canLogin
        createdAt
        activatedAt
        archivedAt
        acceptedAt
        declinedAt
        nameEditable
        partner {
          id
          companyName
        }
      }
    }
  }
`);

export type MemberDetailsNode = Extract<
  NonNullable<MemberDetailsQuery["node"]>,
  { __typename: "Member" }
>;

/** One member, everything the side panel shows and edits; null when it does not exist for you. */
export function useMemberDetails(memberId: string) {
  return useQuery(memberDetailsQuery, {
    variables: { id: memberId },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
