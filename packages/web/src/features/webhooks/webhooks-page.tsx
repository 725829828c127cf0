import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { Button, Code, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { Page } from "../../components/page";
import { ListStates } from "../../components/list";
import { PageEmpty } from "../../components/page-status";
import { describeError } from "../../lib/errors";
import { useWebhookEndpoints, type WebhookEndpointRow } from "./api/get-webhook-endpoints";
import { useUpdateWebhookEndpoint } from "./api/update-webhook-endpoint";
import {
  CreateWebhookEndpointModal,
  type CreatedEndpoint,
} from "./components/create-webhook-endpoint-modal";
import { DeleteWebhookEndpointModal } from "./components/delete-webhook-endpoint-modal";
import { WebhookDeliveriesDrawer } from "./components/webhook-deliveries-drawer";
import { WebhookEndpointsTable } from "./components/webhook-endpoints-table";
import { WebhookSecretModal } from "./components/webhook-secret-modal";

function isForbidden(error: unknown): boolean {
  return (
    CombinedGraphQLErrors.is(error) &&
    error.errors.some((e) => e.extensions?.["code"] === "FORBIDDEN")
  );
}

type Opened = { endpoint: WebhookEndpointRow | null; opened: boolean };
const CLOSED: Opened = { endpoint: null, opened: false };

/** OWNER/ADMINISTRATOR: where the account's events are sent, and what happened to each. */
export function WebhooksPage() {
  const { data, loading, error, refetch } = useWebhookEndpoints();
  const [updateEndpoint] = useUpdateWebhookEndpoint();
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<CreatedEndpoint | null>(null);
  const [deliveries, setDeliveries] = useState<Opened>(CLOSED);
  const [deleting, setDeleting] = useState<Opened>(CLOSED);
  const [togglingId, setTogglingId] = useState<string | null>(null);
  const endpoints = data?.viewer?.currentAccount?.webhookEndpoints;

  async function toggle(endpoint: WebhookEndpointRow) {
    setTogglingId(endpoint.id);
    try {
      const result = await updateEndpoint({
        variables: { input: { id: endpoint.id, enabled: !endpoint.enabled } },
      });
      const userErrors = result.data?.updateWebhookEndpoint.userErrors ?? [];
      if (userErrors.length) throw new Error(userErrors.map((e) => e.message).join(" "));
      notifications.show({
        color: "green",
        title: endpoint.enabled ? "Endpoint turned off" : "Endpoint turned on",
        message: endpoint.enabled
          ? "No new events are sent to it."
          : "New events are sent to it again.",
      });
    } catch (toggleError) {
      notifications.show({
        color: "red",
        title: "Not changed",
        message: describeError(toggleError).message,
      });
    } finally {
      setTogglingId(null);
    }
  }

  const content = (
    <ListStates
      items={endpoints}
      loading={loading}
      error={error}
      refetch={refetch}
      emptyAfterLoading={false}
      errorTitle={
        isForbidden(error)
          ? "Only owners and administrators manage webhooks"
          : "Could not load webhooks"
      }
      loadingLabel="Loading webhooks"
      empty={
        <PageEmpty
          title="No webhook endpoints yet"
          message="Add one to have partner systems hear about invitations, members, partners and clients as they change."
          action={<Button onClick={() => setAdding(true)}>Add endpoint</Button>}
        />
      }
    >
      {(rows) => (
        <WebhookEndpointsTable
          endpoints={rows}
          togglingId={togglingId}
          onShowDeliveries={(endpoint) => setDeliveries({ endpoint, opened: true })}
          onToggle={(endpoint) => void toggle(endpoint)}
          onDelete={(endpoint) => setDeleting({ endpoint, opened: true })}
        />
      )}
    </ListStates>
  );

  return (
    <Page
      title="Webhooks"
      description={
        <Text component="span">
          Events are POSTed as JSON with <Code>webhook-id</Code>, <Code>webhook-timestamp</Code> and{" "}
          <Code>webhook-signature</Code> headers (Standard Webhooks), retried for about a day.
        </Text>
      }
      actions={
        endpoints && endpoints.length > 0 ? (
          <Button onClick={() => setAdding(true)}>Add endpoint</Button>
        ) : undefined
      }
    >
      {content}
      <CreateWebhookEndpointModal
        opened={adding}
        onClose={() => setAdding(false)}
        onCreated={setCreated}
      />
      <WebhookSecretModal created={created} onClose={() => setCreated(null)} />
      <WebhookDeliveriesDrawer
        endpoint={deliveries.endpoint}
        opened={deliveries.opened}
        onClose={() => setDeliveries((previous) => ({ ...previous, opened: false }))}
      />
      <DeleteWebhookEndpointModal
        endpoint={deleting.endpoint}
        opened={deleting.opened}
        onClose={() => setDeleting((previous) => ({ ...previous, opened: false }))}
      />
    </Page>
  );
}
