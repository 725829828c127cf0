import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";
import type { TransferCandidatesQuery } from "../../../gql/graphql";

export const transferCandidatesQuery = graphql(`
  query TransferCandidates {
    viewer {
      currentAccount {
        id
        members(first: 100, filter: { status: [ACTIVE], type: INTERNAL }) {
          nodes {
            id
            name
            email
            role
          }
        }
      }
    }
  }
`);

export type TransferCandidate = NonNullable<
  NonNullable<TransferCandidatesQuery["viewer"]>["currentAccount"]
>["members"]["nodes"][number];

/** Active internal members; the owner may hand the account to the administrators among them. */
export function useTransferCandidates() {
  return useQuery(transferCandidatesQuery, { fetchPolicy: "cache-and-network" });
}
