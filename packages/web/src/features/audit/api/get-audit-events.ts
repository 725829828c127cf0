import { useQuery } from "@apollo/client/react";
import { type PageCursor, pageVariables } from "../../../components/list";
import { graphql } from "../../../gql";
import type { AuditEventsQuery, AuditEventsQueryVariables } from "../../../gql/graphql";

export const AUDIT_PAGE_SIZE = 25;

export const auditEventsQuery = graphql(`
  query AuditEvents(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: AuditEventFilter
  ) {
    viewer {
      currentAccount {
        id
        auditEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
          totalCount
          nodes {
            id
            action
            objectType
            objectId
            via
            apiTokenName
            ip
            createdAt
            details
            actor {
              id
              name
              email
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

export type AuditConnection = NonNullable<
  NonNullable<AuditEventsQuery["viewer"]>["currentAccount"]
>["auditEvents"];
export type AuditEventRow = AuditConnection["nodes"][number];

export interface AuditFilters {
  /** null: every action. */
  action: string | null;
  /** Inclusive start, as an ISO date-time; null: no lower bound. */
  from: string | null;
  /** Exclusive end, as an ISO date-time; null: up to now. */
  to: string | null;
}

export function auditEventsVariables(
  filters: AuditFilters,
  cursor: PageCursor,
): AuditEventsQueryVariables {
  const filter = {
    ...(filters.action ? { action: [filters.action] } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
  return { filter, ...pageVariables(cursor, AUDIT_PAGE_SIZE) };
}

/** One page of the account's audit log, newest first (OWNER/ADMINISTRATOR only). */
export function useAuditEvents(filters: AuditFilters, cursor: PageCursor) {
  return useQuery(auditEventsQuery, {
    variables: auditEventsVariables(filters, cursor),
    // The log grows with every change anyone makes: revalidate on every visit.
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
}
