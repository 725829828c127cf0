/**
 * Over the query-cost budget the server answers RATE_LIMITED with `retryAfter` seconds
 * (docs/api.md). This link waits that long and sends the operation once more, with a
 * calm notice, instead of surfacing an error page; a second refusal goes through as the
 * error it is.
 */
import { ApolloLink } from "@apollo/client";
import { ServerError } from "@apollo/client/errors";
import { notifications } from "@mantine/notifications";
import { Observable, type Subscription } from "rxjs";

/** The server's Retry-After for a refused operation; null when the answer is not RATE_LIMITED. */
function retryAfterOfErrors(errors: readonly unknown[] | undefined): number | null {
  for (const error of errors ?? []) {
    const extensions = (error as { extensions?: { code?: unknown; retryAfter?: unknown } })
      .extensions;
    if (extensions?.code === "RATE_LIMITED" && typeof extensions.retryAfter === "number")
      return extensions.retryAfter;
  }
  return null;
}

function retryAfterOfError(error: unknown): number | null {
  if (!ServerError.is(error) || error.statusCode !== 429) return null;
  try {
    const body = JSON.parse(error.bodyText) as { errors?: unknown[] };
    const fromBody = retryAfterOfErrors(body.errors);
    if (fromBody !== null) return fromBody;
  } catch {
    // Not JSON: the header decides.
  }
  const header = Number(error.response.headers.get("retry-after"));
  return Number.isFinite(header) && header > 0 ? header : null;
}

export type RateLimitRetryOptions = {
  /** Tells the user we are waiting; a Mantine notification by default. */
  notify?: (retryAfterSeconds: number) => void;
  /** Waits before the retry; tests make it instant. */
  wait?: (seconds: number) => Promise<void>;
};

const NOTICE_ID = "rate-limited";

function showNotice(retryAfterSeconds: number): void {
  notifications.show({
    id: NOTICE_ID,
    color: "yellow",
    title: "Taking a short breather",
    message: `You have made many requests in a short time. Trying again in ${retryAfterSeconds} s…`,
    autoClose: Math.max(retryAfterSeconds * 1000, 4000),
  });
}

function sleep(seconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, seconds * 1000));
}

export function rateLimitRetryLink({
  notify = showNotice,
  wait = sleep,
}: RateLimitRetryOptions = {}): ApolloLink {
  return new ApolloLink(
    (operation, forward) =>
      new Observable<ApolloLink.Result>((observer) => {
        let subscription: Subscription | null = null;
        let retried = false;
        let retrying = false;
        let closed = false;
        const retryAfter = (seconds: number) => {
          retried = true;
          retrying = true;
          subscription?.unsubscribe();
          notify(seconds);
          void wait(seconds).then(() => {
            retrying = false;
            if (!closed) attempt();
          });
        };
        const attempt = () => {
          subscription = forward(operation).subscribe({
            next: (result) => {
              const seconds = retried ? null : retryAfterOfErrors(result.errors);
              if (seconds === null) observer.next(result);
              else retryAfter(seconds);
            },
            error: (error: unknown) => {
              const seconds = retried ? null : retryAfterOfError(error);
              if (seconds === null) observer.error(error);
              else retryAfter(seconds);
            },
            complete: () => {
              if (!retrying) observer.complete();
            },
          });
        };
        attempt();
        return () => {
          closed = true;
          subscription?.unsubscribe();
        };
      }),
  );
}
