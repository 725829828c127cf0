import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const logInMutation = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      user {
        id
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

export function useLogIn() {
  return useMutation(logInMutation);
}
