/**
 * What an operation costs against the rate-limit budget. The query-cost limit in
 * graphql/limits.ts computes the same kind of figure; when it lands, the integrator
 * passes its calculator to the plugin instead of `createOperationCost`. Until then
 * this one follows Shopify's rules: scalars and enums are free, each object costs 1,
 * a field with `first`/`last` costs that many times its selection (the default page
 * size when neither is given), a mutation field costs 10 more, and every operation at
 * least 1.
 */
import { PAGE_SIZE_DEFAULT } from "@pn/shared";
import { getNamedType, isLeafType, type DocumentNode, type GraphQLSchema } from "graphql";
import { getComplexity, type ComplexityEstimator } from "graphql-query-complexity";

export type OperationCost = (
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string | null,
) => number;

const MUTATION_COST = 10;

function pageSizeOf(args: Record<string, unknown>, hasPageArguments: boolean): number {
  for (const value of [args.first, args.last]) {
    if (typeof value === "number" && Number.isFinite(value) && value > 0) return Math.ceil(value);
  }
  return hasPageArguments ? PAGE_SIZE_DEFAULT : 1;
}

const shopifyStyleEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (isLeafType(getNamedType(field.type))) return 0;
  const hasPageArguments = field.args.some(
    (argument) => argument.name === "first" || argument.name === "last",
  );
  const own = type.name === "Mutation" ? 1 + MUTATION_COST : 1;
  return pageSizeOf(args, hasPageArguments) * (own + childComplexity);
};

export function createOperationCost(schema: GraphQLSchema): OperationCost {
  return (document, variables, operationName) => {
    let cost: number;
    try {
      cost = getComplexity({
        schema,
        query: document,
        variables,
        operationName: operationName ?? undefined,
        estimators: [shopifyStyleEstimator],
      });
    } catch {
      // Variables that do not coerce: execution rejects the request anyway; charge the minimum.
      cost = 1;
    }
    return Math.max(1, cost);
  };
}
