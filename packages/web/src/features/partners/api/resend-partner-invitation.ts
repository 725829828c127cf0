import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const resendPartnerInvitationMutation = graphql(`
  mutation ResendPartnerInvitation($input: ResendInvitationInput!) {
    resendInvitation(input: $input) {
      invitation {
        id
        status
        delivery
        expiresAt
      }
      userErrors {
        ...UserErrorFields @unmask
        retryAfter
      }
    }
  }
`);

/**
 * A new link (the old one stops working) and another 14 days: to the partner's email, or to the
 * invited account's owners and administrators. The partner's cached invitation updates from the answer.
 */
export function useResendPartnerInvitation() {
  return useMutation(resendPartnerInvitationMutation);
}
