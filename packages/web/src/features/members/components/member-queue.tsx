import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  Select,
  Stack,
  Text,
  VisuallyHidden,
} from "@mantine/core";
import { useState } from "react";
import {
  ConnectionList,
  ExportCsvButton,
  FilterBar,
  listExportPath,
  opaqueIdFilter,
  SearchBox,
  useListState,
} from "../../../components/list";
import { PageEmpty } from "../../../components/page-status";
import { describeError } from "../../../lib/errors";
import { useActivateMembers } from "../api/activate-members";
import { useArchiveMembers } from "../api/archive-members";
import { type MemberQueueRow, type QueueStatus, useMemberQueue } from "../api/get-member-queue";
import { MEMBER_ORDER_FIELDS } from "../api/get-members";
import { useMemberPartnerOptions } from "../api/get-partner-options";
import { useRestoreMembers } from "../api/restore-members";
import { BULK_ACTION_TEXT, type BulkAction, describeBulkErrors, doneMessage } from "./bulk-status";
import { countText } from "../../../lib/format";
import { MemberQueueTable } from "./member-queue-table";

interface QueueConfig {
  caption: string;
  actions: readonly BulkAction[];
  emptyTitle: string;
  emptyMessage: string;
  noMatch: string;
}

const CONFIG: Record<QueueStatus, QueueConfig> = {
  PENDING: {
    caption: "Pending members",
    actions: ["activate", "archive"],
    emptyTitle: "No pending members",
    emptyMessage:
      "When a partner joins your network, its people wait here until you activate them.",
    noMatch: "Nobody pending matches these filters.",
  },
  ARCHIVED: {
    caption: "Archived members",
    actions: ["restore"],
    emptyTitle: "No archived members",
    emptyMessage: "Archived people and the people of removed partners show here.",
    noMatch: "Nobody archived matches these filters.",
  },
};

export interface MemberQueueProps {
  status: QueueStatus;
  /** OWNER/ADMINISTRATOR: checkboxes and bulk actions. */
  canChangeStatus: boolean;
  onOpenMember: (memberId: string) => void;
  /** Roles that read the whole list: "Export CSV". */
  canExport: boolean;
}

/** The URL parameter of the partner filter (`?partner=<partner id>`). */
export const PARTNER_FILTER_PARAM = "partner";

type Outcome =
  | { kind: "done"; message: string }
  | { kind: "failed"; action: BulkAction; title: string; messages: string[]; retryable: boolean };

/**
 * Pending or archived members: search, filter by partner, select on the page and change many at
 * once (one request, all or nothing).
 */
