import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const replaceTeamMemberMutation = graphql(`
  mutation ReplaceTeamMember($input: ReplaceTeamMemberInput!) {
    replaceTeamMember(input: $input) {
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

/** The replacement takes over the lead when the replaced person led. */
export function useReplaceTeamMember() {
  return useMutation(replaceTeamMemberMutation);
}
