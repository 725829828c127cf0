import { Group, Table, type TableThProps, UnstyledButton } from "@mantine/core";
import type { ReactNode } from "react";
import classes from "./sortable-th.module.css";
import type { ListOrder } from "./use-list-state";

function SortIcon({ direction }: { direction: "ASC" | "DESC" | null }) {
  // Unsorted: both arrows, faint; sorted: the one arrow of its direction.
  return (
    <svg
      width="12"
      height="12"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      className={direction ? undefined : classes.idle}
      data-direction={direction ?? "none"}
    >
      {direction !== "DESC" && (
        <path d="M7 10l5-5 5 5" fill="none" stroke="currentColor" strokeWidth="2.5" />
      )}
      {direction !== "ASC" && (
        <path d="M7 14l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2.5" />
      )}
    </svg>
  );
}

export interface SortableThProps<Field extends string> extends Omit<TableThProps, "children"> {
  /** The order field this column sorts by. */
  field: Field;
  /** The list's order now; null: the server's default. */
  order: ListOrder<Field> | null;
  /** Sorts by `field`, or flips the direction when the list is sorted by it already. */
  onSort: (field: Field) => void;
  children: ReactNode;
}

/**
 * A column header that sorts its list: a button (Enter or Space) in the header cell, which says
 * its state with `aria-sort` (only on the column the list is sorted by, as the ARIA practices
 * ask). Only for columns the server can order by.
 */
export function SortableTh<Field extends string>({
  field,
  order,
  onSort,
  children,
  ...th
}: SortableThProps<Field>) {
  const direction = order?.field === field ? order.direction : null;
  return (
    <Table.Th
      scope="col"
      aria-sort={direction ? (direction === "ASC" ? "ascending" : "descending") : undefined}
      {...th}
    >
      <UnstyledButton className={classes.button} onClick={() => onSort(field)}>
        <Group gap={4} wrap="nowrap" component="span">
          <span>{children}</span>
          <SortIcon direction={direction} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