export function MemberQueue({
  status,
  canChangeStatus,
  onOpenMember,
  canExport,
}: MemberQueueProps) {
  const config = CONFIG[status];
  const list = useListState({
    sortFields: MEMBER_ORDER_FIELDS,
    filters: { [PARTNER_FILTER_PARAM]: opaqueIdFilter },
  });
  const { search, order, paging } = list;
  const partnerId = list.filters[PARTNER_FILTER_PARAM];
  const { cursor } = paging;
  const pageKey = JSON.stringify([list.view, cursor]);

  const { data, previousData, loading, error, refetch } = useMemberQueue({
    status,
    search,
    partnerId,
    order,
    cursor,
  });
  const partnerOptions = useMemberPartnerOptions();
  const connection = (data ?? previousData)?.viewer?.currentAccount?.members;
  const rows = connection?.nodes ?? [];

  // Selection is per page: another page, search or filter starts with nothing selected, and
  // people who left the list (activated, archived elsewhere) drop out of it.
  const [selection, setSelection] = useState<{ pageKey: string; ids: ReadonlySet<string> }>({
    pageKey,
    ids: new Set(),
  });
  const selectedRows =
    selection.pageKey === pageKey ? rows.filter((row) => selection.ids.has(row.id)) : [];
  const selectedIds = new Set(selectedRows.map((row) => row.id));

  const [activateMembers] = useActivateMembers();
  const [archiveMembers] = useArchiveMembers();
  const [restoreMembers] = useRestoreMembers();
  const [running, setRunning] = useState<{ action: BulkAction; count: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirmArchive, setConfirmArchive] = useState(false);

  function select(next: ReadonlySet<string>) {
    setSelection({ pageKey, ids: next });
    setOutcome(null);
  }

  async function send(action: BulkAction, input: { memberIds: string[] }) {
    switch (action) {
      case "activate":
        return (await activateMembers({ variables: { input } })).data?.activateMembers;
      case "archive":
        return (await archiveMembers({ variables: { input } })).data?.archiveMembers;
      case "restore":
        return (await restoreMembers({ variables: { input } })).data?.restoreMembers;
    }
  }

  async function run(action: BulkAction, members: readonly MemberQueueRow[]) {
    if (members.length === 0 || running) return;
    const input = { memberIds: members.map((member) => member.id) };
    setRunning({ action, count: members.length });
    setOutcome(null);
    try {
      const result = await send(action, input);
      const userErrors = result?.userErrors ?? [];
      if (userErrors.length > 0) {
        setOutcome({
          kind: "failed",
          action,
          title: `${BULK_ACTION_TEXT[action].failed}; nothing changed.`,
          messages: describeBulkErrors(userErrors, members),
          retryable: false,
        });
        return;
      }
      setSelection({ pageKey, ids: new Set() });
      setOutcome({ kind: "done", message: doneMessage(action, result?.members.length ?? 0) });
    } catch (failure) {
      const described = describeError(failure);
      setOutcome({
        kind: "failed",
        action,
        title: BULK_ACTION_TEXT[action].failed,
        messages: [described.message],
        retryable: described.retryable,
      });
    } finally {
      setRunning(null);
    }
  }

  const partnerData = (partnerOptions.data?.viewer?.currentAccount?.partners.nodes ?? []).map(
    (partner) => ({ value: partner.id, label: partner.companyName }),
  );
  const filtered = Boolean(search || partnerId);

  const content = (
    <ConnectionList
      connection={connection}
      loading={loading}
      error={error}
      refetch={refetch}
      errorTitle="Could not load members"
      loadingLabel="Loading members"
      empty={
        <PageEmpty
          title={filtered ? "No members match" : config.emptyTitle}
          message={filtered ? config.noMatch : config.emptyMessage}
        />
      }
      paging={paging}
      summary={(total) => countText(total, "member", "members")}
      pagerLabel={`${config.caption} pages`}
    >
      {(members) => (
        <MemberQueueTable
          caption={config.caption}
          status={status}
          members={members}
          busy={loading}
          order={order}
          onSort={list.toggleSort}
          selection={
            canChangeStatus
              ? {
                  selectedIds,
                  disabled: running !== null,
                  onToggle: (memberId, selected) => {
                    const next = new Set(selectedIds);
                    if (selected) next.add(memberId);
                    else next.delete(memberId);
                    select(next);
                  },
                  onToggleAll: (selected) =>
                    select(selected ? new Set(members.map((row) => row.id)) : new Set()),
                }
              : null
          }
          onOpenMember={onOpenMember}
        />
      )}
    </ConnectionList>
  );

  return (
    <Stack gap="md">
      <FilterBar align="flex-end">
        <SearchBox search={list.searchBox} description="Name or email" w={300} />
        <Select
          label="Partner"
          description={
            partnerOptions.error ? "Could not load partners." : "Only people of this partner"
          }
          placeholder="All partners"
          data={partnerData}
          value={partnerId}
          onChange={(value) => {
            list.setFilter(PARTNER_FILTER_PARAM, value);
            setOutcome(null);
          }}
          searchable
          clearable
          nothingFoundMessage="No partner has that name"
          comboboxProps={{ withinPortal: false }}
          w={260}
        />
        {canExport && (
          <ExportCsvButton
            what="members"
            path={listExportPath("members", {
              status,
              q: search,
              partnerId,
              orderBy: order?.field,
              direction: order?.direction,
            })}
          />
        )}
      </FilterBar>
      {canChangeStatus && (
        <Group gap="sm" wrap="wrap" aria-label="Bulk actions" role="group">
          <Text size="sm" aria-live="polite" miw={90}>
            {selectedRows.length === 0 ? "None selected" : `${selectedRows.length} selected`}
          </Text>
          {config.actions.map((action) => (
            <Button
              key={action}
              variant={action === "archive" ? "default" : "filled"}
              color={action === "archive" ? "red" : undefined}
              disabled={
                selectedRows.length === 0 || (running !== null && running.action !== action)
              }
              loading={running?.action === action}
              loaderProps={{ "aria-hidden": true }}
              onClick={() =>
                action === "archive" ? setConfirmArchive(true) : void run(action, selectedRows)
              }
            >
              {BULK_ACTION_TEXT[action].label}
            </Button>
          ))}
          <VisuallyHidden role="status">
            {running
              ? `${BULK_ACTION_TEXT[running.action].progress} ${countText(running.count, "member", "members")}…`
              : ""}
          </VisuallyHidden>
        </Group>
      )}
      {outcome?.kind === "done" && (
        <Alert color="green" variant="light" role="status" data-testid="bulk-result">
          {outcome.message}
        </Alert>
      )}
      {outcome?.kind === "failed" && (
        // Not FormAlert's title: Mantine colours Alert titles below 4.5:1 on the light background.
        <Alert color="red" variant="light" role="alert">
          <Stack gap={4} align="flex-start">
            <Text size="sm" fw={700}>
              {outcome.title}
            </Text>
            <List size="sm">
              {outcome.messages.map((message) => (
                <List.Item key={message}>{message}</List.Item>
              ))}
            </List>
            {outcome.retryable && (
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => void run(outcome.action, selectedRows)}
              >
                Retry
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      {content}
      <Modal
        opened={confirmArchive}
        onClose={() => setConfirmArchive(false)}
        title="Archive members"
      >
        <Stack gap="md">
          <Text>
            Archive {countText(selectedRows.length, "member", "members")}? They lose access to this
            account at once; you can restore them later.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmArchive(false)}>
              Cancel
            </Button>
            <Button
              color="red"
              onClick={() => {
                setConfirmArchive(false);
                void run("archive", selectedRows);
              }}
            >
              Archive {countText(selectedRows.length, "member", "members")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
