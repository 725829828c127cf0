import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { ConnectionArgs, type Connection } from "../../graphql/connection";
import type { Context } from "../../graphql/context";
import { Account } from "../accounts/account.type";
import { Member } from "../members/member.type";
import { membersService } from "../members/members.service";
import {
  AcceptInvitationInput,
  AcceptInvitationPayload,
  ImportPayload,
  ImportUserInvitationsInput,
  InvitationPayload,
  InviteUsersInput,
  InviteUsersPayload,
  ResendInvitationInput,
  RevokeInvitationInput,
} from "./invitation.inputs";
import {
  Invitation,
  InvitationConnection,
  InvitationFilter,
  InvitationOrder,
  InvitationPreview,
} from "./invitation.type";
import { issuerCanGrant, invitationsService } from "./invitations.service";

@Resolver(() => Invitation)
export class InvitationResolver {
  @Query(() => InvitationPreview, {
    nullable: true,
    description: "Public: what an invitee sees before accepting. Null for an unknown token.",
  })
  invitation(
    @Arg("token", () => String, { description: "The token from the invitation link." })
    token: string,
    @Ctx() context: Context,
  ): Promise<InvitationPreview | null> {
    return invitationsService.preview(context, token);
  }

  @FieldResolver(() => Member, {
    nullable: true,
    description: "Who sent it; null once that member is gone.",
  })
  invitedBy(@Root() invitation: Invitation, @Ctx() context: Context): Promise<Member | null> {
    return invitation.invitedByMemberId
      ? membersService.memberById(context, invitation.invitedByMemberId)
      : Promise.resolve(null);
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether the person who sent it may still send it: an active member with login whose role may invite this kind and grant its role. False: accepting fails with ISSUER_NOT_AUTHORIZED until someone who may resends it (resendInvitation re-issues it as the caller). Always true for LOGIN invitations.",
  })
  async issuerCanGrant(@Root() invitation: Invitation, @Ctx() context: Context): Promise<boolean> {
    const issuer = invitation.invitedByMemberId
      ? await context.loaders.memberById.load(invitation.invitedByMemberId)
      : null;
    return issuerCanGrant(invitation, issuer);
  }

  @Mutation(() => InviteUsersPayload, {
    description:
      "OWNER/ADMINISTRATOR: invites a batch of people, all or none, within the plan's seats.",
  })
  inviteUsers(
    @Arg("input", () => InviteUsersInput, {
      description: "What to do; see the fields of InviteUsersInput.",
    })
    input: InviteUsersInput,
    @Ctx() context: Context,
  ): Promise<InviteUsersPayload> {
    return invitationsService.inviteUsers(context, input.invitees);
  }

  @Mutation(() => ImportPayload, {
    description:
      "OWNER/ADMINISTRATOR: invites from a CSV; valid rows are invited, each invalid row is reported by line.",
  })
  importUserInvitations(
    @Arg("input", () => ImportUserInvitationsInput, {
      description: "What to do; see the fields of ImportUserInvitationsInput.",
    })
    input: ImportUserInvitationsInput,
    @Ctx() context: Context,
  ): Promise<ImportPayload> {
    return invitationsService.importUserInvitations(context, input.csv, input.dryRun ?? false);
  }

  @Mutation(() => InvitationPayload, {
    description:
      "Sends a PENDING or EXPIRED user, client or partner invitation again: a new link (the old one stops working) and a new lifetime (48 hours; partners 14 days). " +
      "Whoever may invite that kind may resend it (clients: editors too). A partner invited by account ID is emailed to that account's current owners and administrators; " +
      "a shareable client link has no email and is refused (INVALID_STATE). " +
      "The invitation is re-issued as the caller: they become its sender (`invitedBy`), so resending one whose `issuerCanGrant` is false makes it acceptable again.",
  })
  resendInvitation(
    @Arg("input", () => ResendInvitationInput, {
      description: "What to do; see the fields of ResendInvitationInput.",
    })
    input: ResendInvitationInput,
    @Ctx() context: Context,
  ): Promise<InvitationPayload> {
    return invitationsService.resend(context, input.invitationId);
  }

  @Mutation(() => InvitationPayload, {
    description: "Cancels a pending invitation; its seat is free at once.",
  })
  revokeInvitation(
    @Arg("input", () => RevokeInvitationInput, {
      description: "What to do; see the fields of RevokeInvitationInput.",
    })
    input: RevokeInvitationInput,
    @Ctx() context: Context,
  ): Promise<InvitationPayload> {
    return invitationsService.revoke(context, input.invitationId);
  }

  @Mutation(() => AcceptInvitationPayload, {
    description: "Accepts an invitation by its token; a new user gives a name and password.",
  })
  acceptInvitation(
    @Arg("input", () => AcceptInvitationInput, {
      description: "What to do; see the fields of AcceptInvitationInput.",
    })
    input: AcceptInvitationInput,
    @Ctx() context: Context,
  ): Promise<AcceptInvitationPayload> {
    return invitationsService
      .accept(context, input)
      .then((result) => ({ verificationEmailSent: false, ...result }));
  }
}

@Resolver(() => Account)
export class AccountInvitationsResolver {
  @FieldResolver(() => InvitationConnection, {
    description: "The account's invitations: newest first, or as `orderBy` says.",
  })
  invitations(
    @Root() account: Account,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("filter", () => InvitationFilter, {
      nullable: true,
      description: "Narrows the list; every condition given must hold.",
    })
    filter: InvitationFilter | null,
    @Arg("orderBy", () => InvitationOrder, {
      nullable: true,
      description:
        "How to sort; omitted: newest first (CREATED_AT DESC). Cursors belong to the order they were made under.",
    })
    orderBy: InvitationOrder | null,
    @Ctx() context: Context,
  ): Promise<Connection<Invitation>> {
    return invitationsService.list(context, account.localId, args, filter, orderBy);
  }
}
