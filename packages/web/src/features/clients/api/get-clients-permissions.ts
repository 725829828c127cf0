import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const clientsPermissionsQuery = graphql(`
  query ClientsPermissions {
    viewer {
      currentAccount {
        id
      }
      currentMember {
        id
        role
      }
    }
  }
`);

/** The viewer's role in the current account: whether the Clients page offers removal. */
export function useClientsPermissions() {
  return useQuery(clientsPermissionsQuery, { notifyOnNetworkStatusChange: true });
}
