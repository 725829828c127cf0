import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const memberPartnerOptionsQuery = graphql(`
  query MemberPartnerOptions {
    viewer {
      currentAccount {
        id
        partners(first: 100) {
          nodes {
            id
            companyName
            status
          }
        }
      }
    }
  }
`);

/** The account's partners (up to 100, newest first) for the "Partner" filter. */
export function useMemberPartnerOptions() {
  return useQuery(memberPartnerOptionsQuery);
}
