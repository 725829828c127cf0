import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const signUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      verificationEmailSent
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

export function useSignUp() {
  return useMutation(signUpMutation);
}
