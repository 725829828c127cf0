import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const updateClientMutation = graphql(`
  mutation UpdateClient($input: UpdateClientInput!) {
    updateClient(input: $input) {
      client {
        id
        title
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/** Changes a client's title; the cache updates the client page from the returned client. */
export function useUpdateClient() {
  return useMutation(updateClientMutation);
}
