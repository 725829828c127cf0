import { useQuery } from "@apollo/client/react";
import { type PageCursor, pageVariables } from "../../../components/list";
import { graphql } from "../../../gql";
import type {
  PartnersListQuery,
  PartnersListQueryVariables,
  PartnerStatus,
} from "../../../gql/graphql";

export const PARTNERS_PAGE_SIZE = 25;

export const partnersListQuery = graphql(`
  query PartnersList(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: PartnerFilter
  ) {
    viewer {
      currentAccount {
        id
        partners(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
          totalCount
          nodes {
            id
            companyName
            contactName
            contactEmail
            status
            guest
            logoUrl
            partnerAccount {
              id
              name
              handle
            }
            memberCounts {
              ...MemberCountsFields @unmask
            }
          }
          pageInfo {
            ...PageInfoFields @unmask
          }
        }
      }
    }
  }
`);

export type PartnersConnection = NonNullable<
  NonNullable<PartnersListQuery["viewer"]>["currentAccount"]
>["partners"];
export type PartnerRow = PartnersConnection["nodes"][number];

export interface UsePartnersOptions {
  search: string;
  /** null: every status. */
  status: PartnerStatus | null;
  cursor: PageCursor;
}

export function partnersListVariables({
  search,
  status,
  cursor,
}: UsePartnersOptions): PartnersListQueryVariables {
  const filter = { ...(status ? { status: [status] } : {}), ...(search ? { search } : {}) };
  return { filter, ...pageVariables(cursor, PARTNERS_PAGE_SIZE) };
}

/** One page of the account's partners, searched by company, contact or domain. */
export function usePartners(options: UsePartnersOptions) {
  return useQuery(partnersListQuery, {
    variables: partnersListVariables(options),
    // Member counts change on the Members page: show the cached page, then the fresh one.
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
