import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";
import type { PendingMembershipsQuery } from "../../../gql/graphql";

export const pendingMembershipsQuery = graphql(`
  query PendingMemberships {
    viewer {
      pendingMemberships {
        emailVerified
        hiddenReason
        memberships {
          memberId
          accountName
          addedByName
          createdAt
        }
      }
    }
  }
`);

export type PendingMembershipRow = NonNullable<
  PendingMembershipsQuery["viewer"]
>["pendingMemberships"]["memberships"][number];

/** Memberships other accounts created for the viewer, awaiting their answer. */
export function usePendingMemberships() {
  return useQuery(pendingMembershipsQuery, {
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
