import { useQuery } from "@apollo/client/react";
import { type PageCursor, pageVariables } from "../../../components/list";
import { graphql } from "../../../gql";
import type {
  InvitationsListQuery,
  InvitationsListQueryVariables,
  InvitationStatus,
} from "../../../gql/graphql";

export const INVITATIONS_PAGE_SIZE = 25;

export const invitationsListQuery = graphql(`
  query InvitationsList(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: InvitationFilter
  ) {
    viewer {
      currentAccount {
        id
        invitations(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
          totalCount
          nodes {
            id
            email
            role
            status
            delivery
            expiresAt
            lastSentAt
            sendCount
            issuerCanGrant
            invitedBy {
              id
              name
            }
          }
          pageInfo {
            ...PageInfoFields @unmask
          }
        }
      }
    }
  }
`);

export type InvitationsConnection = NonNullable<
  NonNullable<InvitationsListQuery["viewer"]>["currentAccount"]
>["invitations"];
export type InvitationRow = InvitationsConnection["nodes"][number];

export interface UseInvitationsOptions {
  /** null: every status. */
  status: InvitationStatus | null;
  cursor: PageCursor;
}

export function invitationsListVariables({
  status,
  cursor,
}: UseInvitationsOptions): InvitationsListQueryVariables {
  // User invitations only: partner and client invitations get their own pages.
  const filter = { kind: "USER" as const, ...(status ? { status: [status] } : {}) };
  return { filter, ...pageVariables(cursor, INVITATIONS_PAGE_SIZE) };
}

/** One page of the current account's user invitations with the given status. */
export function useInvitations(options: UseInvitationsOptions) {
  return useQuery(invitationsListQuery, {
    variables: invitationsListVariables(options),
    // Mutations refetch only the tab on screen; another tab revalidates when it opens.
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
