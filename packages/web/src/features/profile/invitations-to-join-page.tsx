import { Alert, Button, Card, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { FormAlert } from "../../components/form-alert";
import { Page } from "../../components/page";
import { PageEmpty, PageLoading } from "../../components/page-status";
import { QueryError } from "../../components/query-error";
import { describeError } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { useAcceptMembership, useDeclineMembership } from "./api/answer-membership";
import { type PendingMembershipRow, usePendingMemberships } from "./api/get-pending-memberships";

/**
 * Where a person answers the memberships other accounts created for them by email. Nothing
 * is shared with such an account, and it cannot be entered, until the person accepts here.
 */
export function InvitationsToJoinPage() {
  const { data, loading, error, refetch } = usePendingMemberships();
  const [declining, setDeclining] = useState<PendingMembershipRow | null>(null);
  const pending = data?.viewer?.pendingMemberships;

  return (
    <Page
      title="Invitations to join"
      description="Accounts that added you by your email. They see only the name and email they typed until you accept."
    >
      {!pending && loading ? (
        <PageLoading label="Loading invitations to join" />
      ) : !pending && error ? (
        <QueryError title="Could not load invitations to join" error={error} refetch={refetch} />
      ) : pending && !pending.emailVerified ? (
        <Alert color="yellow" title="Verify your email first">
          {pending.hiddenReason}
        </Alert>
      ) : !pending || pending.memberships.length === 0 ? (
        <PageEmpty title="Nothing to answer" message="No account is waiting for your answer." />
      ) : (
        <Stack gap="sm">
          {pending.memberships.map((membership) => (
            <PendingCard
              key={membership.memberId}
              membership={membership}
              onDecline={() => setDeclining(membership)}
            />
          ))}
        </Stack>
      )}
      <DeclineModal membership={declining} onClose={() => setDeclining(null)} />
    </Page>
  );
}

function PendingCard({
  membership,
  onDecline,
}: {
  membership: PendingMembershipRow;
  onDecline: () => void;
}) {
  const [accept, { loading }] = useAcceptMembership();
  const [problems, setProblems] = useState<string[]>([]);
  const headingId = `pending-${membership.memberId}`;

  async function answer() {
    setProblems([]);
    try {
      const { data } = await accept({ variables: { input: { memberId: membership.memberId } } });
      const userErrors = data?.acceptMembership.userErrors ?? [];
      if (userErrors.length > 0) {
        setProblems(userErrors.map((e) => e.message));
        return;
      }
      notifications.show({
        color: "green",
        title: "Joined",
        message: `You can now switch to ${membership.accountName}.`,
      });
    } catch (error) {
      setProblems([describeError(error).message]);
    }
  }

  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId}>
          {membership.accountName}
        </Title>
        <Text size="sm" c="dimmed">
          {membership.addedByName ? `${membership.addedByName} added you` : "You were added"} on{" "}
          {formatDateTime(membership.createdAt)}.
        </Text>
        <FormAlert messages={problems} />
        <Group gap="sm">
          <Button loading={loading} onClick={() => void answer()}>
            Accept
          </Button>
          <Button variant="default" color="red" onClick={onDecline}>
            Decline
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Declining is final for that membership: the account sees it declined and cannot ask again by restoring it. */
function DeclineModal({
  membership,
  onClose,
}: {
  membership: PendingMembershipRow | null;
  onClose: () => void;
}) {
  const [decline, { loading }] = useDeclineMembership();
  const [problems, setProblems] = useState<string[]>([]);

  function close() {
    setProblems([]);
    onClose();
  }

  async function answer() {
    if (!membership) return;
    setProblems([]);
    try {
      const { data } = await decline({ variables: { input: { memberId: membership.memberId } } });
      const userErrors = data?.declineMembership.userErrors ?? [];
      if (userErrors.length > 0) {
        setProblems(userErrors.map((e) => e.message));
        return;
      }
      notifications.show({
        color: "green",
        title: "Declined",
        message: `${membership.accountName} will see that you declined.`,
      });
      close();
    } catch (error) {
      setProblems([describeError(error).message]);
    }
  }

  return (
    <Modal opened={membership !== null} onClose={close} title="Decline membership">
      <Stack gap="md">
        <Text>
          Decline joining <strong>{membership?.accountName}</strong>? They will see that you
          declined, and cannot add you again with this membership.
        </Text>
        <FormAlert messages={problems} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="red" loading={loading} onClick={() => void answer()}>
            Decline
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
