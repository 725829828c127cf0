import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const membersPermissionsQuery = graphql(`
  query MembersPermissions {
    viewer {
      currentMember {
        id
        role
      }
    }
  }
`);

/** The viewer's role in the current account: which actions the Members page offers. */
export function useMembersPermissions() {
  return useQuery(membersPermissionsQuery);
}
