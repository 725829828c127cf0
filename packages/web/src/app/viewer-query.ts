import { useQuery } from "@apollo/client/react";
import { graphql } from "../gql";

export const shellViewerQuery = graphql(`
  query ShellViewer {
    viewer {
      user {
        id
        name
        email
      }
    }
  }
`);

/** The signed-in user shown in the app header; `viewer` is null when nobody is signed in. */
export function useShellViewer() {
  return useQuery(shellViewerQuery, { notifyOnNetworkStatusChange: true });
}
