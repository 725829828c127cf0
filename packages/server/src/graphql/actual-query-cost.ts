/**
 * The cost of what an operation really returned, by the rules of query-cost.ts applied
 * to the result instead of the request: every field 1 plus what it selects, a list 1
 * plus each item it returned (not `first` of them), `__typename` and introspection
 * nothing. A 100-row page of an account with one member costs that one member. The
 * rate-limit budget reserves the requested cost and gives the difference back.
 */
import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

type Fields = Map<string, { name: string; selectionSets: SelectionSetNode[] }>;

/** The fields of `selectionSets` by response key, through fragments (the data says which type matched). */
function collectFields(
  selectionSets: readonly SelectionSetNode[],
  fragments: Map<string, FragmentDefinitionNode>,
  into: Fields = new Map(),
  visited = new Set<string>(),
): Fields {
  for (const selectionSet of selectionSets) {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const entry = into.get(key) ?? { name: selection.name.value, selectionSets: [] };
        if (selection.selectionSet) entry.selectionSets.push(selection.selectionSet);
        into.set(key, entry);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collectFields([selection.selectionSet], fragments, into, visited);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || visited.has(fragment.name.value)) continue;
        visited.add(fragment.name.value);
        collectFields([fragment.selectionSet], fragments, into, visited);
      }
    }
  }
  return into;
}

/**
 * What one pricing walks with: the document's fragments, and the fields of each list of
 * selection sets collected once (every row of a list shares its field's list), not per row.
 */
type Pricing = {
  fragments: Map<string, FragmentDefinitionNode>;
  collected: Map<readonly SelectionSetNode[], Fields>;
};

function fieldsOf(selectionSets: readonly SelectionSetNode[], pricing: Pricing): Fields {
  let fields = pricing.collected.get(selectionSets);
  if (!fields) {
    fields = collectFields(selectionSets, pricing.fragments);
    pricing.collected.set(selectionSets, fields);
  }
  return fields;
}

function objectCost(
  value: Record<string, unknown>,
  selectionSets: readonly SelectionSetNode[],
  pricing: Pricing,
): number {
  let cost = 0;
  for (const [key, field] of fieldsOf(selectionSets, pricing)) {
    if (!(key in value) || field.name.startsWith("__")) continue;
    cost += 1 + valueCost(value[key], field.selectionSets, pricing);
  }
  return cost;
}

/** What a field's value adds to the field's own 1. */
function valueCost(
  value: unknown,
  selectionSets: readonly SelectionSetNode[],
  pricing: Pricing,
): number {
  if (Array.isArray(value))
    return value.reduce<number>((sum, item) => sum + valueCost(item, selectionSets, pricing), 0);
  if (value !== null && typeof value === "object" && selectionSets.length)
    return objectCost(value as Record<string, unknown>, selectionSets, pricing);
  return 0;
}

/** The cost of `data`, the result of `operation` (fragments from `document`); never above `requested`. */
export function actualQueryCost(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  data: Record<string, unknown> | null | undefined,
  requested: number,
): number {
  if (!data) return 0;
  const fragments = new Map(
    document.definitions
      .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const pricing: Pricing = { fragments, collected: new Map() };
  // Nothing is charged beyond what was reserved (e.g. `first: 0` still returns pageInfo).
  return Math.min(requested, objectCost(data, [operation.selectionSet], pricing));
}
