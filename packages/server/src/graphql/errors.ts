/**
 * Top-level GraphQL errors are only for "not signed in", "your role may not do
 * this" and "too many requests" (plus the request-shape errors GraphQL itself raises). Everything else that
 * escapes a resolver is a bug: the client gets a generic message with the request
 * id, the log gets the detail.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { TransactionEndedError } from "../db/tenant-transaction";
import type { Logger } from "../logger";

export class UnauthenticatedError extends GraphQLError {
  /** `httpStatus` is for errors raised before execution (a bad API token), which fail the whole request. */
  constructor(message = "You must be signed in.", httpStatus?: number) {
    super(message, {
      extensions: {
        code: "UNAUTHENTICATED",
        ...(httpStatus ? { http: { status: httpStatus } } : {}),
      },
    });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = "Your role does not allow this.") {
    super(message, { extensions: { code: "FORBIDDEN" } });
  }
}

/** A request the schema accepts but whose arguments are out of range (e.g. first: 500). */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, argumentName?: string) {
    super(message, {
      extensions: { code: "BAD_USER_INPUT", ...(argumentName ? { argument: argumentName } : {}) },
    });
  }
}

const CODES_SHOWN_TO_CLIENTS = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "BAD_USER_INPUT",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  // Query limits (graphql/limits.ts): the cost over the limit, and the per-operation deadline.
  "MAX_COST_EXCEEDED",
  "TIMEOUT",
  "RATE_LIMITED",
  // Busy, not broken: no free database connection in time, or the password hasher's queue full.
  "SERVICE_UNAVAILABLE",
]);

type RequestOfError = { requestId: string; logger: Logger };

/**
 * Apollo's `formatError` sees the error, not the request: this plugin notes each error's
 * request (its id and logger) as the operation meets it, and the formatter reads it there.
 * (Cheaper than an AsyncLocalStorage scope, whose promise hooks cost every request; issue 20.)
 */
const requestOfError = new WeakMap<object, RequestOfError>();

export function errorRequestPlugin<
  TContext extends RequestOfError,
>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const request = { requestId: contextValue.requestId, logger: contextValue.logger };
          for (const error of errors) requestOfError.set(error, request);
        },
      };
    },
  };
}

export function createErrorFormatter(fallbackLogger: Logger) {
  return function formatError(
    formatted: GraphQLFormattedError,
    error: unknown,
  ): GraphQLFormattedError {
    const code = formatted.extensions?.code;
    if (typeof code === "string" && CODES_SHOWN_TO_CLIENTS.has(code)) {
      // Stack traces never leave the server.
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const original = unwrapResolverError(error);
    if (original instanceof TransactionEndedError) {
      // The response is gone or going without this field: one "request aborted" line, not one per field.
      return {
        message: "The request ended before this field was resolved.",
        path: formatted.path,
        extensions: { code: "REQUEST_ENDED" },
      };
    }
    const request = typeof error === "object" && error ? requestOfError.get(error) : undefined;
    const requestId = request?.requestId ?? "unknown";
    (request?.logger ?? fallbackLogger).error(
      { err: original, path: formatted.path, requestId },
      "unexpected error in GraphQL operation",
    );
    return {
      message: `Internal server error. Quote request id ${requestId} when reporting it.`,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: "INTERNAL_SERVER_ERROR", requestId },
    };
  };
}
