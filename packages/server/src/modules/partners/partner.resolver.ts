import { fromGlobalId, MemberStatus, PartnerStatus } from "@pn/shared";
import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import {
  ConnectionArgs,
  newestFirst,
  parsePageRequest,
  type Connection,
} from "../../graphql/connection";
import type { Context } from "../../graphql/context";
import { isDefaultOrder } from "../../graphql/list-order";
import { accountsService } from "../accounts/accounts.service";
import { Account, AccountSummary } from "../accounts/account.type";
import { Invitation } from "../invitations/invitation.type";
import { invitationsService } from "../invitations/invitations.service";
import { AddExternalMemberInput, MemberPayload } from "../members/member.inputs";
import { MemberConnection, MemberFilter, MemberOrder, type Member } from "../members/member.type";
import { memberListScope, membersService } from "../members/members.service";
import {
  CreatePartnerInput,
  InvitePartnerInput,
  PartnerPayload,
  RemovePartnerFromNetworkInput,
  RemovePartnerFromNetworkPayload,
  UpdatePartnerInput,
} from "./partner.inputs";
import {
  MemberCounts,
  Partner,
  PartnerConnection,
  PartnerFilter,
  PartnerOrder,
} from "./partner.type";
import { partnerNetwork, partnersService } from "./partners.service";

/** Whether a global ID names this partner (malformed or other IDs do not). */
function namesPartner(globalId: string, partner: Partner): boolean {
  const decoded = fromGlobalId(globalId);
  return decoded?.type === "Partner" && decoded.id === partner.localId;
}

@Resolver(() => Partner)
export class PartnerResolver {
  @FieldResolver(() => AccountSummary, {
    nullable: true,
    description: "The partner's own account, once linked.",
  })
  partnerAccount(
    @Root() partner: Partner,
    @Ctx() context: Context,
  ): Promise<AccountSummary | null> | null {
    return partner.partnerAccountId && partner.status !== PartnerStatus.INVITED
      ? accountsService.summaryById(context, partner.partnerAccountId)
      : null;
  }

  @FieldResolver(() => MemberCounts, {
    description: "How many of the partner's people are pending, active and archived here.",
  })
  memberCounts(
    @Root() partner: Partner,
    @Ctx() context: Context,
  ): MemberCounts | Promise<MemberCounts> {
    return context.loaders.memberCountsByPartnerId.peekOrLoad(partner.localId);
  }

  @FieldResolver(() => Invitation, {
    nullable: true,
    description: "The latest invitation sent to this partner.",
  })
  invitation(@Root() partner: Partner, @Ctx() context: Context): Promise<Invitation | null> {
    return partnersService.latestInvitation(context, partner);
  }

  @FieldResolver(() => MemberConnection, {
    description: "This partner's people in the account: newest first, or as `orderBy` says.",
  })
  async members(
    @Root() partner: Partner,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("filter", () => MemberFilter, {
      nullable: true,
      description: "Narrows the list; every condition given must hold.",
    })
    filter: MemberFilter | null,
    @Arg("orderBy", () => MemberOrder, {
      nullable: true,
      description:
        "How to sort; omitted: newest first (CREATED_AT DESC). Cursors belong to the order they were made under.",
    })
    orderBy: MemberOrder | null,
    @Ctx() context: Context,
  ): Promise<Connection<Member>> {
    const simple =
      isDefaultOrder(orderBy) &&
      !args.after &&
      !args.before &&
      args.last == null &&
      !filter?.search &&
      !filter?.type &&
      !filter?.partnerId;
    if (filter?.partnerId != null && !namesPartner(filter.partnerId, partner)) {
      // Every condition must hold: a filter naming another partner leaves none of this one's people.
      return {
        nodes: [],
        edges: [],
        pageInfo: {
          hasNextPage: false,
          hasPreviousPage: false,
          startCursor: null,
          endCursor: null,
        },
        totalCount: Promise.resolve(0),
      };
    }
    if (!simple)
      return membersService.listMembers(
        context,
        partner.accountId,
        args,
        { ...filter, partnerId: partner.id },
        orderBy,
      );
    // The first page of many partners at once: one statement for the whole list (see createPartnerMembersLoader).
    const first = parsePageRequest(args, newestFirst("m")).limit;
    const statuses = filter?.status?.length ? [...filter.status].sort() : null;
    const page = await context.loaders.membersPageByPartner.load({
      partnerId: partner.localId,
      first,
      statuses,
      scope: memberListScope(context, partner.accountId),
    });
    const wanted = statuses ?? Object.values(MemberStatus);
    return {
      nodes: page.edges.map((edge) => edge.node),
      edges: page.edges,
      pageInfo: {
        hasNextPage: page.hasMore,
        hasPreviousPage: false,
        startCursor: page.edges[0]?.cursor ?? null,
        endCursor: page.edges.at(-1)?.cursor ?? null,
      },
      // A complete page is its own count (whatever the scope); the per-status counts cover the
      // partner's whole list, which only an account reader, who sees all of it, has more pages of.
      totalCount: page.hasMore
        ? context.loaders.memberCountsByPartnerId
            .load(partner.localId)
            .then((c) =>
              wanted.reduce(
                (sum, status) => sum + c[status.toLowerCase() as keyof MemberCounts],
                0,
              ),
            )
        : Promise.resolve(page.edges.length),
    };
  }

