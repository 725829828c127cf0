import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";
import { partnerDetailsQuery } from "./get-partner";
import { partnerMembersQuery } from "./get-partner-members";

export const addExternalMemberMutation = graphql(`
  mutation AddExternalMember($input: AddExternalMemberInput!) {
    addExternalMember(input: $input) {
      member {
        id
        name
        email
        status
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/** Adds a person of the partner, active at once; its people and counts are refetched. */
export function useAddExternalMember() {
  return useMutation(addExternalMemberMutation, {
    refetchQueries: [partnerMembersQuery, partnerDetailsQuery],
  });
}
