import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";
import type { ApiTokensQuery } from "../../../gql/graphql";

export const apiTokensQuery = graphql(`
  query ApiTokens {
    viewer {
      currentAccount {
        id
        apiTokens {
          id
          name
          scopes
          createdAt
          lastUsedAt
          revokedAt
          expiresAt
        }
      }
    }
  }
`);

export type ApiTokenRow = NonNullable<
  NonNullable<ApiTokensQuery["viewer"]>["currentAccount"]
>["apiTokens"][number];

/** OWNER/ADMINISTRATOR only: the server answers FORBIDDEN to other roles. */
export function useApiTokens() {
  return useQuery(apiTokensQuery, { notifyOnNetworkStatusChange: true });
}
