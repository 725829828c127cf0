import { useApolloClient, useQuery } from "@apollo/client/react";
import { useCallback } from "react";
import { graphql } from "../../../gql";
import type { InvitationPreviewQuery } from "../../../gql/graphql";

export const invitationPreviewQuery = graphql(`
  query InvitationPreview($token: String!) {
    invitation(token: $token) {
      kind
      accountName
      inviterName
      email
      role
      status
      expiresAt
    }
    viewer {
      user {
        id
        name
        email
      }
      # A partner invitation links one of the accounts the viewer administers.
      memberships {
        id
        role
        account {
          id
          name
        }
      }
      currentAccount {
        id
      }
    }
  }
`);

export type InvitationPreview = NonNullable<InvitationPreviewQuery["invitation"]>;
export type InvitationViewer = NonNullable<InvitationPreviewQuery["viewer"]>;
export type InvitationViewerUser = InvitationViewer["user"];
export type InvitationMembership = InvitationViewer["memberships"][number];

/**
 * Public: what the invitee sees before accepting (null for an unknown token), and who is
 * signed in on this browser, if anyone.
 */
export function useInvitationPreview(token: string) {
  return useQuery(invitationPreviewQuery, {
    variables: { token },
    // Always ask: the invitation may have been resent, cancelled or used since.
    fetchPolicy: "network-only",
    notifyOnNetworkStatusChange: true,
  });
}

/**
 * After accepting a partner invitation with a new company name: the account it created, i.e.
 * the viewer's one membership not in `knownAccountIds`. Asked past the cache, which keeps the
 * page's copy of the invitation as it was.
 */
export function useFindCreatedAccount(token: string) {
  const client = useApolloClient();
  return useCallback(
    async (knownAccountIds: readonly string[]) => {
      const { data } = await client.query({
        query: invitationPreviewQuery,
        variables: { token },
        fetchPolicy: "no-cache",
      });
      const accounts = data?.viewer?.memberships.map((membership) => membership.account) ?? [];
      return accounts.find((account) => !knownAccountIds.includes(account.id)) ?? null;
    },
    [client, token],
  );
}
