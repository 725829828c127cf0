/**
 * The network at a glance (the SPA's /network map): the account's partners and clients with
 * their counts, read through the partners and clients modules, which own those tables.
 */
import { NETWORK_NODES_MAX, NetworkNodeKind, NetworkNodeStatus, toGlobalId } from "@pn/shared";
import type { Context } from "../../graphql/context";
import { BadUserInputError, ForbiddenError } from "../../graphql/errors";
import { requirePermission } from "../../graphql/permissions";
import { clientsService } from "../clients/clients.service";
import { partnersService } from "../partners/partners.service";
import type { NetworkNode, NetworkSummary } from "./network.type";

type NodeRow = Awaited<ReturnType<typeof partnersService.networkNodes>>[number];

function toNode(kind: NetworkNodeKind, row: NodeRow): NetworkNode {
  return {
    kind,
    id: toGlobalId(kind === NetworkNodeKind.PARTNER ? "Partner" : "Client", row.id),
    name: row.name,
    status: row.status === "INVITED" ? NetworkNodeStatus.INVITED : NetworkNodeStatus.ACTIVE,
    activeCount: row.active,
    pendingCount: row.pending,
  };
}

/**
 * How many of each kind fit in `first`: each kind keeps at least half when it has that many,
 * so 450 partners do not push 300 clients off the map; what one kind leaves, the other may use.
 */
export function splitNodeLimit(
  first: number,
  partners: number,
  clients: number,
): { partners: number; clients: number } {
  const takePartners = Math.min(partners, Math.max(Math.floor(first / 2), first - clients));
  return { partners: takePartners, clients: Math.min(clients, first - takePartners) };
}

export const networkService = {
  /** Account readers (VIEWER and up) of this account only; collaborators and clients are FORBIDDEN. */
  summary(context: Context, accountId: string): NetworkSummary {
    const viewer = requirePermission(context, "readAccount");
    if (viewer.accountId !== accountId) throw new ForbiddenError();
    return { accountId };
  },

  /** Partners first, then clients, each by name; at most `first` in all (1 to NETWORK_NODES_MAX). */
  async nodes(context: Context, summary: NetworkSummary, first: number): Promise<NetworkNode[]> {
    if (!Number.isInteger(first) || first < 1 || first > NETWORK_NODES_MAX)
      throw new BadUserInputError(
        `\`first\` must be between 1 and ${NETWORK_NODES_MAX}, got ${first}.`,
        "first",
      );
    // Up to `first` of each kind, then the split: two statements, whatever the sizes.
    const [partners, clients] = await Promise.all([
      partnersService.networkNodes(context.db, summary.accountId, first),
      clientsService.networkNodes(context.db, summary.accountId, first),
    ]);
    const take = splitNodeLimit(first, partners.length, clients.length);
    return [
      ...partners.slice(0, take.partners).map((row) => toNode(NetworkNodeKind.PARTNER, row)),
      ...clients.slice(0, take.clients).map((row) => toNode(NetworkNodeKind.CLIENT, row)),
    ];
  },

  partnerCount(context: Context, summary: NetworkSummary): Promise<number> {
    return partnersService.networkCount(context.db, summary.accountId);
  },

  clientCount(context: Context, summary: NetworkSummary): Promise<number> {
    return clientsService.networkCount(context.db, summary.accountId);
  },
};
