import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { ConnectionArgs, type Connection } from "../../graphql/connection";
import type { Context } from "../../graphql/context";
import { accountsService } from "../accounts/accounts.service";
import { Account, AccountSummary } from "../accounts/account.type";
import { partnerNetwork } from "../partners/partners.service";
import { Invitation } from "../invitations/invitation.type";
import { ImportPayload } from "../invitations/invitation.inputs";
import { Team } from "../teams/team.type";
import { teamsService } from "../teams/teams.service";
import {
  ClientInviteLinkPayload,
  ClientPayload,
  CreateClientInviteLinkInput,
  ImportClientsInput,
  InviteClientInput,
  UpdateClientInput,
  UpdateClientPayload,
} from "./client.inputs";
import { clientsService } from "./clients.service";
import {
  Client,
  ClientConnection,
  ClientFilter,
  ClientOrder,
  RemoveClientFromNetworkInput,
  RemoveClientFromNetworkPayload,
} from "./client.type";

@Resolver(() => Client)
export class ClientResolver {
  @FieldResolver(() => AccountSummary, {
    nullable: true,
    description: "For ACCOUNT clients: the account that has this account as its partner.",
  })
  clientAccount(@Root() client: Client, @Ctx() context: Context): Promise<AccountSummary> | null {
    return client.clientAccountId
      ? accountsService.summaryById(context, client.clientAccountId)
      : null;
  }

  @FieldResolver(() => Team, { description: "The account's people serving this client." })
  async team(@Root() client: Client, @Ctx() context: Context): Promise<Team> {
    const team = await teamsService.teamOfClientForViewer(context, client);
    if (!team) throw new Error(`client ${client.localId} without team`);
    return team;
  }

  @FieldResolver(() => Invitation, {
    nullable: true,
    description: "The latest invitation of this client.",
  })
  invitation(@Root() client: Client, @Ctx() context: Context): Promise<Invitation | null> {
    return clientsService.latestInvitation(context, client);
  }

  @Mutation(() => ClientPayload, {
    description:
      "EDITOR and up: invites a person as a client by email, with a team (the first member leads).",
  })
  inviteClient(
    @Arg("input", () => InviteClientInput, {
      description: "What to do; see the fields of InviteClientInput.",
    })
    input: InviteClientInput,
    @Ctx() context: Context,
  ): Promise<ClientPayload> {
    return clientsService.inviteClient(context, input);
  }

  @Mutation(() => UpdateClientPayload, {
    description:
      "EDITOR and up: changes a client's details (their title); omitted fields stay, empty strings clear.",
  })
  updateClient(
    @Arg("input", () => UpdateClientInput, {
      description: "What to do; see the fields of UpdateClientInput.",
    })
    input: UpdateClientInput,
    @Ctx() context: Context,
  ): Promise<UpdateClientPayload> {
    return clientsService.updateClient(context, input);
  }

  @Mutation(() => ClientInviteLinkPayload, {
    description:
      "EDITOR and up: a shareable sign-up link (30 days, many uses, revocable) with a team.",
  })
  createClientInviteLink(
    @Arg("input", () => CreateClientInviteLinkInput, {
      description: "What to do; see the fields of CreateClientInviteLinkInput.",
    })
    input: CreateClientInviteLinkInput,
    @Ctx() context: Context,
  ): Promise<ClientInviteLinkPayload> {
    return clientsService.createInviteLink(context, input.teamMemberIds);
  }

  @Mutation(() => ImportPayload, {
    description:
      "EDITOR and up: imports clients from CSV; valid rows are applied, each invalid row reported by line.",
  })
  importClients(
    @Arg("input", () => ImportClientsInput, {
      description: "What to do; see the fields of ImportClientsInput.",
    })
    input: ImportClientsInput,
    @Ctx() context: Context,
  ): Promise<ImportPayload> {
    return clientsService.importClients(context, {
      csv: input.csv,
      updateExisting: input.updateExisting ?? false,
      dryRun: input.dryRun ?? false,
    });
  }

  @Mutation(() => RemoveClientFromNetworkPayload, {
    description:
      "OWNER/ADMINISTRATOR: for a linked account, ends the partnership both ways and archives your people there. Idempotent.",
  })
  removeClientFromNetwork(
    @Arg("input", () => RemoveClientFromNetworkInput, {
      description: "What to do; see the fields of RemoveClientFromNetworkInput.",
    })
    input: RemoveClientFromNetworkInput,
    @Ctx() context: Context,
  ): Promise<RemoveClientFromNetworkPayload> {
    return clientsService.removeFromNetwork(
      context,
      input.clientId,
      partnerNetwork.endLinkOfPartner,
    );
  }
}

@Resolver(() => Account)
export class AccountClientsResolver {
  @FieldResolver(() => ClientConnection, {
    description: "The account's clients: newest first, or as `orderBy` says.",
  })
  clients(
    @Root() account: Account,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("filter", () => ClientFilter, {
      nullable: true,
      description: "Narrows the list; every condition given must hold.",
    })
    filter: ClientFilter | null,
    @Arg("orderBy", () => ClientOrder, {
      nullable: true,
      description:
        "How to sort; omitted: newest first (CREATED_AT DESC). Cursors belong to the order they were made under.",
    })
    orderBy: ClientOrder | null,
    @Ctx() context: Context,
  ): Promise<Connection<Client>> {
    return clientsService.list(context, account.localId, args, filter, orderBy);
  }
}

/** Invitation.client lives here, so the invitations module needs to know nothing of clients. */
@Resolver(() => Invitation)
export class InvitationClientResolver {
  @FieldResolver(() => Client, {
    nullable: true,
    description: "For CLIENT invitations by email: the client it invites.",
  })
  client(@Root() invitation: Invitation, @Ctx() context: Context): Promise<Client | null> | null {
    return invitation.clientId ? clientsService.clientById(context, invitation.clientId) : null;
  }
}
