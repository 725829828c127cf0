import { Badge, Button, Drawer, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { ConnectionList, useCursorPaging } from "../../../components/list";
import { PageEmpty } from "../../../components/page-status";
import type { WebhookDeliveryStatus } from "../../../gql/graphql";
import { describeError } from "../../../lib/errors";
import { countText, formatDateTime } from "../../../lib/format";
import {
  deliveriesOf,
  useWebhookDeliveries,
  type WebhookDeliveryRow,
} from "../api/get-webhook-deliveries";
import type { WebhookEndpointRow } from "../api/get-webhook-endpoints";
import { useReplayWebhookDelivery } from "../api/replay-webhook-delivery";
import { eventName } from "../event-types";

const STATUS_COLORS: Record<WebhookDeliveryStatus, string> = {
  PENDING: "blue",
  DELIVERED: "green",
  FAILED: "red",
};
const STATUS_LABELS: Record<WebhookDeliveryStatus, string> = {
  PENDING: "Pending",
  DELIVERED: "Delivered",
  FAILED: "Failed",
};

function lastAttemptText(delivery: WebhookDeliveryRow): string {
  const last = delivery.lastAttempt;
  if (!last) return "Not attempted yet";
  const outcome =
    last.statusCode === null ? (last.error ?? "No answer") : `HTTP ${last.statusCode}`;
  return `${outcome} in ${last.durationMs} ms`;
}

export interface WebhookDeliveriesDrawerProps {
  endpoint: WebhookEndpointRow | null;
  opened: boolean;
  onClose: () => void;
}

/** The delivery log of one endpoint: each event, its attempts, and Replay for finished ones. */
export function WebhookDeliveriesDrawer({
  endpoint,
  opened,
  onClose,
}: WebhookDeliveriesDrawerProps) {
  const endpointId = opened && endpoint ? endpoint.id : null;
  const paging = useCursorPaging(endpointId ?? "");
  const { data, loading, error, refetch } = useWebhookDeliveries(endpointId, paging.cursor);
  const [replay] = useReplayWebhookDelivery();
  const [replaying, setReplaying] = useState<string | null>(null);
  const deliveries = deliveriesOf(data);

  async function replayDelivery(delivery: WebhookDeliveryRow) {
    setReplaying(delivery.id);
    try {
      const result = await replay({ variables: { input: { deliveryId: delivery.id } } });
      const userErrors = result.data?.replayWebhookDelivery.userErrors ?? [];
      if (userErrors.length) {
        notifications.show({
          color: "red",
          title: "Not replayed",
          message: userErrors.map((e) => e.message).join(" "),
        });
      } else {
        notifications.show({
          color: "green",
          title: "Replay queued",
          message: `${eventName(delivery.eventType)} will be sent again.`,
        });
      }
    } catch (replayError) {
      notifications.show({
        color: "red",
        title: "Not replayed",
        message: describeError(replayError).message,
      });
    } finally {
      setReplaying(null);
    }
  }

  const content = (
    <ConnectionList
      connection={deliveries}
      loading={loading}
      error={error}
      refetch={refetch}
      // The log is read fresh on every open (no previous page kept): an empty answer is final.
      emptyAfterLoading={false}
      errorTitle="Could not load deliveries"
      loadingLabel="Loading deliveries"
      empty={
        <PageEmpty
          title="No deliveries yet"
          message="Events this endpoint subscribes to appear here as they happen."
        />
      }
      paging={paging}
      summary={(total) => countText(total, "delivery", "deliveries")}
      pagerLabel="Delivery pages"
    >
      {(nodes) => (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" aria-label="Deliveries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Event</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Attempts</Table.Th>
                <Table.Th scope="col">Last attempt</Table.Th>
                <Table.Th scope="col">Created</Table.Th>
                <Table.Th scope="col">Replay</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nodes.map((delivery) => (
                <Table.Tr key={delivery.id}>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {eventName(delivery.eventType)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="dot" color={STATUS_COLORS[delivery.status]}>
                      {STATUS_LABELS[delivery.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{delivery.attemptCount}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{lastAttemptText(delivery)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(delivery.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      disabled={delivery.status === "PENDING"}
                      loading={replaying === delivery.id}
                      onClick={() => void replayDelivery(delivery)}
                      aria-label={`Replay ${eventName(delivery.eventType)} of ${formatDateTime(delivery.createdAt)}`}
                    >
                      Replay
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </ConnectionList>
  );

  function close() {
    paging.reset();
    onClose();
  }

  return (
    // Like the member panel: no transition (axe would read half-faded text) and a header that
    // is not a second banner landmark.
    <Drawer.Root
      opened={opened}
      onClose={close}
      position="right"
      size="xl"
      transitionProps={{ duration: 0 }}
    >
      <Drawer.Overlay />
      <Drawer.Content>
        <Drawer.Header role="none">
          <Drawer.Title fw={700} fz="lg" style={{ wordBreak: "break-all" }}>
            Deliveries to {endpoint?.url}
          </Drawer.Title>
          <Drawer.CloseButton aria-label="Close" />
        </Drawer.Header>
        <Drawer.Body>
          <Stack gap="md">
            <Button
              variant="default"
              size="xs"
              w="fit-content"
              onClick={() => void refetch().catch(() => undefined)}
              loading={loading}
            >
              Refresh
            </Button>
            {content}
          </Stack>
        </Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}
