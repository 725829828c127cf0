import { Card, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { ResendInvitationButton } from "../../../components/resend-invitation-button";
import { useNow } from "../../../hooks/use-now";
import { formatDateTime, formatRelativeTime } from "../../../lib/format";
import type { PartnerDetailsNode } from "../api/get-partner";
import { useResendPartnerInvitation } from "../api/resend-partner-invitation";
import { PartnerStatusBadge } from "./partner-status-badge";

const INVITATION_TEXT = {
  PENDING: "Waiting to be accepted",
  EXPIRED: "Expired",
  ACCEPTED: "Accepted",
  REVOKED: "Withdrawn",
} as const;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text component="dt" size="sm" c="dimmed" w={140} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ minWidth: 0, overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </Group>
  );
}

export interface PartnerOverviewProps {
  partner: PartnerDetailsNode;
  /** Read-only copies of the editable fields, for roles that may not edit them. */
  showDetails: boolean;
  /** OWNER/ADMINISTRATOR: "Resend" on an open or expired invitation. */
  canResend: boolean;
}

/** Status, link, contact and invitation; for readers also domain, external ID and URL. */
export function PartnerOverview({ partner, showDetails, canResend }: PartnerOverviewProps) {
  const now = useNow();
  const [resendInvitation] = useResendPartnerInvitation();
  const { invitation, memberCounts } = partner;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="partner-overview-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="partner-overview-heading">
          Overview
        </Title>
        <Stack component="dl" gap={6} m={0}>
          <Fact label="Status">
            <PartnerStatusBadge status={partner.status} />
          </Fact>
          <Fact label="Linked account">
            {partner.partnerAccount
              ? `${partner.partnerAccount.name} (account ID: ${partner.partnerAccount.handle})`
              : partner.guest
                ? "None: a guest company"
                : "Not linked yet"}
          </Fact>
          <Fact label="Contact">
            {[partner.contactName, partner.contactEmail].filter(Boolean).join(" · ") || "—"}
          </Fact>
          <Fact label="People">
            {memberCounts.pending} pending · {memberCounts.active} active · {memberCounts.archived}{" "}
            archived
          </Fact>
          <Fact label="Login">
            {partner.allowLogin ? "Allowed for active people" : "Not allowed"}
          </Fact>
          {invitation && partner.status === "INVITED" && (
            <Fact label="Invitation">
              <Group gap="xs">
                <span>
                  {INVITATION_TEXT[invitation.status]}
                  {invitation.status === "PENDING" &&
                    `, expires ${formatRelativeTime(invitation.expiresAt, now)}`}
                </span>
                {canResend &&
                  (invitation.status === "PENDING" || invitation.status === "EXPIRED") && (
                    <ResendInvitationButton
                      label={`Resend invitation to ${partner.companyName}`}
                      // By email or to the invited account's admins: the page cannot tell
                      // which (the contact email can change), so name the company.
                      sentTo={partner.companyName}
                      resend={async () =>
                        (
                          await resendInvitation({
                            variables: { input: { invitationId: invitation.id } },
                          })
                        ).data?.resendInvitation
                      }
                    />
                  )}
              </Group>
            </Fact>
          )}
          {showDetails && (
            <>
              <Fact label="Domain">{partner.domain ?? "—"}</Fact>
              <Fact label="External ID">{partner.externalId ?? "—"}</Fact>
              <Fact label="Public URL">{partner.publicUrl ?? "—"}</Fact>
            </>
          )}
          <Fact label="Added">{formatDateTime(partner.createdAt)}</Fact>
          {partner.connectedAt && (
            <Fact label="Connected">{formatDateTime(partner.connectedAt)}</Fact>
          )}
          {partner.removedAt && <Fact label="Removed">{formatDateTime(partner.removedAt)}</Fact>}
        </Stack>
      </Stack>
    </Card>
  );
}
