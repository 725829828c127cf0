import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const changePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      endedSessionCount
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/** The other sessions ended with the change: the list is reloaded after it. */
export function useChangePassword() {
  return useMutation(changePasswordMutation, { refetchQueries: ["MySessions"] });
}
