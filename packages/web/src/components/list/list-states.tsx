import type { ReactNode } from "react";
import { PageLoading } from "../page-status";
import { QueryError } from "../query-error";

export interface ListStatesProps<Items extends readonly unknown[]> {
  /** The rows on screen; null or undefined until the first answer. */
  items: Items | null | undefined;
  loading: boolean;
  /** The query's error, if its last request failed. */
  error: unknown;
  /** Retries the query; offered only when the error says a retry can help. */
  refetch: () => Promise<unknown>;
  errorTitle: string;
  /** Announced while the first page loads, e.g. "Loading members". */
  loadingLabel: string;
  /** Shown when there are no rows, e.g. a PageEmpty for "no matches" or "nothing yet". */
  empty: ReactNode;
  /**
   * Show a failed load even over rows already on screen: they belong to the last search, not to
   * the one that failed. Otherwise rows stay and the error shows only when there is nothing.
   */
  errorOverRows?: boolean;
  /**
   * Wait for loading to end before showing `empty`: while a new search or page loads over the
   * last (empty) one, the busy table stays instead of the empty message flashing.
   */
  emptyAfterLoading?: boolean;
  /** The list itself, given its rows (never empty). */
  children: (items: Items) => ReactNode;
}

/** A list's loading, error and empty states around its rows. */
export function ListStates<Items extends readonly unknown[]>({
  items,
  loading,
  error,
  refetch,
  errorTitle,
  loadingLabel,
  empty,
  errorOverRows = false,
  emptyAfterLoading = true,
  children,
}: ListStatesProps<Items>) {
  if (error && !loading && (errorOverRows || !items)) {
    return <QueryError title={errorTitle} error={error} refetch={refetch} />;
  }
  if (!items) return <PageLoading label={loadingLabel} />;
  if (items.length === 0 && !(emptyAfterLoading && loading)) return <>{empty}</>;
  return <>{children(items)}</>;
}
