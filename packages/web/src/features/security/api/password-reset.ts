import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const requestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) {
      ok
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

export function useRequestPasswordReset() {
  return useMutation(requestPasswordResetMutation);
}

export const resetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      user {
        id
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

export function useResetPassword() {
  return useMutation(resetPasswordMutation);
}
