import { graphql } from "../../../gql";

/**
 * A partner's people by status: the list's and the page's counts, and what removal answers
 * once it has archived them. Spread with `@unmask`.
 */
export const memberCountsFieldsFragment = graphql(`
  fragment MemberCountsFields on MemberCounts {
    pending
    active
    archived
  }
`);
