/**
 * The query cost of every operation, priced once (graphql/query-cost.ts) and used twice,
 * as Shopify does:
 * 1. the per-query limit: over `maxCost` the operation is refused (MAX_COST_EXCEEDED)
 *    before anything is charged; `maxCost` is never above the bucket, so what passes
 *    can be paid;
 * 2. the budget per session and per API token: the requested cost is reserved before
 *    the operation runs, and once it has run the difference to its actual cost (priced
 *    from the result, graphql/actual-query-cost.ts) is given back. An operation that
 *    never ran (refused by a check, bad variables) gives everything back.
 * Over the budget: HTTP 429, a `Retry-After` header, and a top-level RATE_LIMITED error
 * with `retryAfter` seconds; nothing runs. Every signed-in response reports
 * `extensions.cost`. Signed-out callers have no budget (the query limits and the log-in
 * and token-guess limits cover them).
 *
 * Syntax and validation errors end a request before `didResolveOperation`, so they
 * never reach this plugin and cost nothing.
 *
 * No round trip of its own: the charge travels with the request transaction's BEGIN, in a
 * transaction of its own that commits first (so a request that rolls back still pays and
 * no lock on the bucket outlives the charge), and the refund right after its COMMIT in the
 * same round trip (`context.piggyback`, db/tenant-transaction.ts). A failed COMMIT refunds
 * nothing; a request the deadline abandoned refunds after its ROLLBACK, as it did before.
 * Where there is no request transaction to ride on, both go to the system pool as before.
 */
import {
  HeaderMap,
  type ApolloServerPlugin,
  type GraphQLRequestContextDidResolveOperation,
} from "@apollo/server";
import { GraphQLError } from "graphql";
import { actualQueryCost } from "../../graphql/actual-query-cost";
import type { Context, Viewer } from "../../graphql/context";
import { operationCost, QueryCostError } from "../../graphql/query-cost";
import type { ThrottleStatus } from "./rate-limits.service";

/** `extensions.cost` of a signed-in response (docs/api.md). */
export type CostExtension = {
  requestedQueryCost: number;
  /** What the operation really cost; 0 when it did not run. */
  actualQueryCost: number;
  throttleStatus: ThrottleStatus;
};

export class RateLimitedError extends GraphQLError {
  constructor(message: string, retryAfterSeconds: number, extra: Record<string, unknown> = {}) {
    super(message, {
      extensions: {
        code: "RATE_LIMITED",
        retryAfter: retryAfterSeconds,
        ...extra,
        // Read by Apollo for errors raised before execution, and removed from the response.
        http: { status: 429, headers: new HeaderMap([["retry-after", String(retryAfterSeconds)]]) },
      },
    });
  }
}

/** Whose budget pays: the session or the API token; null for signed-out callers. */
function budgetSubject(viewer: Viewer | null): string | null {
  const credential = viewer?.credential;
  if (!credential) return null;
  return credential.kind === "session"
    ? `session:${credential.sessionId}`
    : `token:${credential.apiTokenId}`;
}

export function costBudgetPlugin(options: {
  /** The per-query limit; at most the budget's capacity (see perQueryCostLimit). */
  maxCost: number;
}): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let reserved: {
        subject: string;
        requested: number;
        /** Hands the refund statement (or null) to the request's COMMIT; its rows come back in `refunded`. */
        settle: ((statement: string | null) => void) | null;
        refunded: Promise<unknown[] | null> | null;
      } | null = null;
      let cost: CostExtension | null = null;
      let executed = false;
      let retryAfterSeconds: number | null = null;
      // Apollo runs the plugins' didResolveOperation hooks side by side and answers as soon as one
      // throws, so the response waits for a reservation still on its way before settling it.
      let reserving: Promise<void> = Promise.resolve();
      const reserve = async ({
        schema,
        document,
        operation,
        request,
        contextValue,
      }: GraphQLRequestContextDidResolveOperation<Context>): Promise<void> => {
        if (!operation) return;
        let requested: number;
        try {
          requested = operationCost(schema, document, operation, request.variables);
        } catch {
          // Variables that do not fit the operation: execution refuses them and nothing runs.
          return;
        }
        if (requested > options.maxCost) throw new QueryCostError(requested, options.maxCost);
        const subject = budgetSubject(contextValue.viewer);
        if (!subject) return;
        const { rateLimits, piggyback } = contextValue;
        const statement = piggyback ? rateLimits.spendCostStatement(subject, requested) : null;
        const rows = statement ? await piggyback!.beginAfter(statement.sql) : null;
        const spent =
          statement && rows ? statement.read(rows) : await rateLimits.spendCost(subject, requested);
        if (!spent.granted) {
          cost = {
            requestedQueryCost: requested,
            actualQueryCost: 0,
            throttleStatus: spent.throttleStatus,
          };
          retryAfterSeconds = spent.retryAfterSeconds;
          throw new RateLimitedError(
            `This request costs ${requested} points and ${spent.throttleStatus.currentlyAvailable} are available; the budget refills at ${spent.throttleStatus.restoreRate} points a second.`,
            spent.retryAfterSeconds,
          );
        }
        let settle: ((statement: string | null) => void) | null = null;
        const refunded = piggyback
          ? piggyback.afterCommit(
              new Promise<string | null>((resolve) => {
                settle = resolve;
              }),
            )
          : null;
        reserved = { subject, requested, settle, refunded };
        cost = {
          requestedQueryCost: requested,
          actualQueryCost: requested,
          throttleStatus: spent.throttleStatus,
        };
      };
      return {
        didResolveOperation(requestContext) {
          const reservation = reserve(requestContext);
          reserving = reservation.catch(() => undefined);
          return reservation;
        },
        async executionDidStart() {
          executed = true;
        },
        async willSendResponse({ response, document, operation, contextValue }) {
          await reserving;
          if (reserved && cost) {
            const { subject, requested, settle, refunded } = reserved;
            try {
              const body = response.body.kind === "single" ? response.body.singleResult : null;
              const actual =
                executed && document && operation
                  ? actualQueryCost(document, operation, body?.data, requested)
                  : 0;
              cost.actualQueryCost = actual;
              if (actual < requested) {
                const { rateLimits } = contextValue;
                const statement = settle
                  ? rateLimits.refundCostStatement(subject, requested - actual)
                  : null;
                settle?.(statement?.sql ?? null);
                const rows = statement && refunded ? await refunded : null;
                cost.throttleStatus =
                  (statement && rows ? statement.read(rows) : null) ??
                  (await rateLimits.refundCost(subject, requested - actual));
              }
            } finally {
              // Whatever happened above, the COMMIT waiting for this must not wait for ever.
              settle?.(null);
            }
          }
          if (!cost) return;
          if (response.body.kind === "single") {
            const result = response.body.singleResult;
            result.extensions = {
              ...result.extensions,
              cost: {
                requestedQueryCost: cost.requestedQueryCost,
                actualQueryCost: cost.actualQueryCost,
                throttleStatus: cost.throttleStatus,
              },
            };
          }
          if (retryAfterSeconds !== null)
            response.http.headers.set("retry-after", String(retryAfterSeconds));
        },
      };
    },
  };
}
