import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const partnersPermissionsQuery = graphql(`
  query PartnersPermissions {
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

/** The viewer's role in the current account: which actions the Partners page offers. */
export function usePartnersPermissions() {
  return useQuery(partnersPermissionsQuery, { notifyOnNetworkStatusChange: true });
}
