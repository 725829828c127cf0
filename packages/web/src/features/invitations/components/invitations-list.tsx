import { Button, Group, Loader, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { PageEmpty, PageError, PageLoading } from "../../../components/page-status";
import type { InvitationStatus } from "../../../gql/graphql";
import { useNow } from "../../../hooks/use-now";
import { describeError } from "../../../lib/errors";
import { type InvitationRow, type PageCursor, useInvitations } from "../api/get-invitations";
import { useResendInvitation } from "../api/resend-invitation";
import { CancelInvitationModal } from "./cancel-invitation-modal";
import { InvitationsTable } from "./invitations-table";
import { countText } from "../../../lib/format";

export interface InvitationsListProps {
  /** null: every status. */
  status: InvitationStatus | null;
  /** Caption of the table, e.g. "Pending invitations". */
  caption: string;
  /** Shown when the list is empty. */
  emptyTitle: string;
  emptyMessage: string;
  canManage: boolean;
}

/** One status's user invitations: a table with Resend and Cancel, cursor pagination. */
export function InvitationsList({
  status,
  caption,
  emptyTitle,
  emptyMessage,
  canManage,
}: InvitationsListProps) {
  const [cursor, setCursor] = useState<PageCursor>(null);
  const { data, previousData, loading, error, refetch } = useInvitations({ status, cursor });
  const [resendInvitation] = useResendInvitation();
  const [resendingId, setResendingId] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<{
    invitation: InvitationRow | null;
    opened: boolean;
  }>({ invitation: null, opened: false });
  const now = useNow();
  const connection = (data ?? previousData)?.viewer?.currentAccount?.invitations;

  async function resend(invitation: InvitationRow) {
    const email = invitation.email ?? "the invitee";
    setResendingId(invitation.id);
    try {
      const { data: result } = await resendInvitation({
        variables: { input: { invitationId: invitation.id } },
      });
      const problems = result?.resendInvitation.userErrors ?? [];
      if (problems.length > 0) {
        notifications.show({
          color: "red",
          title: "Could not resend the invitation",
          message: problems.map((problem) => problem.message).join(" "),
        });
        return;
      }
      notifications.show({
        color: "green",
        title: "Invitation sent again",
        message: `${email} gets a new link, valid for 48 hours; the old one no longer works.`,
      });
    } catch (failure) {
      notifications.show({
        color: "red",
        title: "Could not resend the invitation",
        message: describeError(failure).message,
      });
    } finally {
      setResendingId(null);
    }
  }

  let content;
  if (error && !loading) {
    const { message, retryable } = describeError(error);
    content = (
      <PageError
        title="Could not load invitations"
        message={message}
        onRetry={
          retryable
            ? () => {
                refetch().catch(() => undefined);
              }
            : undefined
        }
      />
    );
  } else if (!connection) {
    content = <PageLoading label="Loading invitations" />;
  } else if (connection.nodes.length === 0 && !loading) {
    content = <PageEmpty title={emptyTitle} message={emptyMessage} />;
  } else {
    const { pageInfo, totalCount } = connection;
    content = (
      <Stack gap="sm">
        <InvitationsTable
          caption={caption}
          invitations={connection.nodes}
          busy={loading}
          canManage={canManage}
          resendingId={resendingId}
          onResend={(invitation) => void resend(invitation)}
          onCancel={(invitation) => setCancelling({ invitation, opened: true })}
          now={now}
        />
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Text size="sm" c="gray.7" aria-live="polite">
              {countText(totalCount, "invitation", "invitations")}
            </Text>
            {loading && <Loader size="xs" role="status" aria-label="Loading invitations" />}
          </Group>
          <Group gap="xs" component="nav" aria-label="Invitations pages">
            <Button
              variant="default"
              size="sm"
              disabled={loading || !pageInfo.hasPreviousPage || !pageInfo.startCursor}
              onClick={() => setCursor({ before: pageInfo.startCursor ?? "" })}
            >
              Previous
            </Button>
            <Button
              variant="default"
              size="sm"
              disabled={loading || !pageInfo.hasNextPage || !pageInfo.endCursor}
              onClick={() => setCursor({ after: pageInfo.endCursor ?? "" })}
            >
              Next
            </Button>
          </Group>
        </Group>
      </Stack>
    );
  }

  return (
    <>
      {content}
      {canManage && (
        <CancelInvitationModal
          invitation={cancelling.invitation}
          opened={cancelling.opened}
          onClose={() => setCancelling((previous) => ({ ...previous, opened: false }))}
        />
      )}
    </>
  );
}
