import { useMutation } from "@apollo/client/react";
import { graphql } from "../../gql";

export const switchAccountMutation = graphql(`
  mutation SwitchAccount($input: SwitchAccountInput!) {
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

export function useSwitchAccount() {
  return useMutation(switchAccountMutation);
}
