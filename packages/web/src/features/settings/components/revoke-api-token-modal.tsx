import { Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { ConfirmActionModal } from "../../../components/confirm-action-modal";
import { useRevokeApiToken } from "../api/revoke-api-token";
import type { ApiTokenRow } from "../api/get-api-tokens";

export interface RevokeApiTokenModalProps {
  /** The token to revoke; kept while the modal animates closed. */
  token: ApiTokenRow | null;
  opened: boolean;
  onClose: () => void;
}

/** Asks before revoking: a revoked token stops working at once and cannot be restored. */
export function RevokeApiTokenModal({ token, opened, onClose }: RevokeApiTokenModalProps) {
  const [revokeApiToken] = useRevokeApiToken();

  async function revoke() {
    if (!token) return [];
    const { data } = await revokeApiToken({ variables: { input: { apiTokenId: token.id } } });
    const userErrors = data?.revokeApiToken.userErrors ?? [];
    if (userErrors.length === 0) {
      notifications.show({
        color: "green",
        title: "Token revoked",
        message: `${token.name} no longer works.`,
      });
    }
    return userErrors;
  }

  return (
    <ConfirmActionModal
      opened={opened}
      onClose={onClose}
      title="Revoke API token"
      confirmLabel="Revoke token"
      onConfirm={revoke}
    >
      <Text>
        Revoke token <strong>{token?.name}</strong>? Systems using it will stop working at once.
      </Text>
    </ConfirmActionModal>
  );
}
