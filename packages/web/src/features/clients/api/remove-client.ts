import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";
import { clientsListQuery } from "./get-clients";

export const removeClientMutation = graphql(`
  mutation RemoveClientFromNetwork($input: RemoveClientFromNetworkInput!) {
    removeClientFromNetwork(input: $input) {
      archivedMemberCount
      client {
        id
        status
        removedAt
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/** Ends the partnership with an ACCOUNT client, both ways; the list on screen is refetched. */
export function useRemoveClient() {
  return useMutation(removeClientMutation, { refetchQueries: [clientsListQuery] });
}
