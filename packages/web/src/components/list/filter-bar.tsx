import { Group } from "@mantine/core";
import type { ReactNode } from "react";

export interface FilterBarProps {
  /** The search box, selects and buttons that narrow the list. */
  children: ReactNode;
  /** "flex-end" lines up fields without descriptions with a button beside them. */
  align?: "flex-start" | "flex-end";
}

/** The row of search and filters above a list; wraps on narrow screens. */
export function FilterBar({ children, align = "flex-start" }: FilterBarProps) {
  return (
    <Group align={align} gap="md" wrap="wrap">
      {children}
    </Group>
  );
}
