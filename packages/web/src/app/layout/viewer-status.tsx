import { Group, Loader, Text } from "@mantine/core";
import { PageError } from "../../components/page-status";
import { useShellViewer } from "../viewer-query";

export function ViewerStatus() {
  const { data, loading, error, refetch } = useShellViewer();

  if (loading) {
    return <Loader size="sm" role="status" aria-label="Loading your account" />;
  }
  if (error) {
    return (
      <PageError
        compact
        message="Could not load your account."
        onRetry={() => {
          // The hook re-renders with the outcome; a failed retry shows this state again.
          refetch().catch(() => undefined);
        }}
      />
    );
  }

  const user = data?.viewer?.user;
  if (!user) {
    return (
      <Text size="sm" c="gray.7">
        Not signed in
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" c="gray.7" visibleFrom="xs">
        Signed in as
      </Text>
      <Text size="sm" fw={600} title={user.email} data-testid="viewer-name">
        {user.name}
      </Text>
    </Group>
  );
}
