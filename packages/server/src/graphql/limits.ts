/**
 * Every limit on what one GraphQL request may ask for, in one place (wired in
 * http/app.ts; SECURITY.md lists them with the tests that guard them):
 * - graphql-armor: depth, aliases, directives;
 * - tokens: graphql-js's own parser limit (`parseOptions.maxTokens`), because graphql-armor's
 *   token plugin fails the request with 500 under Apollo Server 5 instead of 400;
 * - "Did you mean …" suggestions removed from every error (field-suggestions.ts);
 * - repeated selections (the same field many times over);
 * - cost, multiplied by page sizes (query-cost.ts): at most `perQueryCostLimit`, checked with
 *   the rate-limit budget in one plugin (modules/rate-limits/cost-budget.plugin.ts, wired in
 *   http/app.ts), so a query over the limit is refused before anything is charged;
 * - introspection for signed-in callers only, in production (introspection-gate.ts);
 * - a deadline per query, enforced where the time goes, on the request's database work;
 *   mutations are bounded by their inputs (resolver-timeout.ts).
 * Batched HTTP requests are refused by Apollo itself (allowBatchedHttpRequests: false).
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { GraphQLSchema, ValidationRule } from "graphql";
import type { Context } from "./context";
import { hideSuggestionsPlugin } from "./field-suggestions";
import { introspectionGatePlugin } from "./introspection-gate";
import { QUERY_COST_MAX } from "./query-cost";
import { REPEATED_SELECTIONS_MAX, repeatedSelectionsRule } from "./repeated-selections-rule";
import {
  RESOLVER_TIMEOUT_MS,
  resolverTimeoutPlugin,
  type OperationDeadlineHooks,
} from "./resolver-timeout";

export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 3_000,
  maxRepeatedSelections: REPEATED_SELECTIONS_MAX,
  maxCost: QUERY_COST_MAX,
  resolverTimeoutMs: RESOLVER_TIMEOUT_MS,
} as const;

/**
 * The highest cost one operation may have: QUERY_COST_MAX, or the budget's capacity when
 * that is smaller, since a query the bucket can never pay must be refused up front.
 */
export function perQueryCostLimit(costCapacity: number): number {
  return Math.min(QUERY_LIMITS.maxCost, costCapacity);
}

export type QueryLimitOptions = {
  /** Production: introspection only for signed-in callers. */
  production: boolean;
  /** Tests shorten it; everything else uses RESOLVER_TIMEOUT_MS. */
  resolverTimeoutMs?: number;
  /** How the deadline stops the request's database work (the wiring knows the transaction). */
  deadline: OperationDeadlineHooks<Context>;
};

export function queryLimits(
  schema: GraphQLSchema,
  options: QueryLimitOptions,
): {
  schema: GraphQLSchema;
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
  plugins: ApolloServerPlugin<Context>[];
} {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, flattenFragments: true },
    // Every alias counts, `__typename` ones too (the default allow-list exempts them).
    maxAliases: { n: QUERY_LIMITS.maxAliases, allowList: [] },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    // See above: parseOptions.maxTokens and hideSuggestionsPlugin do these properly.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
    // Its cost ignores `first` from variables: query-cost.ts decides instead.
    costLimit: { enabled: false },
  }).protect();
  // With its token and suggestion plugins off, armor contributes validation rules only.
  return {
    schema,
    validationRules: [
      ...armor.validationRules,
      repeatedSelectionsRule(QUERY_LIMITS.maxRepeatedSelections),
    ],
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    plugins: [
      hideSuggestionsPlugin<Context>(),
      introspectionGatePlugin({ signedInOnly: options.production }),
      resolverTimeoutPlugin<Context>(
        options.resolverTimeoutMs ?? QUERY_LIMITS.resolverTimeoutMs,
        options.deadline,
      ),
    ],
  };
}
