import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from "@mantine/core";
import type { CreatedApiToken } from "./create-api-token-form";

export interface ApiTokenSecretModalProps {
  /** The token just created; null when closed. The secret lives only in this state. */
  token: CreatedApiToken | null;
  onClose: () => void;
}

/** Shows a new token's secret exactly once, with a copy button. */
export function ApiTokenSecretModal({ token, onClose }: ApiTokenSecretModalProps) {
  return (
    <Modal
      opened={token !== null}
      onClose={onClose}
      title="API token created"
      closeOnClickOutside={false}
      size="lg"
    >
      {token && (
        <Stack gap="md">
          <Alert
            color="yellow"
            variant="light"
            title="You will not see this token again"
            // Yellow title text on the light yellow panel is below 4.5:1 contrast.
            styles={{ title: { color: "var(--mantine-color-text)" } }}
          >
            Copy it now and keep it somewhere safe. Systems send it as{" "}
            <Code>Authorization: Bearer &lt;token&gt;</Code>.
          </Alert>
          <Text size="sm">
            Secret of <strong>{token.name}</strong>:
          </Text>
          <Code block data-testid="api-token-secret" style={{ wordBreak: "break-all" }}>
            {token.secret}
          </Code>
          <Group justify="space-between">
            <CopyButton value={token.secret} timeout={2000}>
              {({ copied, copy }) => (
                <Button onClick={copy}>{copied ? "Copied" : "Copy token"}</Button>
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
