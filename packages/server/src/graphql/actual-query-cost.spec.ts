import { parse, type OperationDefinitionNode } from "graphql";
import { actualQueryCost } from "./actual-query-cost";
import { operationCost } from "./query-cost";
import { buildAppSchema } from "../app/schema";

const schema = buildAppSchema();

function costs(query: string, data: Record<string, unknown>, variables = {}) {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === "OperationDefinition",
  )!;
  const requested = operationCost(schema, document, operation, variables);
  return { requested, actual: actualQueryCost(document, operation, data, requested) };
}

describe("actual query cost", () => {
  const MEMBERS = `{ viewer { currentAccount { members(first: 100) { nodes { id name } totalCount } } } }`;
  const page = (rows: number) => ({
    viewer: {
      currentAccount: {
        members: {
          nodes: Array.from({ length: rows }, (_, i) => ({ id: `m${i}`, name: "n" })),
          totalCount: rows,
        },
      },
    },
  });

  it("prices the rows returned, not the page size asked for", () => {
    // viewer 1 + currentAccount 1 + members 1 + nodes 1 + rows × (id 1 + name 1) + totalCount 1
    expect(costs(MEMBERS, page(1))).toEqual({ requested: 3 + 100 * 4, actual: 5 + 2 });
    expect(costs(MEMBERS, page(0)).actual).toBe(5);
    expect(costs(MEMBERS, page(100)).actual).toBe(5 + 200);
    // docs/api.md's worked example: three members.
    expect(costs(MEMBERS, page(3))).toEqual({ requested: 403, actual: 11 });
  });

  it("equals the requested cost when everything asked for came back", () => {
    const query = `{ viewer { currentAccount { name } } }`;
    expect(costs(query, { viewer: { currentAccount: { name: "Acme" } } })).toEqual({
      requested: 3,
      actual: 3,
    });
  });

  it("follows aliases and fragments, skips __typename, and prices a null as its field alone", () => {
    const query = `query { me: viewer { __typename ...Account } } fragment Account on Viewer { currentAccount { ... on Account { name } } }`;
    expect(
      costs(query, { me: { __typename: "Viewer", currentAccount: { name: "Acme" } } }).actual,
    ).toBe(3);
    expect(costs(query, { me: { __typename: "Viewer", currentAccount: null } }).actual).toBe(2);
  });

  it("is nothing without data and never above the requested cost", () => {
    expect(costs(MEMBERS, {}).actual).toBe(0);
    const document = parse(`{ viewer { currentAccount { name } } }`);
    const operation = document.definitions[0] as OperationDefinitionNode;
    expect(
      actualQueryCost(document, operation, { viewer: { currentAccount: { name: "x" } } }, 2),
    ).toBe(2);
  });
});
