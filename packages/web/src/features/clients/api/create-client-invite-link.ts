import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const createClientInviteLinkMutation = graphql(`
  mutation CreateClientInviteLink($input: CreateClientInviteLinkInput!) {
    createClientInviteLink(input: $input) {
      url
      invitation {
        id
        expiresAt
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/** A shareable sign-up link with a team; its URL is returned once. */
export function useCreateClientInviteLink() {
  return useMutation(createClientInviteLinkMutation);
}
