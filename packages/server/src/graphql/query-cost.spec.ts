/**
 * The cost limit must let every real client through: each operation the SPA sends
 * (its generated typed documents) and each one the benchmark sends, at the largest
 * page size (100), under the per-query limit the default settings give (QUERY_COST_MAX,
 * or the bucket's capacity when smaller). A new SPA query over it fails here, not in
 * production.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  Kind,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from "graphql";
import { loadConfig } from "../config";
import { perQueryCostLimit } from "./limits";
import { QUERY_COST_MAX, operationCost } from "./query-cost";
import { buildAppSchema } from "../app/schema";

const REPO_ROOT = path.resolve(__dirname, "../../../..");
const schema = buildAppSchema();
const DEFAULT_LIMIT = perQueryCostLimit(loadConfig({}).rateLimits.costCapacity);

/** A value of the right shape for a required variable the cost does not depend on. */
function placeholder(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return [placeholder(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
        .map((field) => [field.name, placeholder(field.type)]),
    );
  }
  return { Int: 1, Boolean: false, DateTime: new Date(0).toISOString() }[type.name] ?? "x";
}

function costAtLargestPage(
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): number {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  const filled: Record<string, unknown> = { first: 100, ...variables };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (!(name in filled) && definition.type.kind === Kind.NON_NULL_TYPE) {
      filled[name] = placeholder(typeFromAST(schema, definition.type) as GraphQLInputType);
    }
  }
  return operationCost(schema, document, operation, filled);
}

function spaDocuments(): [string, DocumentNode][] {
  const generated = readFileSync(path.join(REPO_ROOT, "packages/web/src/gql/graphql.ts"), "utf8");
  return [...generated.matchAll(/export const (\w+)Document = (\{.*\}) as unknown as/g)].map(
    ([, name, json]) => [name!, JSON.parse(json!) as DocumentNode],
  );
}

function benchDocuments(): [string, DocumentNode][] {
  const source = readFileSync(path.join(REPO_ROOT, "bench/run.mjs"), "utf8");
  return [...source.matchAll(/const (\w+) = `((?:query|mutation)[^`]*)`/g)].map(
    ([, name, text]) => [
      name!,
      // The bench's page size is a template constant; its largest Q1 page is 100.
      parse(text!.replace(/\$\{\w+\}/g, "100").replace("first: 50", "first: 100")),
    ],
  );
}

describe("query cost", () => {
  it("finds the SPA's and the bench's operations (so the checks below check something)", () => {
    expect(spaDocuments().length).toBeGreaterThan(30);
    expect(benchDocuments().map(([name]) => name)).toEqual(
      expect.arrayContaining(["Q1", "SEARCH", "PAGE", "ACTIVATE", "IMPORT"]),
    );
  });

  it.each(spaDocuments())(
    "the SPA's %s stays under the limit at page size 100",
    (_name, document) => {
      expect(costAtLargestPage(document)).toBeLessThanOrEqual(DEFAULT_LIMIT);
    },
  );

  it.each(benchDocuments())("the bench's %s stays under the limit", (_name, document) => {
    expect(
      costAtLargestPage(document, { ids: Array.from({ length: 1000 }, () => "x") }),
    ).toBeLessThanOrEqual(DEFAULT_LIMIT);
  });

  it("keeps the per-query limit within the bucket: a query the budget could never pay is refused up front", () => {
    expect(DEFAULT_LIMIT).toBe(QUERY_COST_MAX);
    expect(perQueryCostLimit(1_000)).toBe(1_000);
    expect(perQueryCostLimit(1_000_000)).toBe(QUERY_COST_MAX);
  });

  it("multiplies by first/last, from literals and variables, with 50 when absent", () => {
    const cost = (query: string, variables: Record<string, unknown> = {}) => {
      const document = parse(query);
      return operationCost(
        schema,
        document,
        document.definitions[0] as OperationDefinitionNode,
        variables,
      );
    };
    // viewer + currentAccount + members + n × (nodes + id): the connection's nodes list is not multiplied twice.
    expect(cost(`{ viewer { currentAccount { members(first: 10) { nodes { id } } } } }`)).toBe(
      3 + 10 * 2,
    );
    expect(
      cost(`query ($n: Int) { viewer { currentAccount { members(last: $n) { nodes { id } } } } }`, {
        n: 7,
      }),
    ).toBe(3 + 7 * 2);
    expect(cost(`{ viewer { currentAccount { members { nodes { id } } } } }`)).toBe(3 + 50 * 2);
    expect(cost(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ["a", "b", "c"] })).toBe(
      1 + 3 * 1,
    );
    // A list without paging arguments is assumed to hold 10.
    expect(cost(`{ viewer { memberships { id } } }`)).toBe(2 + 10 * 1);
    // Introspection is not priced (it is bounded by the schema and gated in production).
    expect(cost(`{ __schema { types { name fields { name } } } }`)).toBe(0);
  });
});
