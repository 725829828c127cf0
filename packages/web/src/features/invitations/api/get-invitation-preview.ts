import { useQuery } from "@apollo/client/react";
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
    }
  }
`);

export type InvitationPreview = NonNullable<InvitationPreviewQuery["invitation"]>;
export type InvitationViewerUser = NonNullable<InvitationPreviewQuery["viewer"]>["user"];

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
