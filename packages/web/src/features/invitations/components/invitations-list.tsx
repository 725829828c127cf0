import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { Group, Stack } from "@mantine/core";
import {
  ConnectionList,
  ExportCsvButton,
  listExportPath,
  useListState,
} from "../../../components/list";
import { PageEmpty } from "../../../components/page-status";
import { resendLaterNotice } from "../../../components/resend-invitation-button";
import type { InvitationStatus } from "../../../gql/graphql";
import { useNow } from "../../../hooks/use-now";
import { describeError } from "../../../lib/errors";
import { retryAfterOf } from "../../../lib/user-errors";
import {
  INVITATION_ORDER_FIELDS,
  type InvitationRow,
  useInvitations,
} from "../api/get-invitations";
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
  /** Roles that read the whole list: "Export CSV". */
  canExport: boolean;
}

/** One status's user invitations: a table with Resend and Cancel, cursor pagination. */
export function InvitationsList({
  status,
  caption,
  emptyTitle,
  emptyMessage,
  canManage,
  canExport,
}: InvitationsListProps) {
  const { order, toggleSort, paging } = useListState({ sortFields: INVITATION_ORDER_FIELDS });
  const { data, previousData, loading, error, refetch } = useInvitations({
    status,
    order,
    cursor: paging.cursor,
  });
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
      const retryAfter = retryAfterOf(problems);
      if (retryAfter) {
        notifications.show(resendLaterNotice(retryAfter));
        return;
      }
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

  return (
    <Stack gap="md">
      {canExport && (
        <Group justify="flex-end">
          <ExportCsvButton
            what="invitations"
            path={listExportPath("invitations", {
              kind: "USER",
              status,
              orderBy: order?.field,
              direction: order?.direction,
            })}
          />
        </Group>
      )}
      <ConnectionList
        connection={connection}
        loading={loading}
        error={error}
        refetch={refetch}
        errorOverRows
        errorTitle="Could not load invitations"
        loadingLabel="Loading invitations"
        empty={<PageEmpty title={emptyTitle} message={emptyMessage} />}
        paging={paging}
        summary={(total) => countText(total, "invitation", "invitations")}
        pagerLabel="Invitations pages"
      >
        {(invitations) => (
          <InvitationsTable
            caption={caption}
            invitations={invitations}
            busy={loading}
            order={order}
            onSort={toggleSort}
            canManage={canManage}
            resendingId={resendingId}
            onResend={(invitation) => void resend(invitation)}
            onCancel={(invitation) => setCancelling({ invitation, opened: true })}
            now={now}
          />
        )}
      </ConnectionList>
      {canManage && (
        <CancelInvitationModal
          invitation={cancelling.invitation}
          opened={cancelling.opened}
          onClose={() => setCancelling((previous) => ({ ...previous, opened: false }))}
        />
      )}
    </Stack>
  );
}
