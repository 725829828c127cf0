import { Badge, Drawer, Group, Stack, Text } from "@mantine/core";
import type { Role } from "@pn/shared";
import type { ReactNode } from "react";
import { PageEmpty } from "../../../components/page-status";
import { RecordStatus } from "../../../components/record-status";
import { formatDateTime } from "../../../lib/format";
import {
  MEMBER_STATUS_LABELS,
  MEMBER_TYPE_LABELS,
  toMemberStatus,
  toMemberType,
} from "../../../lib/enum-labels";
import { type MemberDetailsNode, useMemberDetails } from "../api/get-member-details";
import { MemberEditForm } from "./member-edit-form";
import { MemberStatusActions } from "./member-status-actions";
import { AcceptanceBadge } from "./acceptance-badge";

export interface MemberPanelProps {
  /** The member shown; null closes the panel. */
  memberId: string | null;
  onClose: () => void;
  /** The viewer's role here: what the panel lets them change. */
  viewerRole: Role | null;
  /** The viewer's own member id: nobody archives themselves. */
  viewerMemberId: string | null;
}

/** A member's side panel: details, role, login, name and title, archive or restore. */
export function MemberPanel({ memberId, onClose, viewerRole, viewerMemberId }: MemberPanelProps) {
  return (
    <Drawer.Root
      opened={memberId !== null}
      onClose={onClose}
      position="right"
      size="md"
      transitionProps={{ duration: 0 }}
    >
      <Drawer.Overlay />
      <Drawer.Content>
        {memberId && (
          <MemberPanelContent
            // Another member starts with a fresh form.
            key={memberId}
            memberId={memberId}
            viewerRole={viewerRole}
            viewerMemberId={viewerMemberId}
          />
        )}
      </Drawer.Content>
    </Drawer.Root>
  );
}

interface MemberPanelContentProps {
  memberId: string;
  viewerRole: Role | null;
  viewerMemberId: string | null;
}

function MemberPanelContent({ memberId, viewerRole, viewerMemberId }: MemberPanelContentProps) {
  const { data, loading, error, refetch } = useMemberDetails(memberId);
  const node = data?.node;
  const member = node?.__typename === "Member" ? node : null;

  let body;
  if (member) {
    body = (
      <Stack gap="lg">
        <MemberFacts member={member} />
        <MemberEditForm
          member={member}
          viewerRole={viewerRole}
          isSelf={member.id === viewerMemberId}
        />
        <MemberStatusActions
          member={member}
          viewerRole={viewerRole}
          isSelf={member.id === viewerMemberId}
        />
      </Stack>
    );
  } else {
    body = (
      <RecordStatus
        errorTitle="Could not load this member"
        loadingLabel="Loading member"
        missing={<PageEmpty title="Member not found" message="They may have been removed." />}
        loaded={data !== undefined}
        loading={loading}
        error={error}
        refetch={refetch}
      />
    );
  }

  return (
    <>
      {/* role="none": the dialog is named by its title; a <header> would be a second banner. */}
      <Drawer.Header role="none">
        <Drawer.Title fw={700} fz="lg">
          {member?.name ?? "Member"}
        </Drawer.Title>
        <Drawer.CloseButton aria-label="Close" />
      </Drawer.Header>
      <Drawer.Body>{body}</Drawer.Body>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text component="dt" size="sm" c="dimmed" w={90} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ minWidth: 0, overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </Group>
  );
}

function MemberFacts({ member }: { member: MemberDetailsNode }) {
  const status = toMemberStatus(member.status);
  return (
    <Stack component="dl" gap={6} m={0}>
      <Fact label="Email">{member.email}</Fact>
      <Fact label="Type">
        {MEMBER_TYPE_LABELS[toMemberType(member.type)]}
        {member.partner ? ` · ${member.partner.companyName}` : ""}
      </Fact>
      <Fact label="Status">
        <Badge
          variant="dot"
          color={status === "ACTIVE" ? "green" : status === "PENDING" ? "yellow" : "gray"}
        >
          {MEMBER_STATUS_LABELS[status]}
        </Badge>
      </Fact>
      <Fact label="Acceptance">
        {member.declinedAt ? (
          <AcceptanceBadge member={member} />
        ) : member.acceptedAt === null ? (
          <>
            <AcceptanceBadge member={member} /> They were added by email; until they accept from
            their own account, you see only the name and email you typed, and they cannot enter.
          </>
        ) : (
          `Accepted ${formatDateTime(member.acceptedAt)}`
        )}
      </Fact>
      <Fact label="Added">{formatDateTime(member.createdAt)}</Fact>
      {member.activatedAt && <Fact label="Activated">{formatDateTime(member.activatedAt)}</Fact>}
      {member.archivedAt && <Fact label="Archived">{formatDateTime(member.archivedAt)}</Fact>}
    </Stack>
  );
}
