/**
 * A deadline per query: RESOLVER_TIMEOUT_MS after execution starts, the request's
 * database work is stopped (the running statement cancelled, every later one refused
 * with TIMEOUT), so the resolvers waiting on it fail with TIMEOUT at once and the response
 * goes out (with those fields null and the errors listed) instead of holding the
 * connection. The database side is the request's transaction's (`TenantTransaction`):
 * `start` gives it the deadline before its first statement, which it also sends PostgreSQL
 * as `statement_timeout` (a second wall if this process is too busy to fire its timer), and
 * `expire` stops it.
 *
 * One timer per operation, no wrapper around each field resolver (issue 20's profile):
 * what takes time in a query is the database, and that is where it is stopped.
 *
 * Mutations have no deadline here: a mutation runs in a transaction that would
 * still commit after the caller had been told TIMEOUT, which is worse than waiting.
 * Their work is bounded by their inputs instead (10,000 CSV rows, 1,000 IDs, body size).
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";

export const RESOLVER_TIMEOUT_MS = 10_000;

export class OperationTimeoutError extends GraphQLError {
  constructor(timeoutMs: number) {
    super(`The operation took longer than ${timeoutMs / 1000} s and was stopped.`, {
      extensions: { code: "TIMEOUT" },
    });
  }
}

/** What the deadline does to the request's database work (wired in http/app.ts). */
export type OperationDeadlineHooks<TContext> = {
  /**
   * Before the operation's first statement: its statements must end by then, and one that
   * PostgreSQL stops for it fails with `error()` (made only then: an error captures a stack,
   * which every query would otherwise pay for).
   */
  start(context: TContext, timeoutMs: number, error: () => OperationTimeoutError): void;
  /** The deadline passed: stop the request's database work, failing it with `error`. */
  expire(context: TContext, error: OperationTimeoutError): void;
};

export function resolverTimeoutPlugin<TContext extends object>(
  timeoutMs: number,
  hooks: OperationDeadlineHooks<TContext>,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        // Before anything reaches the database: the cost budget's charge may open the
        // request's transaction in didResolveOperation already, and BEGIN carries the limit.
        async didResolveOperation({ contextValue, operation }) {
          if (operation && operation.operation !== "mutation")
            hooks.start(contextValue, timeoutMs, () => new OperationTimeoutError(timeoutMs));
        },
        async executionDidStart({ contextValue, operation }) {
          if (operation.operation === "mutation") return;
          const timer = setTimeout(
            () => hooks.expire(contextValue, new OperationTimeoutError(timeoutMs)),
            timeoutMs,
          );
          return {
            async executionDidEnd() {
              clearTimeout(timer);
            },
          };
        },
      };
    },
  };
}
