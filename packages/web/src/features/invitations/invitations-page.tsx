import { Button, Tabs, Text } from "@mantine/core";
import { formatNumber } from "../../lib/format";
import { can } from "@pn/shared";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { useListTab } from "../../components/list";
import { Page } from "../../components/page";
import { NoAccountError } from "../../components/page-status";
import { RecordStatus } from "../../components/record-status";
import type { InvitationStatus } from "../../gql/graphql";
import { toRole } from "../../lib/enum-labels";
import { useInvitationSeats } from "./api/get-invitation-seats";
import { InvitationsList } from "./components/invitations-list";
import { InviteDialog } from "./components/invite-dialog";

interface StatusTab {
  value: string;
  label: string;
  status: InvitationStatus | null;
  caption: string;
  emptyTitle: string;
  emptyMessage: string;
}

const TABS: readonly StatusTab[] = [
  {
    value: "pending",
    label: "Pending",
    status: "PENDING",
    caption: "Pending invitations",
    emptyTitle: "No pending invitations",
    emptyMessage: "Invitations waiting to be accepted show here.",
  },
  {
    value: "expired",
    label: "Expired",
    status: "EXPIRED",
    caption: "Expired invitations",
    emptyTitle: "No expired invitations",
    emptyMessage: "Links not used within 48 hours show here, ready to resend.",
  },
  {
    value: "accepted",
    label: "Accepted",
    status: "ACCEPTED",
    caption: "Accepted invitations",
    emptyTitle: "No accepted invitations",
    emptyMessage: "People who joined through an invitation show here.",
  },
  {
    value: "revoked",
    label: "Revoked",
    status: "REVOKED",
    caption: "Revoked invitations",
    emptyTitle: "No revoked invitations",
    emptyMessage: "Invitations you cancelled show here.",
  },
  {
    value: "all",
    label: "All",
    status: null,
    caption: "All invitations",
    emptyTitle: "No invitations yet",
    emptyMessage: "Invite people to your account to see them here.",
  },
];

const TAB_VALUES = TABS.map((tab) => tab.value);

/** `/invitations?invite=1` (e.g. from the Members page) opens the invite dialog. */
const INVITE_PARAM = "invite";

export function InvitationsPage() {
  const { data, loading, error, refetch } = useInvitationSeats();
  const [searchParams, setSearchParams] = useSearchParams();
  const [inviteOpen, setInviteOpen] = useState(false);
  const account = data?.viewer?.currentAccount;
  const member = data?.viewer?.currentMember;
  const role = member ? toRole(member.role) : null;
  const canManage = can(role, "manageInvitations");
  const canExport = can(role, "readAccount");
  const [tab, setTab] = useListTab(TAB_VALUES, "pending");
  const invitedByLink = searchParams.get(INVITE_PARAM) === "1";

  function closeInvite() {
    setInviteOpen(false);
    if (invitedByLink) {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          next.delete(INVITE_PARAM);
          return next;
        },
        { replace: true },
      );
    }
  }

  let content;
  if (account) {
    content = (
      // Keyed by account: switching accounts starts the lists and the dialog afresh.
      <div key={account.id}>
        <Text size="sm" c="dimmed" mb="md" data-testid="invitation-seats">
          {account.seatLimit === null
            ? `${formatNumber(account.seatsUsed)} seats used (unlimited)`
            : `${formatNumber(account.seatsUsed)} of ${formatNumber(account.seatLimit)} seats used`}
          . Pending invitations hold a seat until they are accepted or cancelled.
        </Text>
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List aria-label="Invitation status">
            {TABS.map((tab) => (
              <Tabs.Tab key={tab.value} value={tab.value}>
                {tab.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {TABS.map((tab) => (
            <Tabs.Panel key={tab.value} value={tab.value} pt="md">
              <InvitationsList
                status={tab.status}
                caption={tab.caption}
                emptyTitle={tab.emptyTitle}
                emptyMessage={tab.emptyMessage}
                canManage={canManage}
                canExport={canExport}
              />
            </Tabs.Panel>
          ))}
        </Tabs>
        {canManage && (
          <InviteDialog
            opened={inviteOpen || invitedByLink}
            onClose={closeInvite}
            seatsUsed={account.seatsUsed}
            seatLimit={account.seatLimit ?? null}
          />
        )}
      </div>
    );
  } else {
    content = (
      <RecordStatus
        errorTitle="Could not load invitations"
        loadingLabel="Loading invitations"
        missing={<NoAccountError />}
        loaded={data !== undefined}
        loading={loading}
        error={error}
        refetch={refetch}
      />
    );
  }

  return (
    <Page
      title="Invitations"
      description="People invited to join your account."
      actions={
        account && canManage ? (
          <Button onClick={() => setInviteOpen(true)}>Invite people</Button>
        ) : undefined
      }
    >
      {content}
    </Page>
  );
}
