import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";
import type { MyClientQuery } from "../../../gql/graphql";

export const myClientQuery = graphql(`
  query MyClient {
    viewer {
      currentAccount {
        id
        name
        # The server scopes a CLIENT's list to their own record.
        clients(first: 1) {
          nodes {
            id
            name
            email
            phone
            status
            team {
              id
              members {
                isLead
                member {
                  id
                  name
                  email
                  title
                }
              }
            }
          }
        }
      }
    }
  }
`);

export type MyClientRecord = NonNullable<
  NonNullable<MyClientQuery["viewer"]>["currentAccount"]
>["clients"]["nodes"][number];

/** A signed-in client's own record and the team that serves them. */
export function useMyClient() {
  return useQuery(myClientQuery, {
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
