import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";
import type { TeamCandidatesQuery } from "../../../gql/graphql";

/** How many people the team pickers offer; the picker searches among them. */
export const TEAM_CANDIDATES_LIMIT = 100;

export const teamCandidatesQuery = graphql(`
  query TeamCandidates($first: Int) {
    viewer {
      currentAccount {
        id
        members(first: $first, filter: { type: INTERNAL, status: [ACTIVE] }) {
          totalCount
          nodes {
            id
            name
            email
          }
        }
      }
    }
  }
`);

export type TeamCandidate = NonNullable<
  NonNullable<TeamCandidatesQuery["viewer"]>["currentAccount"]
>["members"]["nodes"][number];

/** The account's active internal people: who may serve in a client's team. */
export function useTeamCandidates() {
  return useQuery(teamCandidatesQuery, {
    variables: { first: TEAM_CANDIDATES_LIMIT },
    // People join and leave: ask again each time a picker opens.
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
