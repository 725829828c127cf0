import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";
import { invitationSeatsQuery } from "./get-invitation-seats";
import { invitationsListQuery } from "./get-invitations";

export const inviteUsersMutation = graphql(`
  mutation InviteUsers($input: InviteUsersInput!) {
    inviteUsers(input: $input) {
      invitations {
        id
        email
        role
        status
        delivery
        expiresAt
        lastSentAt
        sendCount
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/**
 * All or nothing: either every invitee gets an invitation or `userErrors` say why not, at
 * ["invitees", "<index>", "email" | "role"] or ["invitees"] (seats). The lists and the seat
 * count refetch afterwards.
 */
export function useInviteUsers() {
  return useMutation(inviteUsersMutation, {
    refetchQueries: [invitationsListQuery, invitationSeatsQuery],
  });
}
