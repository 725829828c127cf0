import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const memberSeatsQuery = graphql(`
  query MemberSeats {
    viewer {
      currentAccount {
        id
        seatsUsed
        seatLimit
      }
    }
  }
`);

/** Seats used and the plan's limit: archiving or restoring an internal member changes them. */
export function useMemberSeats(skip: boolean) {
  return useQuery(memberSeatsQuery, { skip, fetchPolicy: "cache-and-network" });
}
