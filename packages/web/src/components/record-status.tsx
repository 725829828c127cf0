import { describeError } from "../lib/errors";
import { PageEmpty, PageError, PageLoading } from "./page-status";

/** What a detail view knows about the query for its one record. */
export interface RecordQueryState {
  /** The query has answered at least once (with the record or without it). */
  loaded: boolean;
  loading: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
}

export interface RecordStatusProps extends RecordQueryState {
  /** What the record is, lower case: "partner" gives "Loading partner", "Could not load this partner". */
  noun: string;
  /** Shown when the server answered without the record. */
  notFound: { title: string; message: string };
}

/** Why a detail view has no record to show: it is loading, failed to load, or does not exist. */
export function RecordStatus({
  noun,
  notFound,
  loaded,
  loading,
  error,
  refetch,
}: RecordStatusProps) {
  if (error && !loading) {
    const { message, retryable } = describeError(error);
    return (
      <PageError
        title={`Could not load this ${noun}`}
        message={message}
        onRetry={
          retryable
            ? () => {
                refetch().catch(() => undefined);
              }
            : undefined
        }
      />
    );
  }
  if (loading || !loaded) return <PageLoading label={`Loading ${noun}`} />;
  return <PageEmpty title={notFound.title} message={notFound.message} />;
}
