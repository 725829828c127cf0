import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const accountSettingsQuery = graphql(`
  query AccountSettings {
    viewer {
      currentMember {
        id
        role
      }
      currentAccount {
        id
        name
        handle
        plan
        seatLimit
        seatsUsed
      }
    }
  }
`);

/** The current account's plan and seats, and the viewer's role in it. */
export function useAccountSettings() {
  return useQuery(accountSettingsQuery, { notifyOnNetworkStatusChange: true });
}
