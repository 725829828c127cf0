import { Anchor } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { Page } from "./page";
import { RecordStatus, type RecordStatusProps } from "./record-status";

export interface DetailPageProps<Record> extends RecordStatusProps {
  /** What the record is, e.g. "Partner": the title until it loads, then "Partner not found". */
  kind: string;
  /** The record on the page; null while loading, after a failure, or when it does not exist. */
  record: Record | null;
  /** The list the record belongs to, e.g. `{ to: "/partners", label: "All partners" }`. */
  back: { to: string; label: string };
  /** The page's h1 and document title once the record is there. */
  title: (record: Record) => string;
  /** Buttons beside the title, e.g. "Remove from network". */
  actions?: (record: Record) => ReactNode;
  children: (record: Record) => ReactNode;
}

/**
 * The frame of a page about one record (`/partners/:id`): its name as the title, a link back to
 * the list, page actions, and the loading, error and not-found states while there is no record.
 */
export function DetailPage<Record>({
  kind,
  record,
  back,
  title,
  actions,
  children,
  ...status
}: DetailPageProps<Record>) {
  const backLink = (
    <Anchor component={Link} to={back.to} size="sm">
      {`← ${back.label}`}
    </Anchor>
  );

  if (!record) {
    return (
      <Page title={status.loaded && !status.loading ? `${kind} not found` : kind}>
        {backLink}
        <RecordStatus {...status} />
      </Page>
    );
  }

  return (
    <Page title={title(record)} description={backLink} actions={actions?.(record)}>
      {children(record)}
    </Page>
  );
}
