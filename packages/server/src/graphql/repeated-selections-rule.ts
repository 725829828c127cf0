/**
 * Refuses a selection set that names the same field (response key) or spreads the
 * same fragment more than a few times. Legal GraphQL, but it serves no client, and
 * hundreds of copies make validation (overlapping-fields merging) quadratic.
 * graphql-armor's token limit (3,000) alone lets 500 `__typename` through.
 */
import { GraphQLError, Kind, type ASTVisitor, type ValidationContext } from "graphql";

export const REPEATED_SELECTIONS_MAX = 5;

export function repeatedSelectionsRule(max: number = REPEATED_SELECTIONS_MAX) {
  return (context: ValidationContext): ASTVisitor => ({
    SelectionSet(node) {
      const counts = new Map<string, number>();
      for (const selection of node.selections) {
        let key: string;
        if (selection.kind === Kind.FIELD) key = (selection.alias ?? selection.name).value;
        else if (selection.kind === Kind.FRAGMENT_SPREAD) key = `...${selection.name.value}`;
        else continue;
        const count = (counts.get(key) ?? 0) + 1;
        counts.set(key, count);
        if (count === max + 1) {
          context.reportError(
            new GraphQLError(`"${key}" is selected more than ${max} times in one selection set.`, {
              nodes: [selection],
              extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
            }),
          );
        }
      }
    },
  });
}
