import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";
import { partnersListQuery } from "./get-partners";

export const createPartnerMutation = graphql(`
  mutation CreatePartner($input: CreatePartnerInput!) {
    createPartner(input: $input) {
      partner {
        id
        companyName
        status
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/** Adds a company without an account here (e.g. a guest company); the list is refetched. */
export function useCreatePartner() {
  return useMutation(createPartnerMutation, { refetchQueries: [partnersListQuery] });
}
