import { useQuery } from "@apollo/client/react";
import { type ListOrder, type PageCursor, pageVariables } from "../../../components/list";
import { graphql } from "../../../gql";
import type {
  InvitationOrderField,
  InvitationsListQuery,
  InvitationsListQueryVariables,
  InvitationStatus,
} from "../../../gql/graphql";

export const INVITATIONS_PAGE_SIZE = 25;

/** The fields the server orders invitations by (`InvitationOrderField`). */
export const INVITATION_ORDER_FIELDS: readonly InvitationOrderField[] = [
  "EMAIL",
  "STATUS",
  "CREATED_AT",
  "EXPIRES_AT",
];

export const invitationsListQuery = graphql(`
  query InvitationsList(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: InvitationFilter
    $orderBy: InvitationOrder
  ) {
    viewer {
      currentAccount {
        id
        invitations(
          first: $first
          after: $after
          last: $last
          before: $before
          filter: $filter
          orderBy: $orderBy
        ) {
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
  /** null: the server's default order (newest first). */
  order: ListOrder<InvitationOrderField> | null;
  cursor: PageCursor;
}

export function invitationsListVariables({
  status,
  order,
  cursor,
}: UseInvitationsOptions): InvitationsListQueryVariables {
  // User invitations only: partner and client invitations get their own pages.
  const filter = { kind: "USER" as const, ...(status ? { status: [status] } : {}) };
  return {
    filter,
    ...(order ? { orderBy: order } : {}),
    ...pageVariables(cursor, INVITATIONS_PAGE_SIZE),
  };
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
