import { Button, Center, Group, Loader, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import type { ReactNode } from "react";

export interface PageLoadingProps {
  /** Announced to assistive technology while loading. */
  label?: string;
}

export function PageLoading({ label = "Loading" }: PageLoadingProps) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-hidden="true" />
      <VisuallyHidden>{label}</VisuallyHidden>
    </Center>
  );
}

export interface PageEmptyProps {
  title: string;
  message?: ReactNode;
  /** Optional call to action, e.g. an "Invite" button. */
  action?: ReactNode;
}

export function PageEmpty({ title, message, action }: PageEmptyProps) {
  return (
    <Stack align="center" gap="xs" py="xl" ta="center">
      <Title order={2} size="h4">
        {title}
      </Title>
      {message !== undefined && <Text c="dimmed">{message}</Text>}
      {action}
    </Stack>
  );
}

export interface PageErrorProps {
  title?: string;
  message?: ReactNode;
  /** Shows a Retry button when given. */
  onRetry?: () => void;
  /** Single-line variant for headers and toolbars. */
  compact?: boolean;
}

export function PageError({
  title = "Something went wrong",
  message = "Please try again.",
  onRetry,
  compact = false,
}: PageErrorProps) {
  const retry = onRetry && (
    <Button size={compact ? "compact-sm" : "sm"} variant="light" onClick={onRetry}>
      Retry
    </Button>
  );

  if (compact) {
    return (
      <Group gap="xs" wrap="nowrap" role="alert">
        <Text size="sm" c="var(--pn-color-text-danger)">
          {message}
        </Text>
        {retry}
      </Group>
    );
  }

  return (
    <Stack align="center" gap="xs" py="xl" ta="center" role="alert">
      <Title order={2} size="h4">
        {title}
      </Title>
      <Text c="dimmed">{message}</Text>
      {retry}
    </Stack>
  );
}

/** Where a page needs the current account and the viewer acts in none. */
export function NoAccountError() {
  return <PageError title="No account" message="You are not acting in any account." />;
}
