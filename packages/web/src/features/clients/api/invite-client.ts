import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";
import { clientsListQuery } from "./get-clients";

export const inviteClientMutation = graphql(`
  mutation InviteClient($input: InviteClientInput!) {
    inviteClient(input: $input) {
      client {
        id
        name
        email
        status
      }
      invitation {
        id
        delivery
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/** Invites a person as a client by email, with their team; the list on screen is refetched. */
export function useInviteClient() {
  return useMutation(inviteClientMutation, { refetchQueries: [clientsListQuery] });
}
