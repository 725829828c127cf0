import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const updateProfileMutation = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      user {
        id
        name
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/** The returned user (same id) updates the header and everything else showing the viewer. */
export function useUpdateProfile() {
  return useMutation(updateProfileMutation);
}
