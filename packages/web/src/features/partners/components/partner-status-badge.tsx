import { Badge } from "@mantine/core";
import type { PartnerStatus } from "../../../gql/graphql";
import { PARTNER_STATUS_COLORS, PARTNER_STATUS_LABELS } from "../labels";

export function PartnerStatusBadge({ status }: { status: PartnerStatus }) {
  return (
    <Badge variant="dot" color={PARTNER_STATUS_COLORS[status]}>
      {PARTNER_STATUS_LABELS[status]}
    </Badge>
  );
}
