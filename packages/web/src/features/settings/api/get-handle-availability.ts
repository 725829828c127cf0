import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const handleAvailabilityQuery = graphql(`
  query HandleAvailability($handle: String!) {
    handleAvailability(handle: $handle) {
      handle
      available
      reason
    }
  }
`);

/**
 * Whether `handle` is free for this account; skipped while null (unchanged or malformed, which
 * the form says itself). Always from the network: another account may take a handle meanwhile.
 */
export function useHandleAvailability(handle: string | null) {
  return useQuery(handleAvailabilityQuery, {
    variables: { handle: handle ?? "" },
    skip: handle === null,
    fetchPolicy: "network-only",
  });
}
