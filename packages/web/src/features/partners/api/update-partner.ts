import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const updatePartnerMutation = graphql(`
  mutation UpdatePartner($input: UpdatePartnerInput!) {
    updatePartner(input: $input) {
      partner {
        id
        companyName
        domain
        externalId
        publicUrl
        guest
        allowLogin
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/** The returned partner (same id) updates the page and the list through the cache. */
export function useUpdatePartner() {
  return useMutation(updatePartnerMutation);
}
