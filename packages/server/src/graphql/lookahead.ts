/**
 * What the caller selected below the field being resolved, read from the resolve info
 * before anything is loaded: a list resolver uses it to fetch, in its own statement, the
 * to-one relations its nodes will ask for (issue 20: the members page with its partners).
 *
 * Named and inline fragments are followed and `@skip` / `@include` are honoured, as
 * execution does. Type conditions are not checked: a list's nodes have one type, and a
 * preload of a relation nobody reads costs a join, never a wrong answer.
 */
import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type FieldNode,
  type FragmentSpreadNode,
  type GraphQLResolveInfo,
  type InlineFragmentNode,
  type SelectionSetNode,
} from "graphql";

type Selected = FieldNode | FragmentSpreadNode | InlineFragmentNode;

function isIncluded(node: Selected, variables: GraphQLResolveInfo["variableValues"]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/** The fields called `name` in these selection sets, through fragments. */
function fieldsNamed(
  sets: readonly SelectionSetNode[],
  name: string,
  info: GraphQLResolveInfo,
): FieldNode[] {
  const found: FieldNode[] = [];
  const visit = (set: SelectionSetNode, seenFragments: Set<string>) => {
    for (const selection of set.selections) {
      if (!isIncluded(selection, info.variableValues)) continue;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name) found.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, seenFragments);
      } else {
        const fragmentName = selection.name.value;
        const fragment = info.fragments[fragmentName];
        // Validation refuses fragment cycles; the guard only keeps this walk finite regardless.
        if (!fragment || seenFragments.has(fragmentName)) continue;
        visit(fragment.selectionSet, new Set([...seenFragments, fragmentName]));
      }
    }
  };
  for (const set of sets) visit(set, new Set());
  return found;
}

/**
 * The selection sets at the end of one of `paths` below the current field, e.g.
 * `[["nodes", "partner"], ["edges", "node", "partner"]]` for a connection's partner.
 * Empty when none of them is selected.
 */
export function selectionsAt(info: GraphQLResolveInfo, paths: string[][]): SelectionSetNode[] {
  const roots = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  return paths.flatMap((path) => {
    let sets: SelectionSetNode[] = roots;
    for (const name of path) {
      sets = fieldsNamed(sets, name, info).flatMap((field) =>
        field.selectionSet ? [field.selectionSet] : [],
      );
    }
    return sets;
  });
}

/** Whether a field called `name` is selected directly in these sets (through fragments). */
export function selectsField(
  sets: readonly SelectionSetNode[],
  name: string,
  info: GraphQLResolveInfo,
): boolean {
  return fieldsNamed(sets, name, info).length > 0;
}
