import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";

export const changePlanMutation = graphql(`
  mutation ChangePlan($input: ChangePlanInput!) {
    changePlan(input: $input) {
      account {
        id
        plan
        seatLimit
        seatsUsed
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

/** OWNER only. The returned account updates the cached one (same id), so the card refreshes. */
export function useChangePlan() {
  return useMutation(changePlanMutation);
}
