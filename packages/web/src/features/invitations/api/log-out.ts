import { useApolloClient, useMutation } from "@apollo/client/react";
import { useCallback } from "react";
import { graphql } from "../../../gql";

export const invitationLogOutMutation = graphql(`
  mutation InvitationLogOut {
    logOut {
      ok
    }
  }
`);

/**
 * Ends the session of someone signed in with another email than the invitation's, then
 * resets the store so the invitation page reloads as signed out. Rejects when the server
 * cannot be reached.
 */
export function useInvitationLogOut() {
  const client = useApolloClient();
  const [mutate, state] = useMutation(invitationLogOutMutation);
  const logOut = useCallback(async () => {
    await mutate();
    await client.resetStore().catch(() => undefined);
  }, [client, mutate]);
  return [logOut, state] as const;
}
