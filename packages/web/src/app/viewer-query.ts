import { useQuery } from "@apollo/client/react";
import { graphql } from "../gql";

export const shellViewerQuery = graphql(`
  query ShellViewer {
    viewer {
      user {
        id
        name
        email
        emailVerified
      }
      memberships {
        id
        role
        account {
          id
          name
          handle
        }
      }
      currentAccount {
        id
        name
        handle
      }
      currentMember {
        id
        role
      }
    }
  }
`);

/**
 * The signed-in user, their accounts and where they act now; `viewer` is null when nobody is
 * signed in. Shared by the header and the route guards (one request, cached).
 */
export function useShellViewer() {
  return useQuery(shellViewerQuery, { notifyOnNetworkStatusChange: true });
}
