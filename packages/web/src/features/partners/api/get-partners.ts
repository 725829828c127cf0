import { useQuery } from "@apollo/client/react";
import { type ListOrder, type PageCursor, pageVariables } from "../../../components/list";
import { graphql } from "../../../gql";
import type {
  PartnerOrderField,
  PartnersListQuery,
  PartnersListQueryVariables,
  PartnerStatus,
} from "../../../gql/graphql";

export const PARTNERS_PAGE_SIZE = 25;

/** The fields the server orders partners by (`PartnerOrderField`). */
export const PARTNER_ORDER_FIELDS: readonly PartnerOrderField[] = [
  "COMPANY_NAME",
  "CREATED_AT",
  "PENDING_MEMBERS",
];

export const partnersListQuery = graphql(`
  query PartnersList(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: PartnerFilter
    $orderBy: PartnerOrder
  ) {
    viewer {
      currentAccount {
        id
        partners(
          first: $first
          after: $after
          last: $last
          before: $before
          filter: $filter
          orderBy: $orderBy
        ) {
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
  /** null: the server's default order (newest first). */
  order: ListOrder<PartnerOrderField> | null;
  cursor: PageCursor;
}

export function partnersListVariables({
  search,
  status,
  order,
  cursor,
}: UsePartnersOptions): PartnersListQueryVariables {
  const filter = { ...(status ? { status: [status] } : {}), ...(search ? { search } : {}) };
  return {
    filter,
    ...(order ? { orderBy: order } : {}),
    ...pageVariables(cursor, PARTNERS_PAGE_SIZE),
  };
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
