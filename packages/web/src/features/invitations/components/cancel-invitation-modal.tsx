import { Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { ConfirmActionModal } from "../../../components/confirm-action-modal";
import type { InvitationRow } from "../api/get-invitations";
import { useRevokeInvitation } from "../api/revoke-invitation";

export interface CancelInvitationModalProps {
  /** The invitation to cancel; kept while the modal closes. */
  invitation: InvitationRow | null;
  opened: boolean;
  onClose: () => void;
}

/** Asks before cancelling: the link stops working and the seat is freed at once. */
export function CancelInvitationModal({ invitation, opened, onClose }: CancelInvitationModalProps) {
  const [revokeInvitation] = useRevokeInvitation();
  const email = invitation?.email ?? "this person";

  async function cancel() {
    if (!invitation) return [];
    const { data } = await revokeInvitation({
      variables: { input: { invitationId: invitation.id } },
    });
    const userErrors = data?.revokeInvitation.userErrors ?? [];
    if (userErrors.length === 0) {
      notifications.show({
        color: "green",
        title: "Invitation cancelled",
        message: `The invitation to ${email} no longer works; its seat is free.`,
      });
    }
    return userErrors;
  }

  return (
    <ConfirmActionModal
      opened={opened}
      onClose={onClose}
      title="Cancel invitation"
      cancelLabel="Keep invitation"
      confirmLabel="Cancel invitation"
      onConfirm={cancel}
    >
      <Text>
        Cancel the invitation to <strong>{email}</strong>? The link in the email stops working and
        the seat is freed at once.
      </Text>
    </ConfirmActionModal>
  );
}
