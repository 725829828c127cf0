import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";
import { apiTokensQuery } from "./get-api-tokens";

export const revokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($input: RevokeApiTokenInput!) {
    revokeApiToken(input: $input) {
      apiToken {
        id
        revokedAt
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/**
 * The returned token (same id) updates the cached one at once; the list is refetched too, in
 * the background, so it matches the server (a failed refetch leaves the list as it is).
 */
export function useRevokeApiToken() {
  return useMutation(revokeApiTokenMutation, { refetchQueries: [apiTokensQuery] });
}
