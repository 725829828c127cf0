import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";
import type { InvitationSeatsQuery } from "../../../gql/graphql";

export const invitationSeatsQuery = graphql(`
  query InvitationSeats {
    viewer {
      currentMember {
        id
        role
      }
      currentAccount {
        id
        name
        seatsUsed
        seatLimit
      }
    }
  }
`);

export type SeatsAccount = NonNullable<
  NonNullable<InvitationSeatsQuery["viewer"]>["currentAccount"]
>;

/** The viewer's role (who may invite) and the account's seats (used, limit; null = unlimited). */
export function useInvitationSeats() {
  return useQuery(invitationSeatsQuery, { notifyOnNetworkStatusChange: true });
}
