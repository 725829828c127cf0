import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";
import { invitationSeatsQuery } from "./get-invitation-seats";
import { invitationsListQuery } from "./get-invitations";

export const resendInvitationMutation = graphql(`
  mutation ResendInvitation($input: ResendInvitationInput!) {
    resendInvitation(input: $input) {
      invitation {
        id
        status
        delivery
        expiresAt
        lastSentAt
        sendCount
        issuerCanGrant
        invitedBy {
          id
          name
        }
      }
      userErrors {
        ...UserErrorFields @unmask
        retryAfter
      }
    }
  }
`);

/**
 * A new link (the old one stops working) and another 48 hours. The returned invitation updates
 * the cached row at once; an expired one moves back to Pending, so the lists refetch too.
 */
export function useResendInvitation() {
  return useMutation(resendInvitationMutation, {
    refetchQueries: [invitationsListQuery, invitationSeatsQuery],
  });
}
