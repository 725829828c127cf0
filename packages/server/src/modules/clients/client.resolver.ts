import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { ConnectionArgs, type Connection } from "../../graphql/connection";
import type { Context } from "../../graphql/context";
import { accountsService } from "../accounts/accounts.service";
import { Account, AccountSummary } from "../accounts/account.type";
import { partnerNetwork } from "../partners/partners.service";
import { clientsService } from "./clients.service";
import { Client, ClientConnection, ClientFilter, RemoveClientFromNetworkInput, RemoveClientFromNetworkPayload } from "./client.type";

@Resolver(() => Client)
export class ClientResolver {
  @FieldResolver(() => AccountSummary, { nullable: true, description: "For ACCOUNT clients: the account that has this account as its partner." })
  clientAccount(@Root() client: Client, @Ctx() context: Context): Promise<AccountSummary> | null {
    return client.clientAccountId ? accountsService.summaryById(context, client.clientAccountId) : null;
  }

  @Mutation(() => RemoveClientFromNetworkPayload, {
    description: "OWNER/ADMINISTRATOR: for a linked account, ends the partnership both ways and archives your people there. Idempotent.",
  })
  removeClientFromNetwork(
    @Arg("input", () => RemoveClientFromNetworkInput) input: RemoveClientFromNetworkInput,
    @Ctx() context: Context,
  ): Promise<RemoveClientFromNetworkPayload> {
    return clientsService.removeFromNetwork(context, input.clientId, partnerNetwork.endLinkOfPartner);
  }
}

@Resolver(() => Account)
export class AccountClientsResolver {
  @FieldResolver(() => ClientConnection)
  clients(
    @Root() account: Account,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("filter", () => ClientFilter, { nullable: true }) filter: ClientFilter | null,
    @Ctx() context: Context,
  ): Promise<Connection<Client>> {
    return clientsService.list(context, account.localId, args, filter);
  }
}
