import { Badge } from "@mantine/core";
import { formatDateTime } from "../../../lib/format";
import type { WebhookEndpointRow } from "../api/get-webhook-endpoints";

/** Enabled, Failing (since when) or Off. */
export function EndpointStatusBadge({ endpoint }: { endpoint: WebhookEndpointRow }) {
  if (!endpoint.enabled)
    return (
      <Badge variant="dot" color="gray">
        Off
      </Badge>
    );
  if (endpoint.failingSince) {
    return (
      <Badge
        variant="dot"
        color="red"
        title={`Every delivery has failed since ${formatDateTime(endpoint.failingSince)}`}
      >
        Failing
      </Badge>
    );
  }
  return (
    <Badge variant="dot" color="green">
      On
    </Badge>
  );
}
