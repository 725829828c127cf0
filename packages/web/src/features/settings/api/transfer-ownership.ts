import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const transferOwnershipMutation = graphql(`
  mutation TransferOwnership($input: TransferOwnershipInput!) {
    transferOwnership(input: $input) {
      previousOwner {
        id
        role
      }
      newOwner {
        id
        name
        role
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/**
 * OWNER only. Both members come back with their new roles, so every cached view of the viewer's
 * role (settings, header, members list) changes at once.
 */
export function useTransferOwnership() {
  return useMutation(transferOwnershipMutation);
}
