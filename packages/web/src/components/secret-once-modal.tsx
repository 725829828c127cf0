import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

export interface SecretOnceModalProps {
  /** The secret just issued; null when closed. It lives only in the caller's state, never in a cache. */
  secret: string | null;
  title: string;
  /** What the secret is for, e.g. how systems send it. */
  usage: ReactNode;
  /** Whose secret it is, e.g. "Secret of <strong>CRM</strong>:". */
  label: ReactNode;
  /** "token", "secret": used in the copy button. */
  noun: string;
  testId: string;
  onClose: () => void;
}

/** Shows a newly issued secret exactly once, with a copy button; only Done closes it. */
export function SecretOnceModal({
  secret,
  title,
  usage,
  label,
  noun,
  testId,
  onClose,
}: SecretOnceModalProps) {
  return (
    <Modal
      opened={secret !== null}
      onClose={onClose}
      title={title}
      closeOnClickOutside={false}
      size="lg"
    >
      {secret && (
        <Stack gap="md">
          <Alert
            color="yellow"
            variant="light"
            title={`You will not see this ${noun} again`}
            // Yellow title text on the light yellow panel is below 4.5:1 contrast.
            styles={{ title: { color: "var(--mantine-color-text)" } }}
          >
            {usage}
          </Alert>
          <Text size="sm" style={{ wordBreak: "break-all" }}>
            {label}
          </Text>
          <Code block data-testid={testId} style={{ wordBreak: "break-all" }}>
            {secret}
          </Code>
          <Group justify="space-between">
            <CopyButton value={secret} timeout={2000}>
              {({ copied, copy }) => (
                <Button onClick={copy}>{copied ? "Copied" : `Copy ${noun}`}</Button>
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
