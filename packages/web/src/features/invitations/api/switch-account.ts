import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const invitationSwitchAccountMutation = graphql(`
  mutation InvitationSwitchAccount($input: SwitchAccountInput!) {
    switchAccount(input: $input) {
      account {
        id
        name
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/**
 * Accepting a partner invitation leaves the session where it was; this moves it into the
 * account that became the partner. The caller resets the store afterwards.
 */
export function useInvitationSwitchAccount() {
  return useMutation(invitationSwitchAccountMutation);
}
