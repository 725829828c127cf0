import { useApolloClient, useMutation } from "@apollo/client/react";
import { useCallback } from "react";
import { graphql } from "../../../gql";

export const logOutMutation = graphql(`
  mutation LogOut {
    logOut {
      ok
    }
  }
`);

/**
 * Ends the session, then resets the Apollo store so every active query (the viewer first)
 * reloads as signed out. Rejects when the server cannot be reached.
 */
export function useLogOut() {
  const client = useApolloClient();
  const [mutate, state] = useMutation(logOutMutation);
  const logOut = useCallback(async () => {
    await mutate();
    // A page query may fail now that nobody is signed in; the guards handle what follows.
    await client.resetStore().catch(() => undefined);
  }, [client, mutate]);
  return [logOut, state] as const;
}
