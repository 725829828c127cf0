/**
 * "Busy, try again shortly": the answer when the server is saturated (no free database
 * connection in time, the password hasher's queue full). HTTP 503 with `retry-after`, code
 * SERVICE_UNAVAILABLE, never an internal error.
 *
 * It carries GraphQL `extensions` so that every path reports it the same way: graphql-js
 * copies an original error's extensions into the error it reports, and Apollo Server takes
 * the HTTP status and headers from `extensions.http`, for resolvers, plugins and the context
 * function alike. The HTTP layer's error handler answers REST routes with the same status.
 */
export class ServiceBusyError extends Error {
  readonly status = 503;
  readonly extensions: {
    code: "SERVICE_UNAVAILABLE";
    retryAfter: number;
    http: { status: number; headers: Map<string, string> };
  };

  constructor(
    readonly retryAfterSeconds: number,
    reason: string,
  ) {
    super(
      `${reason} Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`,
    );
    this.name = "ServiceBusyError";
    this.extensions = {
      code: "SERVICE_UNAVAILABLE",
      retryAfter: retryAfterSeconds,
      http: { status: 503, headers: new Map([["retry-after", String(retryAfterSeconds)]]) },
    };
  }
}
