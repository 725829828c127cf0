import { graphql } from "../gql";

/*
 * Selections that many operations repeat. Codegen finds them by name and appends them to every
 * document that spreads them, so a document only writes `...UserErrorFields @unmask`.
 *
 * Spreads carry `@unmask` (Apollo Client strips it before the request) so the generated result
 * types inline these fields: the code reading `userErrors` or `pageInfo` stays as it was, with
 * no `getFragmentData` call, while fragments written for components can still be masked.
 */

/** Why a mutation refused, in the shape `splitUserErrors` and the forms read. */
export const userErrorFieldsFragment = graphql(`
  fragment UserErrorFields on UserError {
    field
    message
    code
  }
`);

/** Where a connection page sits, for Previous/Next by cursor. */
export const pageInfoFieldsFragment = graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    hasPreviousPage
    startCursor
    endCursor
  }
`);
