import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";
import { MEMBER_LIST_QUERIES } from "./refetch";

export const restoreMembersMutation = graphql(`
  mutation RestoreMembers($input: MemberIdsInput!) {
    restoreMembers(input: $input) {
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
export function useRestoreMembers() {
  return useMutation(restoreMembersMutation, { refetchQueries: MEMBER_LIST_QUERIES });
}
