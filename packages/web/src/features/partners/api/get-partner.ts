import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";
import type { PartnerDetailsQuery } from "../../../gql/graphql";

export const partnerDetailsQuery = graphql(`
  query PartnerDetails($id: ID!) {
    viewer {
      currentMember {
        id
        role
      }
    }
    node(id: $id) {
      id
      ... on Partner {
        companyName
        contactName
        contactEmail
        status
        allowLogin
        guest
        domain
        externalId
        publicUrl
        logoUrl
        createdAt
        connectedAt
        removedAt
        partnerAccount {
          id
          name
          handle
        }
        memberCounts {
          ...MemberCountsFields @unmask
        }
        invitation {
          id
          status
          delivery
          expiresAt
        }
      }
    }
  }
`);

export type PartnerDetailsNode = Extract<
  NonNullable<PartnerDetailsQuery["node"]>,
  { __typename: "Partner" }
>;

/** One partner and the viewer's role; `node` is null when it does not exist for you. */
export function usePartnerDetails(partnerId: string) {
  return useQuery(partnerDetailsQuery, {
    variables: { id: partnerId },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
