import { Button, Group, Modal, Stack, type MantineColor } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { describeError } from "../lib/errors";
import { FormAlert } from "./form-alert";

export interface ConfirmActionModalProps {
  opened: boolean;
  title: string;
  /** The consequence of confirming, e.g. "Revoke token X? Systems using it stop working." */
  children: ReactNode;
  confirmLabel: string;
  /** Red by default: these dialogs guard destructive actions. */
  confirmColor?: MantineColor;
  cancelLabel?: string;
  onClose: () => void;
  /**
   * Runs the mutation and resolves with its `userErrors`: an empty list means done, and the
   * modal closes. Do success side effects (a notification, telling the parent) before resolving.
   * A thrown error is shown via `describeError`, with Retry when retrying can help.
   */
  onConfirm: () => Promise<readonly { message: string }[]>;
}

/**
 * The one "are you sure?" dialog: consequence text, form-level problems with Retry, Cancel and a
 * confirm button that shows progress. It exists so every destructive confirmation handles
 * `userErrors`, failed requests and closing the same way instead of repeating that state.
 */
export function ConfirmActionModal({
  opened,
  title,
  children,
  confirmLabel,
  confirmColor = "red",
  cancelLabel = "Cancel",
  onClose,
  onConfirm,
}: ConfirmActionModalProps) {
  const [problems, setProblems] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);
  const [loading, setLoading] = useState(false);

  function close() {
    setProblems([]);
    setRetryable(false);
    onClose();
  }

  async function confirm() {
    setProblems([]);
    setRetryable(false);
    setLoading(true);
    try {
      const userErrors = await onConfirm();
      if (userErrors.length > 0) {
        setProblems(userErrors.map((problem) => problem.message));
        return;
      }
      close();
    } catch (error) {
      const described = describeError(error);
      setProblems([described.message]);
      setRetryable(described.retryable);
    } finally {
      setLoading(false);
    }
  }

  return (
    <Modal opened={opened} onClose={close} title={title}>
      <Stack gap="md">
        {children}
        <FormAlert messages={problems} onRetry={retryable ? () => void confirm() : undefined} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {cancelLabel}
          </Button>
          <Button color={confirmColor} loading={loading} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
