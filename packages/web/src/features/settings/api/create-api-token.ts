import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";
import { apiTokensQuery } from "./get-api-tokens";

export const createApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      apiToken {
        id
        name
        scopes
        createdAt
        lastUsedAt
        revokedAt
        expiresAt
      }
      secret
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/**
 * Creates a token and puts it first in the cached list (newest first), so the list shows it
 * without another request. The secret is only in the mutation result, never in the cache.
 */
export function useCreateApiToken() {
  return useMutation(createApiTokenMutation, {
    update(cache, { data }) {
      const created = data?.createApiToken.apiToken;
      if (!created) return;
      cache.updateQuery({ query: apiTokensQuery }, (previous) => {
        const account = previous?.viewer?.currentAccount;
        if (!previous?.viewer || !account) return undefined;
        if (account.apiTokens.some((token) => token.id === created.id)) return undefined;
        return {
          ...previous,
          viewer: {
            ...previous.viewer,
            currentAccount: { ...account, apiTokens: [created, ...account.apiTokens] },
          },
        };
      });
    },
  });
}
