import { Badge, Box, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { can } from "@pn/shared";
import { type ReactNode, useId, useState } from "react";
import { useParams } from "react-router";
import { DetailPage } from "../../components/detail-page";
import { PageEmpty } from "../../components/page-status";
import { ResendInvitationButton } from "../../components/resend-invitation-button";
import { formatDateTime } from "../../lib/format";
import { toRole } from "../../lib/enum-labels";
import { type ClientDetailsNode, useClientDetails } from "./api/get-client";
import { useResendClientInvitation } from "./api/resend-client-invitation";
import { ClientTeam } from "./components/client-team";
import { ClientTitleForm } from "./components/client-title-form";
import { RemoveClientModal } from "./components/remove-client-modal";
import { CLIENT_STATUS_COLORS, CLIENT_STATUS_LABELS, CLIENT_TYPE_LABELS } from "./labels";

/** `/clients/:clientId`: one client's details and team. */
export function ClientPage() {
  const { clientId = "" } = useParams();
  const { data, loading, error, refetch } = useClientDetails(clientId);
  const node = data?.node;
  const client = node?.__typename === "Client" ? node : null;
  const member = data?.viewer?.currentMember;
  const role = member ? toRole(member.role) : null;
  const open = client?.status !== "REMOVED";
  const canManage = can(role, "manageClientsAndTeams") && open;
  const canRemove = can(role, "removeFromNetwork") && open;
  const [removing, setRemoving] = useState(false);

  return (
    <DetailPage
      record={client}
      kind="Client"
      errorTitle="Could not load this client"
      loadingLabel="Loading client"
      missing={
        <PageEmpty
          title="This client does not exist"
          message="It may belong to another account, or the link is wrong."
        />
      }
      loaded={data !== undefined}
      loading={loading}
      error={error}
      refetch={refetch}
      back={{ to: "/clients", label: "All clients" }}
      title={(record) => record.name}
      actions={() =>
        canRemove ? (
          <Button
            color="red"
            variant="outline"
            aria-haspopup="dialog"
            onClick={() => setRemoving(true)}
          >
            Remove from network
          </Button>
        ) : undefined
      }
    >
      {(client) => (
        <>
          <Stack gap="lg">
            <ClientDetails
              client={client}
              canResend={can(role, "manageClientsAndTeams")}
              canEdit={canManage}
            />
            <ClientTeam client={client} canManage={canManage} />
          </Stack>
          {can(role, "removeFromNetwork") && (
            <RemoveClientModal
              client={client}
              opened={removing}
              onClose={() => setRemoving(false)}
              onRemoved={() => undefined}
            />
          )}
        </>
      )}
    </DetailPage>
  );
}

function ClientDetails({
  client,
  canResend,
  canEdit,
}: {
  client: ClientDetailsNode;
  canResend: boolean;
  /** Whether the title is edited here (EDITOR and up, client not removed) rather than listed. */
  canEdit: boolean;
}) {
  const headingId = useId();
  const rows: [string, ReactNode][] = [
    ["Type", CLIENT_TYPE_LABELS[client.type]],
    ...(canEdit ? [] : ([["Title", client.title ?? "—"]] as [string, string][])),
    [
      "Status",
      <Badge key="status" variant="dot" color={CLIENT_STATUS_COLORS[client.status]}>
        {CLIENT_STATUS_LABELS[client.status]}
      </Badge>,
    ],
    ...(client.clientAccount
      ? ([["Account ID", client.clientAccount.handle]] as [string, string][])
      : []),
    ["Email", client.email ?? "—"],
    ["Phone", client.phone ?? "—"],
    ["Client since", formatDateTime(client.createdAt)],
    ...(client.removedAt
      ? ([["Removed", formatDateTime(client.removedAt)]] as [string, string][])
      : []),
    ...(client.status === "INVITED" && client.invitation
      ? ([
          [
            "Invitation",
            <ClientInvitation
              key="invitation"
              invitation={client.invitation}
              canResend={canResend}
            />,
          ],
        ] as [string, ReactNode][])
      : []),
  ];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={2} size="h3" id={headingId}>
          Details
        </Title>
        <Box
          component="dl"
          m={0}
          style={{ display: "grid", gridTemplateColumns: "max-content 1fr", gap: "6px 16px" }}
          data-testid="client-details"
        >
          {rows.map(([term, value]) => (
            <div key={term} style={{ display: "contents" }}>
              <Text component="dt" size="sm" fw={600}>
                {term}
              </Text>
              <Text component="dd" size="sm" m={0} style={{ overflowWrap: "anywhere" }}>
                {value}
              </Text>
            </div>
          ))}
        </Box>
        {canEdit && (
          <ClientTitleForm clientId={client.id} clientName={client.name} title={client.title} />
        )}
      </Stack>
    </Card>
  );
}

/** The client's invitation; an email one that is open or ran out can be sent again. */
function ClientInvitation({
  invitation,
  canResend,
}: {
  invitation: NonNullable<ClientDetailsNode["invitation"]>;
  canResend: boolean;
}) {
  const [resendInvitation] = useResendClientInvitation();
  const text =
    invitation.status === "PENDING"
      ? `Sent; expires ${formatDateTime(invitation.expiresAt)}`
      : invitation.status.toLowerCase();
  const email = invitation.email;
  // A shareable link has no email to send to: only email invitations, open or run out.
  const resendable =
    canResend &&
    email !== null &&
    (invitation.status === "PENDING" || invitation.status === "EXPIRED");
  if (!resendable) return text;
  return (
    <Group gap="xs">
      {text}
      <ResendInvitationButton
        label={`Resend invitation to ${email}`}
        sentTo={email}
        resend={async () =>
          (await resendInvitation({ variables: { input: { invitationId: invitation.id } } })).data
            ?.resendInvitation
        }
      />
    </Group>
  );
}
