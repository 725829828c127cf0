import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const addTeamMemberMutation = graphql(`
  mutation AddTeamMember($input: TeamMemberInput!) {
    addTeamMember(input: $input) {
      team {
        id
        lead {
          id
          name
          email
        }
        members {
          isLead
          addedAt
          member {
            id
            name
            email
            title
            status
          }
        }
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/** Adds one of the account's active people to the team. */
export function useAddTeamMember() {
  return useMutation(addTeamMemberMutation);
}
