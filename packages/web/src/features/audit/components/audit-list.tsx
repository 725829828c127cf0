import { Button, NativeSelect, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { ConnectionList, FilterBar, useCursorPaging } from "../../../components/list";
import { PageEmpty } from "../../../components/page-status";
import { countText } from "../../../lib/format";
import { type AuditFilters, useAuditEvents } from "../api/get-audit-events";
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
  const paging = useCursorPaging(JSON.stringify(filters));

  const { data, previousData, loading, error, refetch } = useAuditEvents(filters, paging.cursor);
  const connection = (data ?? previousData)?.viewer?.currentAccount?.auditEvents;
  const filtered = Boolean(action || fromDate || toDate);

  return (
    <Stack gap="md">
      <FilterBar align="flex-end">
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
      </FilterBar>
      <ConnectionList
        connection={connection}
        loading={loading}
        error={error}
        refetch={refetch}
        errorTitle="Could not load the audit log"
        loadingLabel="Loading the audit log"
        empty={
          filtered ? (
            <PageEmpty
              title="No events match"
              message="Try another action or a wider date range."
            />
          ) : (
            <PageEmpty
              title="No events yet"
              message="Changes anyone makes in this account are listed here."
            />
          )
        }
        paging={paging}
        summary={(total) => countText(total, "event", "events")}
        pagerLabel="Audit log pages"
      >
        {(events) => <AuditTable events={events} busy={loading} />}
      </ConnectionList>
    </Stack>
  );
}
