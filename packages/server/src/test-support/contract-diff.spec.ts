import { buildSchema } from "graphql";
import { compareWithContract } from "./contract-diff";

const CONTRACT = buildSchema(`
  type Query { account(id: ID!): Account }
  type Account { id: ID! name: String! members(first: Int = 50): [String!]! }
  enum Role { OWNER VIEWER }
  input Filter { search: String }
`);

describe("contract comparison", () => {
  it("reports a field whose nullability differs", () => {
    const schema = buildSchema(`
      type Query { account(id: ID!): Account }
      type Account { id: ID! name: String members(first: Int = 50): [String!]! }
      enum Role { OWNER VIEWER } input Filter { search: String }`);
    expect(compareWithContract(CONTRACT, schema, new Set()).mismatched).toEqual([
      "Account.name: contract says String!, schema has String",
    ]);
  });

  it("reports a changed argument default and a missing enum value", () => {
    const schema = buildSchema(`
      type Query { account(id: ID!): Account }
      type Account { id: ID! name: String! members(first: Int = 10): [String!]! }
      enum Role { OWNER } input Filter { search: String }`);
    const report = compareWithContract(CONTRACT, schema, new Set());
    expect(report.mismatched).toEqual([
      "Account.members(first): contract says Int = 50, schema has Int = 10",
    ]);
    expect(report.missing).toEqual(["Role.VIEWER"]);
  });

  it("accepts missing items covered by a listed ancestor and flags stale entries", () => {
    const schema = buildSchema(
      `type Query { account(id: ID!): Account } type Account { id: ID! name: String! }`,
    );
    const report = compareWithContract(
      CONTRACT,
      schema,
      new Set(["Account.members", "Role", "Filter", "Query.account"]),
    );
    expect(report.missing).toEqual([]);
    expect(report.staleTodo).toEqual(["Query.account (the schema has it now)"]);
    expect(report.allMissing).toEqual(["Account.members", "Role", "Filter"]);
  });
});
