import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const updateAccountMutation = graphql(`
  mutation UpdateAccount($input: UpdateAccountInput!) {
    updateAccount(input: $input) {
      account {
        id
        name
        handle
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/** OWNER/ADMINISTRATOR. The returned account updates the cached one, so the header's name follows. */
export function useUpdateAccount() {
  return useMutation(updateAccountMutation);
}
