import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";
import type { ClientDetailsQuery } from "../../../gql/graphql";

export const clientDetailsQuery = graphql(`
  query ClientDetails($id: ID!) {
    viewer {
      currentMember {
        id
        role
      }
    }
    node(id: $id) {
      id
      ... on Client {
        type
        name
        title
        email
        phone
        status
        createdAt
        removedAt
        clientAccount {
          id
          name
          handle
        }
        invitation {
          id
          email
          status
          expiresAt
        }
        team {
          ...ClientTeamFields @unmask
        }
      }
    }
  }
`);

export type ClientTeam = ClientDetailsNode["team"];
export type TeamMembershipRow = ClientTeam["members"][number];

export type ClientDetailsNode = Extract<
  NonNullable<ClientDetailsQuery["node"]>,
  { __typename: "Client" }
>;

/** One client with its team, and the viewer's role; `node` is null when it does not exist for you. */
export function useClientDetails(clientId: string) {
  return useQuery(clientDetailsQuery, {
    variables: { id: clientId },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
