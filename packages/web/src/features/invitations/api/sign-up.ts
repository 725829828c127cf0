import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const invitationSignUpMutation = graphql(`
  mutation InvitationSignUp($input: SignUpInput!) {
    signUp(input: $input) {
      user {
        id
      }
      account {
        id
        name
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

/**
 * A new person invited as a partner: creates their login and their company's account and signs
 * them in there (session cookie), so the invitation can then link that account.
 */
export function useInvitationSignUp() {
  return useMutation(invitationSignUpMutation);
}
