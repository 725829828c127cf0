/**
 * Charges each operation's cost to the caller's budget (per session, per API token)
 * before it runs, and reports the budget in `extensions.cost` as Shopify does. Over
 * the budget: HTTP 429, a `Retry-After` header, and a top-level RATE_LIMITED error
 * with `retryAfter` seconds; nothing runs. Signed-out callers have no budget (the
 * query limits and the log-in and token-guess limits cover them).
 */
import { HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import type { Context, Viewer } from "../../graphql/context";
import type { OperationCost } from "./operation-cost";
import type { ThrottleStatus } from "./rate-limits.service";

export type CostExtension = { requestedQueryCost: number; throttleStatus: ThrottleStatus };

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

export function costBudgetPlugin(operationCost: OperationCost): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let cost: CostExtension | null = null;
      let retryAfterSeconds: number | null = null;
      return {
        async didResolveOperation({ document, request, operationName, contextValue }) {
          const subject = budgetSubject(contextValue.viewer);
          if (!subject) return;
          const requestedQueryCost = operationCost(
            document,
            request.variables ?? {},
            operationName,
          );
          const spent = await contextValue.rateLimits.spendCost(subject, requestedQueryCost);
          cost = { requestedQueryCost, throttleStatus: spent.throttleStatus };
          if (!spent.granted) {
            retryAfterSeconds = spent.retryAfterSeconds;
            throw new RateLimitedError(
              `This request costs ${requestedQueryCost} points and ${spent.throttleStatus.currentlyAvailable} are available; the budget refills at ${spent.throttleStatus.restoreRate} points a second.`,
              spent.retryAfterSeconds,
            );
          }
        },
        async willSendResponse({ response }) {
          if (!cost) return;
          if (response.body.kind === "single") {
            const result = response.body.singleResult;
            result.extensions = { ...result.extensions, cost };
          }
          if (retryAfterSeconds !== null)
            response.http.headers.set("retry-after", String(retryAfterSeconds));
        },
      };
    },
  };
}
