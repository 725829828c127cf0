import { Text } from "@mantine/core";
import { ConfirmActionModal } from "../../../components/confirm-action-modal";
import { useRemoveClient } from "../api/remove-client";

/** What the confirmation needs to know of the client. */
export interface RemovableClient {
  id: string;
  name: string;
  type: "ACCOUNT" | "PERSON";
}

export interface RemoveClientModalProps<C extends RemovableClient> {
  /** The client to remove; kept while the modal closes. */
  client: C | null;
  opened: boolean;
  onClose: () => void;
  onRemoved: (client: C, archivedMemberCount: number) => void;
}

/**
 * Asks before removing a client, naming the consequence: for a linked account the partnership
 * ends both ways; for a person, their access ends at once.
 */
export function RemoveClientModal<C extends RemovableClient>({
  client,
  opened,
  onClose,
  onRemoved,
}: RemoveClientModalProps<C>) {
  const [removeClient] = useRemoveClient();
  const name = client?.name ?? "this client";

  async function remove() {
    if (!client) return [];
    const { data } = await removeClient({ variables: { input: { clientId: client.id } } });
    const payload = data?.removeClientFromNetwork;
    const userErrors = payload?.userErrors ?? [];
    if (userErrors.length === 0) onRemoved(client, payload?.archivedMemberCount ?? 0);
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
      {client?.type === "PERSON" ? (
        <Text>
          Remove <strong>{name}</strong> from your network? They are no longer your client: they are
          signed out and can no longer sign in to see their team, and a pending invitation stops
          working. Their team is kept on record.
        </Text>
      ) : (
        <Text>
          Remove <strong>{name}</strong> from your network? The partnership ends for both companies:
          you are no longer {name}&apos;s partner, and your people there are archived and lose
          access to {name} at once.
        </Text>
      )}
    </ConfirmActionModal>
  );
}
