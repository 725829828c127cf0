import { NETWORK_NODES_MAX } from "@pn/shared";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { Account } from "../accounts/account.type";
import { networkService } from "./network.service";
import { NetworkNode, NetworkSummary } from "./network.type";

@Resolver(() => Account)
export class AccountNetworkResolver {
  @FieldResolver(() => NetworkSummary, {
    // Nullable: a refusal (FORBIDDEN, a bad `first`) leaves the rest of currentAccount readable.
    nullable: true,
    description:
      "VIEWER and up: the account's partners and clients with their counts, for drawing the whole network.",
  })
  networkSummary(@Root() account: Account, @Ctx() context: Context): NetworkSummary {
    return networkService.summary(context, account.localId);
  }
}

@Resolver(() => NetworkSummary)
export class NetworkSummaryResolver {
  @FieldResolver(() => [NetworkNode], {
    description: `Partners first, then clients, each by name; at most \`first\` (1 to ${NETWORK_NODES_MAX}) in all, each kind keeping at least half when it has that many. Compare with partnerCount and clientCount to tell whether some were left out.`,
  })
  nodes(
    @Root() summary: NetworkSummary,
    @Arg("first", () => Int, {
      defaultValue: NETWORK_NODES_MAX,
      description: `How many nodes at most (1 to ${NETWORK_NODES_MAX}); the query's cost counts this many.`,
    })
    first: number,
    @Ctx() context: Context,
  ): Promise<NetworkNode[]> {
    return networkService.nodes(context, summary, first);
  }

  @FieldResolver(() => Int, { description: "How many partners the network has (not removed)." })
  partnerCount(@Root() summary: NetworkSummary, @Ctx() context: Context): Promise<number> {
    return networkService.partnerCount(context, summary);
  }

  @FieldResolver(() => Int, { description: "How many clients the network has (not removed)." })
  clientCount(@Root() summary: NetworkSummary, @Ctx() context: Context): Promise<number> {
    return networkService.clientCount(context, summary);
  }
}
