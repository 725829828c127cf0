import { Badge, Button, Group, Loader, Skeleton, Text } from "@mantine/core";
import { lazy, Suspense } from "react";
import { Link } from "react-router";
import { PageError } from "../../components/page-status";
import { ROLE_LABELS, toRole } from "../../lib/enum-labels";
import { useShellViewer } from "../viewer-query";

// The menus (Menu, Popover, floating-ui, the switch-account and log-out mutations) load after the
// viewer, outside the initial bundle; nobody signed out (e.g. on /login) downloads them at all.
const AccountMenu = lazy(async () => ({ default: (await import("./account-menu")).AccountMenu }));
const UserMenu = lazy(async () => ({ default: (await import("./user-menu")).UserMenu }));

/** Right side of the header: account selector, the user's name and role, and the user menu. */
export function ViewerStatus() {
  const { data, loading, error, refetch } = useShellViewer();
  const viewer = data?.viewer;

  if (!data && loading) {
    return <Loader size="sm" role="status" aria-label="Loading your account" />;
  }
  if (!viewer && error) {
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

  if (!viewer) {
    return (
      <Group gap="sm" wrap="nowrap">
        <Text size="sm" c="dimmed">
          Not signed in
        </Text>
        <Button component={Link} to="/login" size="compact-sm" variant="default">
          Log in
        </Button>
      </Group>
    );
  }

  const { user, memberships, currentAccount, currentMember } = viewer;
  return (
    <Group gap="sm" wrap="nowrap">
      <Suspense fallback={<Skeleton height={36} width={140} />}>
        <AccountMenu memberships={memberships} currentAccount={currentAccount} />
      </Suspense>
      <Group gap={6} wrap="nowrap" visibleFrom="xs">
        <Text size="sm" fw={600} title={user.email} data-testid="viewer-name">
          {user.name}
        </Text>
        {currentMember && (
          <Badge variant="light" color="gray" data-testid="viewer-role">
            {ROLE_LABELS[toRole(currentMember.role)]}
          </Badge>
        )}
      </Group>
      <Suspense fallback={<Skeleton height={34} circle />}>
        <UserMenu email={user.email} />
      </Suspense>
    </Group>
  );
}
