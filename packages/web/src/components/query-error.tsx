import { describeError } from "../lib/errors";
import { PageError } from "./page-status";

export interface QueryErrorProps {
  title: string;
  /** The failed query's error; its message is put in words the viewer can act on. */
  error: unknown;
  /** Retries the query; offered only when the error says a retry can help (not for FORBIDDEN). */
  refetch: () => Promise<unknown>;
}

/** A query that failed to load, with Retry when retrying can help. */
export function QueryError({ title, error, refetch }: QueryErrorProps) {
  const { message, retryable } = describeError(error);
  return (
    <PageError
      title={title}
      message={message}
      onRetry={
        retryable
          ? () => {
              // The query re-renders with the outcome; a failed retry shows this error again.
              refetch().catch(() => undefined);
            }
          : undefined
      }
    />
  );
}
