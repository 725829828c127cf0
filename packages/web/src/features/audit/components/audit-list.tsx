import { Button, Group, NativeSelect, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { ListPager } from "../../../components/list-pager";
import { PageEmpty, PageError, PageLoading } from "../../../components/page-status";
import { describeError } from "../../../lib/errors";
import { countText } from "../../../lib/format";
import { type AuditFilters, type PageCursor, useAuditEvents } from "../api/get-audit-events";
import { ACTION_OPTIONS, dayEnd, dayStart } from "../labels";
import { AuditTable } from "./audit-table";

/** The audit log with its filters (action, date range) and keyset pages. */
export function AuditList() {
  const [action, setAction] = useState("");
  const [fromDate, setFromDate] = useState("");
  const [toDate, setToDate] = useState("");
  const rangeInvalid = Boolean(fromDate && toDate && fromDate > toDate);
  const filters: AuditFilters = {
    action: action || null,
    from: fromDate ? dayStart(fromDate) : null,
    // An impossible range is reported beside the field rather than sent.
    to: toDate && !rangeInvalid ? dayEnd(toDate) : null,
  };
  const view = JSON.stringify(filters);
  const [paging, setPaging] = useState<{ view: string; cursor: PageCursor }>({
    view,
    cursor: null,
  });
  const cursor = paging.view === view ? paging.cursor : null;

  const { data, previousData, loading, error, refetch } = useAuditEvents(filters, cursor);
  const connection = (data ?? previousData)?.viewer?.currentAccount?.auditEvents;
  const filtered = Boolean(action || fromDate || toDate);

  let content;
  if (error && !loading && !connection) {
    const { message, retryable } = describeError(error);
    content = (
      <PageError
        title="Could not load the audit log"
        message={message}
        onRetry={
          retryable
            ? () => {
                refetch().catch(() => undefined);
              }
            : undefined
        }
      />
    );
  } else if (!connection) {
    content = <PageLoading label="Loading the audit log" />;
  } else if (connection.nodes.length === 0 && !loading) {
    content = filtered ? (
      <PageEmpty title="No events match" message="Try another action or a wider date range." />
    ) : (
      <PageEmpty
        title="No events yet"
        message="Changes anyone makes in this account are listed here."
      />
    );
  } else {
    content = (
      <Stack gap="sm">
        <AuditTable events={connection.nodes} busy={loading} />
        <ListPager
          summary={countText(connection.totalCount, "event", "events")}
          pageInfo={connection.pageInfo}
          loading={loading}
          label="Audit log pages"
          loadingLabel="Loading the audit log"
          onPrevious={(before) => setPaging({ view, cursor: { before } })}
          onNext={(after) => setPaging({ view, cursor: { after } })}
        />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md" wrap="wrap">
        <NativeSelect
          label="Action"
          data={ACTION_OPTIONS}
          value={action}
          onChange={(event) => setAction(event.currentTarget.value)}
          w={260}
        />
        <TextInput
          label="From"
          type="date"
          value={fromDate}
          max={toDate || undefined}
          onChange={(event) => setFromDate(event.currentTarget.value)}
          w={180}
        />
        <TextInput
          label="To"
          type="date"
          value={toDate}
          min={fromDate || undefined}
          error={rangeInvalid ? "Pick a day on or after the start." : undefined}
          onChange={(event) => setToDate(event.currentTarget.value)}
          w={180}
        />
        {filtered && (
          <Button
            variant="default"
            onClick={() => {
              setAction("");
              setFromDate("");
              setToDate("");
            }}
          >
            Clear filters
          </Button>
        )}
      </Group>
      {content}
    </Stack>
  );
}
