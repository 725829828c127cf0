import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";
import { MEMBER_LIST_QUERIES } from "./refetch";

export const activateMembersMutation = graphql(`
  mutation ActivateMembers($input: MemberIdsInput!) {
    activateMembers(input: $input) {
      members {
        ...MemberStatusFields @unmask
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/** All listed members change, or none; the lists and counts on screen are refetched. */
export function useActivateMembers() {
  return useMutation(activateMembersMutation, { refetchQueries: MEMBER_LIST_QUERIES });
}
