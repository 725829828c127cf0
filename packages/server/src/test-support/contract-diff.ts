/**
 * Compares the server schema with the public contract item by item: types,
 * implemented interfaces, fields, arguments, input fields and enum values.
 * An item is named like `Account`, `Account.members`, `Account.members(first)`
 * or `Role.OWNER`; listing a type or field in contract-todo.txt covers the items
 * under it.
 */
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from "graphql";

type Item = { id: string; parent: string | null; signature: string };

function kindOf(type: GraphQLNamedType): string {
  if (isObjectType(type)) return "type";
  if (isInterfaceType(type)) return "interface";
  if (isInputObjectType(type)) return "input";
  if (isEnumType(type)) return "enum";
  if (isUnionType(type)) return "union";
  if (isScalarType(type)) return "scalar";
  return "unknown";
}

function defaultOf(value: GraphQLArgument | GraphQLInputField): string {
  return value.defaultValue === undefined ? "" : ` = ${JSON.stringify(value.defaultValue)}`;
}

export function contractItems(schema: GraphQLSchema): Map<string, Item> {
  const items = new Map<string, Item>();
  const add = (item: Item) => items.set(item.id, item);
  for (const type of Object.values(schema.getTypeMap())) {
    if (
      type.name.startsWith("__") ||
      ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)
    )
      continue;
    add({ id: type.name, parent: null, signature: kindOf(type) });
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const iface of type.getInterfaces()) {
        add({
          id: `${type.name} implements ${iface.name}`,
          parent: type.name,
          signature: "implements",
        });
      }
      for (const field of Object.values(type.getFields())) {
        const fieldId = `${type.name}.${field.name}`;
        add({ id: fieldId, parent: type.name, signature: String(field.type) });
        for (const arg of field.args) {
          add({
            id: `${fieldId}(${arg.name})`,
            parent: fieldId,
            signature: `${String(arg.type)}${defaultOf(arg)}`,
          });
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        add({
          id: `${type.name}.${field.name}`,
          parent: type.name,
          signature: `${String(field.type)}${defaultOf(field)}`,
        });
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues())
        add({ id: `${type.name}.${value.name}`, parent: type.name, signature: "value" });
    }
  }
  return items;
}

export type ContractReport = {
  /** Present in the schema with another shape: always an error. */
  mismatched: string[];
  /** In the contract, not in the schema, and not covered by the todo list. */
  missing: string[];
  /** Listed as todo although the schema has it: the list must shrink. */
  staleTodo: string[];
  /** Every contract item the schema lacks, for regenerating the todo list. */
  allMissing: string[];
};

export function compareWithContract(
  contract: GraphQLSchema,
  schema: GraphQLSchema,
  todo: Set<string>,
): ContractReport {
  const expected = contractItems(contract);
  const actual = contractItems(schema);
  const report: ContractReport = { mismatched: [], missing: [], staleTodo: [], allMissing: [] };
  const covered = (item: Item): boolean => {
    for (
      let current: Item | undefined = item;
      current;
      current = current.parent ? expected.get(current.parent) : undefined
    ) {
      if (todo.has(current.id)) return true;
    }
    return false;
  };
  for (const item of expected.values()) {
    const found = actual.get(item.id);
    if (found) {
      if (found.signature !== item.signature) {
        report.mismatched.push(
          `${item.id}: contract says ${item.signature}, schema has ${found.signature}`,
        );
      }
      continue;
    }
    const parentMissing = item.parent !== null && !actual.has(item.parent);
    if (!parentMissing) report.allMissing.push(item.id);
    if (!covered(item)) report.missing.push(item.id);
  }
  for (const id of todo) {
    if (!expected.has(id)) report.staleTodo.push(`${id} (not in the contract)`);
    else if (actual.has(id)) report.staleTodo.push(`${id} (the schema has it now)`);
  }
  return report;
}
