import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";
import { invitationSeatsQuery } from "./get-invitation-seats";
import { invitationsListQuery } from "./get-invitations";

export const revokeInvitationMutation = graphql(`
  mutation RevokeInvitation($input: RevokeInvitationInput!) {
    revokeInvitation(input: $input) {
      invitation {
        id
        status
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/** Cancels an invitation: its link stops working and its seat is free at once. */
export function useRevokeInvitation() {
  return useMutation(revokeInvitationMutation, {
    refetchQueries: [invitationsListQuery, invitationSeatsQuery],
  });
}
