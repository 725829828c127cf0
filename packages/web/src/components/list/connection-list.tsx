import { Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { ListPager, type PageInfoLike } from "./list-pager";
import { ListStates, type ListStatesProps } from "./list-states";
import type { CursorPaging } from "./use-cursor-paging";

/** The part of a GraphQL connection a list shows: one page of nodes and where it sits. */
export interface ConnectionLike {
  nodes: readonly unknown[];
  totalCount: number;
  pageInfo: PageInfoLike;
}

export interface ConnectionListProps<Connection extends ConnectionLike> extends Omit<
  ListStatesProps<Connection["nodes"]>,
  "items" | "children"
> {
  /** The page on screen (the last one while the next loads); null until the first answer. */
  connection: Connection | null | undefined;
  paging: Pick<CursorPaging, "onPrevious" | "onNext">;
  /** The pager's total, e.g. "4 members". */
  summary: (totalCount: number) => ReactNode;
  /** Accessible name of the pager's navigation, e.g. "Members pages". */
  pagerLabel: string;
  /** The table of the page's nodes. */
  children: (nodes: Connection["nodes"]) => ReactNode;
}

/** One page of a connection with its states and the Previous/Next pager under it. */
export function ConnectionList<Connection extends ConnectionLike>({
  connection,
  paging,
  summary,
  pagerLabel,
  children,
  ...states
}: ConnectionListProps<Connection>) {
  return (
    <ListStates items={connection?.nodes} {...states}>
      {(nodes) => (
        <Stack gap="sm">
          {children(nodes)}
          {connection && (
            <ListPager
              summary={summary(connection.totalCount)}
              pageInfo={connection.pageInfo}
              loading={states.loading}
              label={pagerLabel}
              loadingLabel={states.loadingLabel}
              onPrevious={paging.onPrevious}
              onNext={paging.onNext}
            />
          )}
        </Stack>
      )}
    </ListStates>
  );
}
