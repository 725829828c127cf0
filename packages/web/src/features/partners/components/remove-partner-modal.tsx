import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import { describeError } from "../../../lib/errors";
import { useRemovePartner } from "../api/remove-partner";
import { peopleCount } from "../labels";

export interface RemovePartnerModalProps {
  partner: {
    id: string;
    companyName: string;
    memberCounts: { pending: number; active: number };
  };
  opened: boolean;
  onClose: () => void;
  /** After the removal, with how many people the server archived. */
  onRemoved: (archivedMemberCount: number) => void;
}

/** "3 people will be archived." from the partner's pending and active people. */
export function archiveForecast(pending: number, active: number): string {
  const count = pending + active;
  if (count === 0)
    return "Nobody will be archived: the partner has no pending or active people here.";
  return `${peopleCount(count)} will be archived.`;
}

/** Asks before ending the partnership: both sides lose the link and its people are archived here. */
export function RemovePartnerModal({
  partner,
  opened,
  onClose,
  onRemoved,
}: RemovePartnerModalProps) {
  const [removePartner, { loading }] = useRemovePartner();
  const [problems, setProblems] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);

  function close() {
    setProblems([]);
    setRetryable(false);
    onClose();
  }

  async function remove() {
    setProblems([]);
    setRetryable(false);
    try {
      const { data } = await removePartner({
        variables: { input: { partnerId: partner.id } },
      });
      const payload = data?.removePartnerFromNetwork;
      const userErrors = payload?.userErrors ?? [];
      if (userErrors.length > 0) {
        setProblems(userErrors.map((error) => error.message));
        return;
      }
      close();
      onRemoved(payload?.archivedMemberCount ?? 0);
    } catch (error) {
      const described = describeError(error);
      setProblems([described.message]);
      setRetryable(described.retryable);
    }
  }

  return (
    <Modal opened={opened} onClose={close} title="Remove from network">
      <Stack gap="md">
        <Text>
          Remove <strong>{partner.companyName}</strong> from your network? The partnership ends for
          both companies, and their people lose access to this account at once.
        </Text>
        <Text fw={600} data-testid="archive-forecast">
          {archiveForecast(partner.memberCounts.pending, partner.memberCounts.active)}
        </Text>
        <FormAlert messages={problems} onRetry={retryable ? () => void remove() : undefined} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="red" loading={loading} onClick={() => void remove()}>
            Remove from network
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
