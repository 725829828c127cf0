/**
 * The cost of an operation, computed before it runs (graphql-query-complexity).
 *
 * Every field costs 1 plus what it selects. A list multiplies what it selects by
 * the number of items it may return: a connection by `first`/`last` (literal or
 * from variables; PAGE_SIZE_DEFAULT when absent), `nodes(ids)` by the number of
 * IDs, a plain list that takes `first` (a bounded read such as the network map's
 * nodes) by `first`, any other list by PLAIN_LIST_SIZE. A connection's own `nodes`/`edges`
 * lists are not multiplied again. Lists without paging are short ones (a user's
 * memberships, API tokens, a team, errors) or the outcome of a mutation whose work
 * its input already bounds (an import's rows), so 10 stands for them: at 50, an
 * import asking for each row's errors would cost 7,700. Introspection costs
 * nothing here (it is bounded by the schema, and gated separately).
 *
 * graphql-armor has a cost limit of its own, but it ignores `first` from
 * variables, so it stays off and this one decides. It is the only calculator: the
 * per-query limit and the rate-limit budget (modules/rate-limits/cost-budget.plugin.ts)
 * both use it, and actual-query-cost.ts prices the result by the same rules.
 */
import { PAGE_SIZE_DEFAULT } from "@pn/shared";
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isIntrospectionType,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { getComplexity, type ComplexityEstimator } from "graphql-query-complexity";

/** The highest cost one operation may have (see SECURITY.md for how it was chosen). */
export const QUERY_COST_MAX = 5_000;

/** How many items a list without paging arguments is assumed to hold. */
export const PLAIN_LIST_SIZE = 10;

function isConnectionTypeName(name: string): boolean {
  return name.endsWith("Connection");
}

function pageSizeOf(args: Record<string, unknown>): number {
  for (const name of ["first", "last"]) {
    const value = args[name];
    // Negative or absurd values are refused by the resolver; for the cost only the size counts.
    if (typeof value === "number" && Number.isFinite(value)) return Math.max(0, value);
  }
  return PAGE_SIZE_DEFAULT;
}

export const fieldCostEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith("__") || isIntrospectionType(type)) return 0;
  const returnType = getNullableType(field.type);
  const namedReturnType = getNamedType(field.type);
  if (isConnectionTypeName(namedReturnType.name)) return 1 + pageSizeOf(args) * childComplexity;
  if (isListType(returnType)) {
    // The page size is already counted on the connection field itself.
    if (isConnectionTypeName(type.name)) return 1 + childComplexity;
    if (Array.isArray(args.ids)) return 1 + args.ids.length * childComplexity;
    // Its default counts when absent: a bounded list may return that many.
    if (field.args.some((arg) => arg.name === "first"))
      return 1 + pageSizeOf(args) * childComplexity;
    return 1 + PLAIN_LIST_SIZE * childComplexity;
  }
  return 1 + childComplexity;
};

/** The cost of one operation of `document` (its fragments included), with the request's variables. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): number {
  // Only the operation that runs, with the fragments it may use: the library matches operations by name
  // and stumbles on anonymous ones.
  const query: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      operation,
      ...document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION),
    ],
  };
  return getComplexity({
    schema,
    query,
    variables: variables ?? {},
    estimators: [fieldCostEstimator],
  });
}

export class QueryCostError extends GraphQLError {
  constructor(
    readonly cost: number,
    readonly maxCost: number,
  ) {
    super(
      `This query's cost is ${cost}, over the limit of ${maxCost} per query. Ask for fewer items (first/last) or fewer fields.`,
      {
        extensions: { code: "MAX_COST_EXCEEDED", cost, maxCost, http: { status: 400 } },
      },
    );
  }
}
