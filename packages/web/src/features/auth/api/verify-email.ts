import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const verifyEmailMutation = graphql(`
  mutation VerifyEmail($input: VerifyEmailInput!) {
    verifyEmail(input: $input) {
      user {
        id
        emailVerified
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/** Verifying signs the person in when they are not (session cookie); the caller resets the store. */
export function useVerifyEmail() {
  return useMutation(verifyEmailMutation);
}
