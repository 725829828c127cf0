import { Alert, Button, List, Stack, Text } from "@mantine/core";

export interface FormAlertProps {
  /** Messages not tied to one input: field-less `userErrors` or a failed request. */
  messages: readonly string[];
  title?: string;
  /** Shows a Retry button, e.g. after a network failure. */
  onRetry?: () => void;
}

/** A form-level problem, announced to screen readers (role="alert"). Renders nothing when empty. */
export function FormAlert({ messages, title, onRetry }: FormAlertProps) {
  if (messages.length === 0) return null;
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      <Stack gap="xs" align="flex-start">
        {messages.length === 1 ? (
          <Text size="sm">{messages[0]}</Text>
        ) : (
          <List size="sm">
            {messages.map((message) => (
              <List.Item key={message}>{message}</List.Item>
            ))}
          </List>
        )}
        {onRetry && (
          <Button size="compact-sm" variant="default" onClick={onRetry}>
            Retry
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
