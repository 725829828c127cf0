import { Button, Group, Loader, Text } from "@mantine/core";
import type { ReactNode } from "react";

export interface PageInfoLike {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}

export interface ListPagerProps {
  /** e.g. "4 members"; announced politely when it changes. */
  summary: ReactNode;
  pageInfo: PageInfoLike;
  loading: boolean;
  /** Accessible name of the pager's navigation, e.g. "Pending members pages" or "Partners pages". */
  label: string;
  /** Announced while a page loads, e.g. "Loading members". */
  loadingLabel: string;
  onPrevious: (startCursor: string) => void;
  onNext: (endCursor: string) => void;
}

export interface ListSummaryProps {
  /** e.g. "4 members"; announced politely when it changes. */
  summary: ReactNode;
  loading: boolean;
  /** Announced while the list reloads, e.g. "Loading members". */
  loadingLabel: string;
}

/** A list's total with a busy indicator while it reloads (the rows stay on screen meanwhile). */
export function ListSummary({ summary, loading, loadingLabel }: ListSummaryProps) {
  return (
    <Group gap="xs">
      <Text size="sm" c="dimmed" aria-live="polite">
        {summary}
      </Text>
      {loading && <Loader size="xs" role="status" aria-label={loadingLabel} />}
    </Group>
  );
}

/** The line under a list: its total, a busy indicator, and Previous/Next by cursor. */
export function ListPager({
  summary,
  pageInfo,
  loading,
  label,
  loadingLabel,
  onPrevious,
  onNext,
}: ListPagerProps) {
  const { startCursor, endCursor } = pageInfo;
  return (
    <Group justify="space-between" wrap="wrap">
      <ListSummary summary={summary} loading={loading} loadingLabel={loadingLabel} />
      <Group gap="xs" component="nav" aria-label={label}>
        <Button
          variant="default"
          size="sm"
          disabled={loading || !pageInfo.hasPreviousPage || !startCursor}
          onClick={() => startCursor && onPrevious(startCursor)}
        >
          Previous
        </Button>
        <Button
          variant="default"
          size="sm"
          disabled={loading || !pageInfo.hasNextPage || !endCursor}
          onClick={() => endCursor && onNext(endCursor)}
        >
          Next
        </Button>
      </Group>
    </Group>
  );
}
