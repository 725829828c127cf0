import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const makeTeamLeadMutation = graphql(`
  mutation MakeTeamLead($input: TeamMemberInput!) {
    makeTeamLead(input: $input) {
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

/** The previous lead stays in the team. */
export function useMakeTeamLead() {
  return useMutation(makeTeamLeadMutation);
}
