import { Checkbox, Table, Text } from "@mantine/core";
import { type ListOrder, SortableTh } from "../../../components/list";
import type { MemberOrderField } from "../../../gql/graphql";
import { formatDateTime } from "../../../lib/format";
import type { MemberQueueRow, QueueStatus } from "../api/get-member-queue";
import { MemberNameButton } from "./member-name-button";

export interface MemberQueueTableProps {
  caption: string;
  status: QueueStatus;
  members: readonly MemberQueueRow[];
  busy: boolean;
  order: ListOrder<MemberOrderField> | null;
  onSort: (field: MemberOrderField) => void;
  /** Null: no checkboxes (the role may not change statuses). */
  selection: {
    selectedIds: ReadonlySet<string>;
    disabled: boolean;
    onToggle: (memberId: string, selected: boolean) => void;
    onToggleAll: (selected: boolean) => void;
  } | null;
  onOpenMember: (memberId: string) => void;
}

/** Pending or archived members with their partner; a checkbox per row for bulk actions. */
export function MemberQueueTable({
  caption,
  status,
  members,
  busy,
  order,
  onSort,
  selection,
  onOpenMember,
}: MemberQueueTableProps) {
  const sort = { order, onSort };
  const selectedOnPage = selection
    ? members.filter((member) => selection.selectedIds.has(member.id)).length
    : 0;
  const allSelected = members.length > 0 && selectedOnPage === members.length;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover aria-busy={busy} captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th scope="col" w={40}>
                <Checkbox
                  aria-label="Select all on this page"
                  checked={allSelected}
                  indeterminate={selectedOnPage > 0 && !allSelected}
                  disabled={selection.disabled}
                  onChange={(event) => selection.onToggleAll(event.currentTarget.checked)}
                />
              </Table.Th>
            )}
            <SortableTh field="NAME" {...sort}>
              Name
            </SortableTh>
            <SortableTh field="EMAIL" {...sort}>
              Email
            </SortableTh>
            <Table.Th scope="col">Partner</Table.Th>
            {/* The server orders by when a member was added, not when they were archived. */}
            {status === "ARCHIVED" ? (
              <Table.Th scope="col">Archived</Table.Th>
            ) : (
              <SortableTh field="CREATED_AT" {...sort}>
                Added
              </SortableTh>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => {
            const when = status === "ARCHIVED" ? member.archivedAt : member.createdAt;
            return (
              <Table.Tr
                key={member.id}
                bg={
                  selection?.selectedIds.has(member.id)
                    ? "var(--pn-color-surface-selected)"
                    : undefined
                }
              >
                {selection && (
                  <Table.Td>
                    <Checkbox
                      aria-label={`Select ${member.name}`}
                      checked={selection.selectedIds.has(member.id)}
                      disabled={selection.disabled}
                      onChange={(event) =>
                        selection.onToggle(member.id, event.currentTarget.checked)
                      }
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  <MemberNameButton name={member.name} onOpen={() => onOpenMember(member.id)} />
                </Table.Td>
                <Table.Td>{member.email}</Table.Td>
                <Table.Td>
                  {member.partner ? (
                    member.partner.companyName
                  ) : (
                    <Text span size="sm" c="dimmed">
                      Internal
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{when ? formatDateTime(when) : "—"}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
