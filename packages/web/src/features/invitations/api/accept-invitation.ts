import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const acceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      account {
        id
        name
      }
      member {
        id
        role
      }
      verificationEmailSent
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/** Accepting signs a new user in (session cookie); the caller resets the store afterwards. */
export function useAcceptInvitation() {
  return useMutation(acceptInvitationMutation);
}
