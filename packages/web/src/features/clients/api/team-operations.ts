import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

/*
 * The four ways an editor changes a client's team. Each answers with the whole team in the
 * shape the client page reads (ClientTeamFields), so Apollo's cache updates that page in place.
 */

/** A client's team as the client page shows it: the lead and everyone with their join date. */
export const clientTeamFieldsFragment = graphql(`
  fragment ClientTeamFields on Team {
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
`);

export const addTeamMemberMutation = graphql(`
  mutation AddTeamMember($input: TeamMemberInput!) {
    addTeamMember(input: $input) {
      team {
        ...ClientTeamFields @unmask
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

export const removeTeamMemberMutation = graphql(`
  mutation RemoveTeamMember($input: TeamMemberInput!) {
    removeTeamMember(input: $input) {
      team {
        ...ClientTeamFields @unmask
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

export const makeTeamLeadMutation = graphql(`
  mutation MakeTeamLead($input: TeamMemberInput!) {
    makeTeamLead(input: $input) {
      team {
        ...ClientTeamFields @unmask
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

export const replaceTeamMemberMutation = graphql(`
  mutation ReplaceTeamMember($input: ReplaceTeamMemberInput!) {
    replaceTeamMember(input: $input) {
      team {
        ...ClientTeamFields @unmask
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

/** Refused for the lead and the last member (userErrors). */
export function useRemoveTeamMember() {
  return useMutation(removeTeamMemberMutation);
}

/** The previous lead stays in the team. */
export function useMakeTeamLead() {
  return useMutation(makeTeamLeadMutation);
}

/** The replacement takes over the lead when the replaced person led. */
export function useReplaceTeamMember() {
  return useMutation(replaceTeamMemberMutation);
}
