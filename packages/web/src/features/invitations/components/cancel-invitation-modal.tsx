import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import { describeError } from "../../../lib/errors";
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
  const [revokeInvitation, { loading }] = useRevokeInvitation();
  const [problems, setProblems] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);
  const email = invitation?.email ?? "this person";

  function close() {
    setProblems([]);
    setRetryable(false);
    onClose();
  }

  async function cancel() {
    if (!invitation) return;
    setProblems([]);
    setRetryable(false);
    try {
      const { data } = await revokeInvitation({
        variables: { input: { invitationId: invitation.id } },
      });
      const userErrors = data?.revokeInvitation.userErrors ?? [];
      if (userErrors.length > 0) {
        setProblems(userErrors.map((error) => error.message));
        return;
      }
      notifications.show({
        color: "green",
        title: "Invitation cancelled",
        message: `The invitation to ${email} no longer works; its seat is free.`,
      });
      close();
    } catch (error) {
      const described = describeError(error);
      setProblems([described.message]);
      setRetryable(described.retryable);
    }
  }

  return (
    <Modal opened={opened} onClose={close} title="Cancel invitation">
      <Stack gap="md">
        <Text>
          Cancel the invitation to <strong>{email}</strong>? The link in the email stops working and
          the seat is freed at once.
        </Text>
        <FormAlert messages={problems} onRetry={retryable ? () => void cancel() : undefined} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Keep invitation
          </Button>
          <Button color="red" loading={loading} onClick={() => void cancel()}>
            Cancel invitation
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
