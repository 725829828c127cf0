import { Text } from "@mantine/core";
import { ConfirmActionModal } from "../../../components/confirm-action-modal";
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
  const [removePartner] = useRemovePartner();

  async function remove() {
    const { data } = await removePartner({
      variables: { input: { partnerId: partner.id } },
    });
    const payload = data?.removePartnerFromNetwork;
    const userErrors = payload?.userErrors ?? [];
    if (userErrors.length === 0) onRemoved(payload?.archivedMemberCount ?? 0);
    return userErrors;
  }

  return (
    <ConfirmActionModal
      opened={opened}
      onClose={onClose}
      title="Remove from network"
      confirmLabel="Remove from network"
      onConfirm={remove}
    >
      <Text>
        Remove <strong>{partner.companyName}</strong> from your network? The partnership ends for
        both companies, and their people lose access to this account at once.
      </Text>
      <Text fw={600} data-testid="archive-forecast">
        {archiveForecast(partner.memberCounts.pending, partner.memberCounts.active)}
      </Text>
    </ConfirmActionModal>
  );
}
