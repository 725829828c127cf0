import { graphql } from "../../../gql";

/**
 * What a status change (activate, archive, restore) alters on each member: what the bulk
 * mutations answer so Apollo's cache moves people between the lists. Spread with `@unmask`.
 */
export const memberStatusFieldsFragment = graphql(`
  fragment MemberStatusFields on Member {
    id
    status
    activatedAt
    archivedAt
  }
`);
