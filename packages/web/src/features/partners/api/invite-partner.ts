import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";
import { partnersListQuery } from "./get-partners";

export const invitePartnerMutation = graphql(`
  mutation InvitePartner($input: InvitePartnerInput!) {
    invitePartner(input: $input) {
      partner {
        id
        companyName
        status
      }
      invitation {
        id
        status
        delivery
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/** Invites a company by email or account ID; the list on screen is refetched. */
export function useInvitePartner() {
  return useMutation(invitePartnerMutation, { refetchQueries: [partnersListQuery] });
}
