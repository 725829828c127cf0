import { Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { formatDateTime } from "../../../lib/format";
import type { AuditEventRow } from "../api/get-audit-events";
import { actionLabel, detailsSummary, objectLabel } from "../labels";

export interface AuditTableProps {
  events: readonly AuditEventRow[];
  busy: boolean;
}

function FromWhere({ event }: { event: AuditEventRow }) {
  const channel =
    event.via === "API_TOKEN"
      ? `API token${event.apiTokenName ? ` “${event.apiTokenName}”` : ""}`
      : event.via === "SYSTEM"
        ? "Partner Network (scheduled)"
        : "Browser session";
  return (
    <Stack gap={2}>
      <Text size="sm">{channel}</Text>
      {event.ip && (
        <Text size="xs" c="dimmed">
          IP {event.ip}
        </Text>
      )}
    </Stack>
  );
}

export function AuditTable({ events, busy }: AuditTableProps) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped aria-busy={busy} captionSide="top">
        <VisuallyHidden component="caption">Audit log</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Time</Table.Th>
            <Table.Th scope="col">Actor</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Object</Table.Th>
            <Table.Th scope="col">From where</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const summary = detailsSummary(event.details);
            return (
              <Table.Tr key={event.id}>
                <Table.Td>
                  <Text size="sm" component="time" dateTime={event.createdAt}>
                    {formatDateTime(event.createdAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {event.actor ? (
                    <Stack gap={2}>
                      <Text size="sm" fw={500}>
                        {event.actor.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {event.actor.email}
                      </Text>
                    </Stack>
                  ) : (
                    <Text size="sm" c="dimmed">
                      System
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm">{actionLabel(event.action)}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {event.action}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm">{objectLabel(event.objectType)}</Text>
                    {summary && (
                      <Text size="xs" c="dimmed">
                        {summary}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <FromWhere event={event} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
