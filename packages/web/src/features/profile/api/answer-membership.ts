import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";
import { pendingMembershipsQuery } from "./get-pending-memberships";

export const acceptMembershipMutation = graphql(`
  mutation AcceptMembership($input: AnswerMembershipInput!) {
    acceptMembership(input: $input) {
      account {
        id
        name
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

export const declineMembershipMutation = graphql(`
  mutation DeclineMembership($input: AnswerMembershipInput!) {
    declineMembership(input: $input) {
      account {
        id
        name
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/** Both answers change the pending list; accepting adds an account to the switcher (the shell's viewer) too. */
const refetchQueries = [pendingMembershipsQuery, "ShellViewer"];

export function useAcceptMembership() {
  return useMutation(acceptMembershipMutation, { refetchQueries });
}

export function useDeclineMembership() {
  return useMutation(declineMembershipMutation, { refetchQueries });
}
