import { Badge, Table } from "@mantine/core";
import {
  MEMBER_STATUS_LABELS,
  MEMBER_TYPE_LABELS,
  ROLE_LABELS,
  toMemberStatus,
  toMemberType,
  toRole,
} from "../../../lib/enum-labels";
import { type ListOrder, SortableTh } from "../../../components/list";
import type { MemberOrderField } from "../../../gql/graphql";
import type { MemberRow } from "../api/get-members";
import { MemberNameButton } from "./member-name-button";
import { AcceptanceBadge } from "./acceptance-badge";

export interface MembersTableProps {
  caption: string;
  members: readonly MemberRow[];
  busy?: boolean;
  order: ListOrder<MemberOrderField> | null;
  onSort: (field: MemberOrderField) => void;
  /** Opens a member's side panel from their name. */
  onOpenMember: (memberId: string) => void;
}

export function MembersTable({
  caption,
  members,
  busy = false,
  order,
  onSort,
  onOpenMember,
}: MembersTableProps) {
  const sort = { order, onSort };
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover aria-busy={busy} captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <SortableTh field="NAME" {...sort}>
              Name
            </SortableTh>
            <SortableTh field="EMAIL" {...sort}>
              Email
            </SortableTh>
            <SortableTh field="ROLE" {...sort}>
              Role
            </SortableTh>
            <Table.Th scope="col">Type</Table.Th>
            {/* Not sortable: this list is active members only. */}
            <Table.Th scope="col">Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.id}>
              <Table.Td>
                <MemberNameButton name={member.name} onOpen={() => onOpenMember(member.id)} />
              </Table.Td>
              <Table.Td>{member.email}</Table.Td>
              <Table.Td>{ROLE_LABELS[toRole(member.role)]}</Table.Td>
              <Table.Td>{MEMBER_TYPE_LABELS[toMemberType(member.type)]}</Table.Td>
              <Table.Td>
                <Badge variant="dot" color={member.status === "ACTIVE" ? "green" : "gray"}>
                  {MEMBER_STATUS_LABELS[toMemberStatus(member.status)]}
                </Badge>
                <AcceptanceBadge member={member} ml={6} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
