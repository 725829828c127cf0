/**
 * `orderBy: { field, direction }` of the lists (as GitHub's API has it): each module
 * names its fields and the keyset keys that read them; this turns the argument into
 * the keyset order `paginate` runs. Every order ends in a unique key (normally the id),
 * so ties never make a page boundary ambiguous, and each has an index (migration
 * 1765400000000) so a deep page costs what the first does.
 */
import { registerEnumType } from "type-graphql";
import type { KeyColumn, KeysetQuery } from "./connection";

export enum OrderDirection {
  ASC = "ASC",
  DESC = "DESC",
}

registerEnumType(OrderDirection, {
  name: "OrderDirection",
  description: "Which way an `orderBy` field sorts.",
  valuesConfig: {
    ASC: { description: "Ascending: A to Z, oldest first, fewest first, in the enum's order." },
    DESC: { description: "Descending: Z to A, newest first, most first, in reverse enum order." },
  },
});

/** An `orderBy` as GraphQL and the CSV export parameters give it. */
export type ListOrder<Field extends string> = { field: Field; direction: OrderDirection };

/** Each field's keyset keys, the last of them unique. */
export type OrderKeys<Field extends string> = Record<Field, KeyColumn[]>;

/** The order of every list without `orderBy`: newest first. */
export const NEWEST_FIRST = { field: "CREATED_AT", direction: OrderDirection.DESC } as const;

/** The collation of sorted names and emails (case-insensitive, accent-aware ICU). */
export const LIST_COLLATION = "pn_list_order";

/** Whether `order` is the list's default order (none given, or CREATED_AT DESC). */
export function isDefaultOrder(order: ListOrder<string> | null | undefined): boolean {
  return (
    !order || (order.field === NEWEST_FIRST.field && order.direction === NEWEST_FIRST.direction)
  );
}

/**
 * The keyset order for an `orderBy` (null: the default). The default and an explicit
 * CREATED_AT DESC are the same order with the same cursors, so a client holding cursors
 * from before sorting existed can pass them either way; every other order names itself
 * in its cursors, and a cursor of another order is refused (BAD_USER_INPUT).
 */
export function keysetOrder<Field extends string>(
  order: ListOrder<Field> | null | undefined,
  keys: OrderKeys<Field | typeof NEWEST_FIRST.field>,
): Pick<KeysetQuery, "orderBy" | "direction" | "orderName"> {
  if (!order || isDefaultOrder(order))
    return { orderBy: keys[NEWEST_FIRST.field], direction: NEWEST_FIRST.direction };
  return {
    orderBy: keys[order.field],
    direction: order.direction,
    orderName: `${order.field}:${order.direction}`,
  };
}
