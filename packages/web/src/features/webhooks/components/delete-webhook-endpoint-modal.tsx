import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import { describeError } from "../../../lib/errors";
import type { WebhookEndpointRow } from "../api/get-webhook-endpoints";
import { useDeleteWebhookEndpoint } from "../api/delete-webhook-endpoint";

export interface DeleteWebhookEndpointModalProps {
  endpoint: WebhookEndpointRow | null;
  opened: boolean;
  onClose: () => void;
}

export function DeleteWebhookEndpointModal({
  endpoint,
  opened,
  onClose,
}: DeleteWebhookEndpointModalProps) {
  const [deleteEndpoint, { loading }] = useDeleteWebhookEndpoint();
  const [problems, setProblems] = useState<string[]>([]);

  function close() {
    setProblems([]);
    onClose();
  }

  async function confirm() {
    if (!endpoint) return;
    try {
      const { data } = await deleteEndpoint({ variables: { input: { id: endpoint.id } } });
      const userErrors = data?.deleteWebhookEndpoint.userErrors ?? [];
      if (userErrors.length) {
        setProblems(userErrors.map((error) => error.message));
        return;
      }
      notifications.show({
        color: "green",
        title: "Endpoint deleted",
        message: `Nothing more is sent to ${endpoint.url}.`,
      });
      close();
    } catch (error) {
      setProblems([describeError(error).message]);
    }
  }

  return (
    <Modal opened={opened} onClose={close} title="Delete webhook endpoint">
      <Stack gap="md">
        <Text>
          Delete <strong style={{ wordBreak: "break-all" }}>{endpoint?.url}</strong>? Deliveries to
          it stop at once, including retries still waiting, and its delivery log is deleted.
        </Text>
        <FormAlert messages={problems} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="red" loading={loading} onClick={() => void confirm()}>
            Delete endpoint
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
