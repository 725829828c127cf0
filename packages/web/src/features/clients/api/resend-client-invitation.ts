import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const resendClientInvitationMutation = graphql(`
  mutation ResendClientInvitation($input: ResendInvitationInput!) {
    resendInvitation(input: $input) {
      invitation {
        id
        status
        expiresAt
      }
      userErrors {
        ...UserErrorFields @unmask
        retryAfter
      }
    }
  }
`);

/** A new link to the client's email (the old one stops working) and another 48 hours; the client's cached invitation updates from the answer. */
export function useResendClientInvitation() {
  return useMutation(resendClientInvitationMutation);
}