  @Mutation(() => PartnerPayload, {
    description: "OWNER/ADMINISTRATOR: invites a company by email or by its account ID (handle).",
  })
  invitePartner(
    @Arg("input", () => InvitePartnerInput, {
      description: "What to do; see the fields of InvitePartnerInput.",
    })
    input: InvitePartnerInput,
    @Ctx() context: Context,
  ): Promise<PartnerPayload> {
    return partnersService.invite(context, input);
  }

  @Mutation(() => PartnerPayload, {
    description:
      "OWNER/ADMINISTRATOR: adds a partner company that has no account here (e.g. a guest company).",
  })
  createPartner(
    @Arg("input", () => CreatePartnerInput, {
      description: "What to do; see the fields of CreatePartnerInput.",
    })
    input: CreatePartnerInput,
    @Ctx() context: Context,
  ): Promise<PartnerPayload> {
    return partnersService.create(context, input);
  }

  @Mutation(() => PartnerPayload, {
    description:
      "OWNER/ADMINISTRATOR: changes a partner's details; omitted fields stay, empty strings clear.",
  })
  updatePartner(
    @Arg("input", () => UpdatePartnerInput, {
      description: "What to do; see the fields of UpdatePartnerInput.",
    })
    input: UpdatePartnerInput,
    @Ctx() context: Context,
  ): Promise<PartnerPayload> {
    return partnersService.update(context, input);
  }

  @Mutation(() => MemberPayload, {
    description: "EDITOR and up: adds a person of a partner company; active at once.",
  })
  addExternalMember(
    @Arg("input", () => AddExternalMemberInput, {
      description: "What to do; see the fields of AddExternalMemberInput.",
    })
    input: AddExternalMemberInput,
    @Ctx() context: Context,
  ): Promise<MemberPayload> {
    return partnerNetwork.addExternalMember(
      context,
      input,
      invitationsService.sendLoginInvitationIfNeeded,
    );
  }

  @Mutation(() => RemovePartnerFromNetworkPayload, {
    description:
      "OWNER/ADMINISTRATOR: ends the link both ways and archives the partner's people here. Idempotent.",
  })
  removePartnerFromNetwork(
    @Arg("input", () => RemovePartnerFromNetworkInput, {
      description: "What to do; see the fields of RemovePartnerFromNetworkInput.",
    })
    input: RemovePartnerFromNetworkInput,
    @Ctx() context: Context,
  ): Promise<RemovePartnerFromNetworkPayload> {
    return partnerNetwork.removeFromNetwork(context, input.partnerId);
  }
}

@Resolver(() => Account)
export class AccountPartnersResolver {
  @FieldResolver(() => PartnerConnection, {
    description: "The account's partners: newest first, or as `orderBy` says.",
  })
  partners(
    @Root() account: Account,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("filter", () => PartnerFilter, {
      nullable: true,
      description: "Narrows the list; every condition given must hold.",
    })
    filter: PartnerFilter | null,
    @Arg("orderBy", () => PartnerOrder, {
      nullable: true,
      description:
        "How to sort; omitted: newest first (CREATED_AT DESC). Cursors belong to the order they were made under.",
    })
    orderBy: PartnerOrder | null,
    @Ctx() context: Context,
  ): Promise<Connection<Partner>> {
    return partnersService.list(context, account.localId, args, filter, orderBy);
  }
}

/** Invitation.partner lives here, so the invitations module needs to know nothing of partners. */
@Resolver(() => Invitation)
export class InvitationPartnerResolver {
  @FieldResolver(() => Partner, {
    nullable: true,
    description: "For PARTNER invitations: the partner it invites.",
  })
  partner(
    @Root() invitation: Invitation,
    @Ctx() context: Context,
  ): Partner | null | Promise<Partner | null> {
    return invitation.partnerId ? partnersService.partnerById(context, invitation.partnerId) : null;
  }
}
