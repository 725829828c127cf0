import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from "@mantine/core";
import type { CreatedEndpoint } from "./create-webhook-endpoint-modal";

/** The signing secret, shown exactly once. */
export function WebhookSecretModal({
  created,
  onClose,
}: {
  created: CreatedEndpoint | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={created !== null}
      onClose={onClose}
      title="Webhook endpoint added"
      closeOnClickOutside={false}
      size="lg"
    >
      {created && (
        <Stack gap="md">
          <Alert
            color="yellow"
            variant="light"
            title="You will not see this secret again"
            styles={{ title: { color: "var(--mantine-color-text)" } }}
          >
            The receiver uses it to check the <Code>webhook-signature</Code> header of every
            delivery.
          </Alert>
          <Text size="sm">
            Signing secret of <strong style={{ wordBreak: "break-all" }}>{created.url}</strong>:
          </Text>
          <Code block data-testid="webhook-secret" style={{ wordBreak: "break-all" }}>
            {created.secret}
          </Code>
          <Group justify="space-between">
            <CopyButton value={created.secret} timeout={2000}>
              {({ copied, copy }) => (
                <Button onClick={copy}>{copied ? "Copied" : "Copy secret"}</Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              Done
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
