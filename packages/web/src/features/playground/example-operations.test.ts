import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, parse, validate, type OperationDefinitionNode } from "graphql";
import { EXAMPLE_TABS } from "./example-operations";

// The committed server schema, the same file codegen types the SPA from.
const schema = buildSchema(
  readFileSync(path.resolve(__dirname, "../../../../server/schema.graphql"), "utf8"),
);

function operationOf(query: string): OperationDefinitionNode {
  const [definition] = parse(query).definitions;
  if (definition?.kind !== "OperationDefinition") throw new Error("not an operation");
  return definition;
}

describe("playground example operations", () => {
  it("cover the common partner tasks, one named operation per tab", () => {
    expect(EXAMPLE_TABS.map((tab) => operationOf(tab.query).name?.value)).toEqual([
      "PendingMembersOfPartners",
      "ActivateMembers",
      "InviteUser",
      "InvitationStatus",
    ]);
  });

  it.each(EXAMPLE_TABS.map((tab) => [operationOf(tab.query).name?.value, tab]))(
    "%s is valid against the schema",
    (_name, tab) => {
      expect(validate(schema, parse(tab.query)).map((error) => error.message)).toEqual([]);
    },
  );

  it.each(EXAMPLE_TABS.map((tab) => [operationOf(tab.query).name?.value, tab]))(
    "%s declares every variable its Variables pane needs",
    (_name, tab) => {
      const declared = (operationOf(tab.query).variableDefinitions ?? [])
        .map((definition) => definition.variable.name.value)
        .sort();
      const given = tab.variables
        ? Object.keys(JSON.parse(tab.variables) as Record<string, unknown>).sort()
        : [];
      expect(given).toEqual(declared);
    },
  );
});
