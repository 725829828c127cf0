import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";
import { partnerMembersQuery } from "./get-partner-members";

export const removePartnerMutation = graphql(`
  mutation RemovePartnerFromNetwork($input: RemovePartnerFromNetworkInput!) {
    removePartnerFromNetwork(input: $input) {
      archivedMemberCount
      partner {
        id
        status
        removedAt
        memberCounts {
          ...MemberCountsFields @unmask
        }
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/** Ends the link both ways and archives the partner's people here; its people are refetched. */
export function useRemovePartner() {
  return useMutation(removePartnerMutation, { refetchQueries: [partnerMembersQuery] });
}
