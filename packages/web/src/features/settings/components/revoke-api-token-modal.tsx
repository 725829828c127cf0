import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import { describeError } from "../../../lib/errors";
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
  const [revokeApiToken, { loading }] = useRevokeApiToken();
  const [problems, setProblems] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);

  function close() {
    setProblems([]);
    setRetryable(false);
    onClose();
  }

  async function revoke() {
    if (!token) return;
    setProblems([]);
    setRetryable(false);
    try {
      const { data } = await revokeApiToken({ variables: { input: { apiTokenId: token.id } } });
      const userErrors = data?.revokeApiToken.userErrors ?? [];
      if (userErrors.length > 0) {
        setProblems(userErrors.map((error) => error.message));
        return;
      }
      notifications.show({
        color: "green",
        title: "Token revoked",
        message: `${token.name} no longer works.`,
      });
      close();
    } catch (error) {
      const described = describeError(error);
      setProblems([described.message]);
      setRetryable(described.retryable);
    }
  }

  return (
    <Modal opened={opened} onClose={close} title="Revoke API token">
      <Stack gap="md">
        <Text>
          Revoke token <strong>{token?.name}</strong>? Systems using it will stop working at once.
        </Text>
        <FormAlert messages={problems} onRetry={retryable ? () => void revoke() : undefined} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="red" loading={loading} onClick={() => void revoke()}>
            Revoke token
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
