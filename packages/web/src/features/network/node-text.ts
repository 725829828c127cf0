import { formatNumber } from "../../lib/format";
import type { NetworkMapNode } from "./api/get-network";

export const KIND_LABELS: Record<NetworkMapNode["kind"], string> = {
  PARTNER: "Partner",
  CLIENT: "Client",
};

export const STATUS_LABELS: Record<NetworkMapNode["status"], string> = {
  INVITED: "Invited",
  ACTIVE: "Active",
};

/** The partner's or client's page. */
export function nodePath(node: Pick<NetworkMapNode, "kind" | "id">): string {
  return `${node.kind === "PARTNER" ? "/partners" : "/clients"}/${node.id}`;
}

/** What the counts mean for this kind of node, e.g. "partner, active: 3 active people, 1 pending". */
export function nodeDescription(node: NetworkMapNode): string {
  const kind = node.kind === "PARTNER" ? "partner" : "client";
  const status = STATUS_LABELS[node.status].toLowerCase();
  const active = formatNumber(node.activeCount);
  const pending = formatNumber(node.pendingCount);
  return node.kind === "PARTNER"
    ? `${kind}, ${status}: ${active} active ${node.activeCount === 1 ? "person" : "people"}, ${pending} pending`
    : `${kind}, ${status}: ${active} active in its team, ${pending} pending ${node.pendingCount === 1 ? "invitation" : "invitations"}`;
}
