import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const updateMemberMutation = graphql(`
  mutation UpdateMember($input: UpdateMemberInput!) {
    updateMember(input: $input) {
      member {
        id
        name
        nameEditable
        title
        role
        canLogin
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/** The returned member (same id) updates every list and the side panel through the cache. */
export function useUpdateMember() {
  return useMutation(updateMemberMutation);
}
