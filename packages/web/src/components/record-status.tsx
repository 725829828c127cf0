import type { ReactNode } from "react";
import { PageLoading } from "./page-status";
import { QueryError } from "./query-error";

/** What a view knows about the query for the one record it shows. */
export interface RecordQueryState {
  /** The query has answered at least once (with the record or without it). */
  loaded: boolean;
  loading: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
}

export interface RecordStatusProps extends RecordQueryState {
  /** e.g. "Could not load this partner". */
  errorTitle: string;
  /** Announced while loading, e.g. "Loading partner". */
  loadingLabel: string;
  /** Shown when the server answered without the record, e.g. "This partner does not exist". */
  missing: ReactNode;
}

/** Why a view has no record to show: it is loading, failed to load, or the record is missing. */
export function RecordStatus({
  errorTitle,
  loadingLabel,
  missing,
  loaded,
  loading,
  error,
  refetch,
}: RecordStatusProps) {
  if (error && !loading) return <QueryError title={errorTitle} error={error} refetch={refetch} />;
  if (loading || !loaded) return <PageLoading label={loadingLabel} />;
  return <>{missing}</>;
}
