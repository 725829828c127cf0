import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";
import { MEMBER_LIST_QUERIES } from "./refetch";

export const archiveMembersMutation = graphql(`
  mutation ArchiveMembers($input: MemberIdsInput!) {
    archiveMembers(input: $input) {
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
export function useArchiveMembers() {
  return useMutation(archiveMembersMutation, { refetchQueries: MEMBER_LIST_QUERIES });
}
