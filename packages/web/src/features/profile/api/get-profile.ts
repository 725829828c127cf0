import { useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const profileQuery = graphql(`
  query Profile {
    viewer {
      user {
        id
        name
        email
      }
    }
  }
`);

export function useProfile() {
  return useQuery(profileQuery);
}
