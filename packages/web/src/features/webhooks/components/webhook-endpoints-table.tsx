import { Button, Group, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { countText } from "../../../lib/format";
import type { WebhookEndpointRow } from "../api/get-webhook-endpoints";
import { eventName } from "../event-types";
import { EndpointStatusBadge } from "./endpoint-status-badge";

export interface WebhookEndpointsTableProps {
  endpoints: readonly WebhookEndpointRow[];
  onShowDeliveries: (endpoint: WebhookEndpointRow) => void;
  onToggle: (endpoint: WebhookEndpointRow) => void;
  onDelete: (endpoint: WebhookEndpointRow) => void;
  /** The endpoint whose on/off change is being saved. */
  togglingId: string | null;
}

export function WebhookEndpointsTable({
  endpoints,
  onShowDeliveries,
  onToggle,
  onDelete,
  togglingId,
}: WebhookEndpointsTableProps) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" aria-label="Webhook endpoints">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Endpoint</Table.Th>
            <Table.Th scope="col">Events</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {endpoints.map((endpoint) => (
            <Table.Tr key={endpoint.id}>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm" fw={500} style={{ wordBreak: "break-all" }}>
                    {endpoint.url}
                  </Text>
                  {endpoint.description && (
                    <Text size="xs" c="dimmed">
                      {endpoint.description}
                    </Text>
                  )}
                  {endpoint.disabledReason && (
                    <Text size="xs" c="var(--pn-color-text-danger)">
                      {endpoint.disabledReason}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm" title={endpoint.eventTypes.map(eventName).join(", ")}>
                  {countText(endpoint.eventTypes.length, "event", "events")}
                </Text>
              </Table.Td>
              <Table.Td>
                <EndpointStatusBadge endpoint={endpoint} />
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => onShowDeliveries(endpoint)}
                    aria-label={`Deliveries of ${endpoint.url}`}
                  >
                    Deliveries
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    loading={togglingId === endpoint.id}
                    onClick={() => onToggle(endpoint)}
                    aria-label={`${endpoint.enabled ? "Turn off" : "Turn on"} ${endpoint.url}`}
                  >
                    {endpoint.enabled ? "Turn off" : "Turn on"}
                  </Button>
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    onClick={() => onDelete(endpoint)}
                    aria-label={`Delete ${endpoint.url}`}
                  >
                    Delete
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
