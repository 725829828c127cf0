import { Box, Text } from "@mantine/core";
import { formatDateTime, formatRelativeTime } from "../../../lib/format";
import { ROLE_LABELS, toRole } from "../../../lib/enum-labels";
import type { InvitationPreview } from "../api/get-invitation-preview";

export interface InvitationDetailsProps {
  invitation: InvitationPreview;
  now: number;
}

/** Who invited whom, to which account, as what, until when: a description list. */
export function InvitationDetails({ invitation, now }: InvitationDetailsProps) {
  const rows: [string, string | null][] = [
    ["Account", invitation.accountName],
    ["Invited by", invitation.inviterName ?? "—"],
    // A client's shareable link has no email: whoever signs up gives theirs.
    ["Email", invitation.email ?? "The one you sign up with"],
    // A partner invitation is to a company, not to a role: no row.
    ["Role", invitation.role ? ROLE_LABELS[toRole(invitation.role)] : null],
    [
      "Expires",
      `${formatRelativeTime(invitation.expiresAt, now)} (${formatDateTime(invitation.expiresAt)})`,
    ],
  ];
  return (
    <Box
      component="dl"
      m={0}
      style={{ display: "grid", gridTemplateColumns: "max-content 1fr", gap: "6px 16px" }}
      data-testid="invitation-details"
    >
      {rows.map(([term, value]) =>
        value === null ? null : (
          <div key={term} style={{ display: "contents" }}>
            <Text component="dt" size="sm" fw={600}>
              {term}
            </Text>
            <Text component="dd" size="sm" m={0} style={{ overflowWrap: "anywhere" }}>
              {value}
            </Text>
          </div>
        ),
      )}
    </Box>
  );
}
