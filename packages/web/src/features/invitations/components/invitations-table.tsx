import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { type ListOrder, SortableTh } from "../../../components/list";
import type { InvitationOrderField } from "../../../gql/graphql";
import { formatDateTime, formatRelativeTime } from "../../../lib/format";
import {
  DELIVERY_STATUS_LABELS,
  INVITATION_STATUS_LABELS,
  ROLE_LABELS,
  toDeliveryStatus,
  toInvitationStatus,
  toRole,
} from "../../../lib/enum-labels";
import type { InvitationRow } from "../api/get-invitations";

const STATUS_COLORS: Record<InvitationRow["status"], string> = {
  PENDING: "blue",
  EXPIRED: "orange",
  ACCEPTED: "green",
  REVOKED: "gray",
};

const DELIVERY_COLORS: Record<InvitationRow["delivery"], string> = {
  NOT_SENT: "gray",
  QUEUED: "yellow",
  SENT: "green",
  FAILED: "red",
};

/**
 * An open invitation whose sender may no longer send it (demoted, without login, archived):
 * accepting it fails until someone who may re-sends it as themselves.
 */
export function senderLostAuthority(invitation: InvitationRow): boolean {
  return (
    (invitation.status === "PENDING" || invitation.status === "EXPIRED") &&
    !invitation.issuerCanGrant
  );
}

/** Resending helps when the link ran out, the email never arrived, or its sender can no longer invite. */
export function canResend(invitation: InvitationRow): boolean {
  return (
    invitation.status === "EXPIRED" ||
    (invitation.status === "PENDING" && invitation.delivery === "FAILED") ||
    senderLostAuthority(invitation)
  );
}

/** Only an open invitation can be cancelled (an expired one still holds its row). */
export function canCancel(invitation: InvitationRow): boolean {
  return invitation.status === "PENDING" || invitation.status === "EXPIRED";
}

export interface InvitationsTableProps {
  caption: string;
  invitations: readonly InvitationRow[];
  busy?: boolean;
  order: ListOrder<InvitationOrderField> | null;
  onSort: (field: InvitationOrderField) => void;
  /** Shows Resend and Cancel (OWNER/ADMINISTRATOR). */
  canManage: boolean;
  resendingId: string | null;
  onResend: (invitation: InvitationRow) => void;
  onCancel: (invitation: InvitationRow) => void;
  /** Milliseconds since the epoch, for "expires in …". */
  now: number;
}

export function InvitationsTable({
  caption,
  invitations,
  busy = false,
  order,
  onSort,
  canManage,
  resendingId,
  onResend,
  onCancel,
  now,
}: InvitationsTableProps) {
  const sort = { order, onSort };
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover aria-busy={busy} captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <SortableTh field="EMAIL" {...sort}>
              Email
            </SortableTh>
            <Table.Th scope="col">Role</Table.Th>
            <SortableTh field="STATUS" {...sort}>
              Status
            </SortableTh>
            <Table.Th scope="col">Delivery</Table.Th>
            <SortableTh field="EXPIRES_AT" {...sort}>
              Expires
            </SortableTh>
            <Table.Th scope="col">Sent</Table.Th>
            <Table.Th scope="col">Invited by</Table.Th>
            {canManage && (
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invitations.map((invitation) => {
            const email = invitation.email ?? "(link)";
            const open = invitation.status === "PENDING" || invitation.status === "EXPIRED";
            return (
              <Table.Tr key={invitation.id}>
                <Table.Td>{email}</Table.Td>
                <Table.Td>{invitation.role ? ROLE_LABELS[toRole(invitation.role)] : "—"}</Table.Td>
                <Table.Td>
                  <Badge variant="dot" color={STATUS_COLORS[invitation.status]}>
                    {INVITATION_STATUS_LABELS[toInvitationStatus(invitation.status)]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Badge variant="dot" color={DELIVERY_COLORS[invitation.delivery]}>
                    {DELIVERY_STATUS_LABELS[toDeliveryStatus(invitation.delivery)]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {open ? (
                    <Text
                      span
                      size="sm"
                      title={formatDateTime(invitation.expiresAt)}
                      c={
                        invitation.status === "EXPIRED" ? "var(--pn-color-text-danger)" : undefined
                      }
                    >
                      {formatRelativeTime(invitation.expiresAt, now)}
                    </Text>
                  ) : (
                    "—"
                  )}
                </Table.Td>
                <Table.Td>{invitation.sendCount}</Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <span>{invitation.invitedBy?.name ?? "—"}</span>
                    {senderLostAuthority(invitation) && (
                      <Badge
                        variant="light"
                        color="red"
                        title="Accepting fails until someone who may invite sends it again."
                      >
                        Sender can no longer invite
                      </Badge>
                    )}
                  </Stack>
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    <Group gap={6} wrap="nowrap" justify="flex-end">
                      {canResend(invitation) && (
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={
                            senderLostAuthority(invitation)
                              ? `Re-send invitation to ${email} as me`
                              : `Resend invitation to ${email}`
                          }
                          loading={resendingId === invitation.id}
                          onClick={() => onResend(invitation)}
                        >
                          {senderLostAuthority(invitation) ? "Re-send as me" : "Resend"}
                        </Button>
                      )}
                      {canCancel(invitation) && (
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={`Cancel invitation to ${email}`}
                          onClick={() => onCancel(invitation)}
                        >
                          Cancel
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
