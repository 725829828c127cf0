import {
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { ConfirmActionModal } from "../../../components/confirm-action-modal";
import { QueryError } from "../../../components/query-error";
import { countText, formatDateTime, formatRelativeTime } from "../../../lib/format";
import { type MySession, useEndOtherSessions, useEndSession, useMySessions } from "../api/sessions";
import { deviceLabel } from "./device-label";

type Confirming = { kind: "one"; session: MySession } | { kind: "others" } | null;

/** The person's sessions: where they are signed in, and signing out one or all the others. */
export function SessionsCard() {
  const { data, loading, error, refetch } = useMySessions();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const sessions = data?.viewer?.sessions ?? [];
  const others = sessions.filter((session) => !session.current);

  let body;
  if (error && !data) {
    body = <QueryError title="Could not load your sessions" error={error} refetch={refetch} />;
  } else if (loading && !data) {
    body = (
      <Text size="sm" role="status">
        Loading sessions…
      </Text>
    );
  } else if (sessions.length === 0) {
    body = <Text size="sm">No sessions are signed in.</Text>;
  } else {
    body = (
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Device</Table.Th>
              <Table.Th scope="col">IP address</Table.Th>
              <Table.Th scope="col">Signed in</Table.Th>
              <Table.Th scope="col">Last seen</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.map((session) => (
              <Table.Tr key={session.id}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" title={session.userAgent ?? undefined}>
                      {deviceLabel(session.userAgent)}
                    </Text>
                    {session.current && (
                      <Badge color="green" variant="dot">
                        This device
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{session.ip ?? "Unknown"}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(session.createdAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={formatDateTime(session.lastSeenAt)}>
                    {session.current ? "Now" : formatRelativeTime(session.lastSeenAt)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  {!session.current && (
                    <Button
                      size="compact-sm"
                      variant="default"
                      aria-label={`Sign out ${deviceLabel(session.userAgent)}, signed in ${formatDateTime(session.createdAt)}`}
                      onClick={() => setConfirming({ kind: "one", session })}
                    >
                      Sign out
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="sessions-heading">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={4}>
            <Title order={2} size="h3" id="sessions-heading">
              Where you are signed in
            </Title>
            <Text size="sm" c="dimmed">
              Sign out a device you do not recognise, or every device but this one.
            </Text>
          </Stack>
          <Button
            color="red"
            variant="outline"
            disabled={others.length === 0}
            onClick={() => setConfirming({ kind: "others" })}
          >
            Sign out everywhere else…
          </Button>
        </Group>
        {body}
      </Stack>
      <EndSessionModal
        session={confirming?.kind === "one" ? confirming.session : null}
        onClose={() => setConfirming(null)}
      />
      <EndOtherSessionsModal
        opened={confirming?.kind === "others"}
        count={others.length}
        onClose={() => setConfirming(null)}
      />
    </Card>
  );
}

function EndSessionModal({ session, onClose }: { session: MySession | null; onClose: () => void }) {
  const [endSession] = useEndSession();

  async function confirm() {
    if (!session) return [];
    const { data } = await endSession({ variables: { input: { sessionId: session.id } } });
    const userErrors = data?.endSession.userErrors ?? [];
    if (userErrors.length === 0) {
      notifications.show({
        color: "green",
        title: "Signed out",
        message: `${deviceLabel(session.userAgent)} is signed out.`,
      });
    }
    return userErrors;
  }

  return (
    <ConfirmActionModal
      opened={session !== null}
      onClose={onClose}
      title="Sign out this session"
      confirmLabel="Sign out"
      onConfirm={confirm}
    >
      <Text>
        Sign out <strong>{session ? deviceLabel(session.userAgent) : ""}</strong>
        {session?.ip ? ` (${session.ip})` : ""}? Whoever uses it will have to log in again.
      </Text>
    </ConfirmActionModal>
  );
}

function EndOtherSessionsModal({
  opened,
  count,
  onClose,
}: {
  opened: boolean;
  count: number;
  onClose: () => void;
}) {
  const [endOtherSessions] = useEndOtherSessions();

  async function confirm() {
    const { data } = await endOtherSessions();
    const payload = data?.endOtherSessions;
    const userErrors = payload?.userErrors ?? [];
    if (userErrors.length === 0) {
      notifications.show({
        color: "green",
        title: "Signed out everywhere else",
        message: `${countText(payload?.endedSessionCount ?? 0, "session was", "sessions were")} signed out.`,
      });
    }
    return userErrors;
  }

  return (
    <ConfirmActionModal
      opened={opened}
      onClose={onClose}
      title="Sign out everywhere else"
      confirmLabel="Sign out everywhere else"
      onConfirm={confirm}
    >
      <Text>
        Sign out {countText(count, "other session", "other sessions")}? Every other browser and
        device signed in as you will have to log in again. This device stays signed in.
      </Text>
    </ConfirmActionModal>
  );
}
