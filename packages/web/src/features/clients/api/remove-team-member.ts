import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const removeTeamMemberMutation = graphql(`
  mutation RemoveTeamMember($input: TeamMemberInput!) {
    removeTeamMember(input: $input) {
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

/** Refused for the lead and the last member (userErrors). */
export function useRemoveTeamMember() {
  return useMutation(removeTeamMemberMutation);
}
