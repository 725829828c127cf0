import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { accountsService } from "../accounts/accounts.service";
import { AccountSummary } from "../accounts/account.type";
import { identityService } from "../identity/identity.service";
import { User } from "../identity/user.type";
import { invitationsService } from "../invitations/invitations.service";
import { Partner } from "../partners/partner.type";
import { partnersService } from "../partners/partners.service";
import { MemberIdsInput, MemberPayload, MembersPayload, UpdateMemberInput } from "./member.inputs";
import { Member } from "./member.type";
import { membersService } from "./members.service";

@Resolver(() => Member)
export class MemberResolver {
  @FieldResolver(() => AccountSummary, { description: "The account this membership is in." })
  account(@Root() member: Member, @Ctx() context: Context): Promise<AccountSummary> {
    return accountsService.summaryById(context, member.accountId);
  }

  @FieldResolver(() => User, { description: "The person." })
  user(@Root() member: Member, @Ctx() context: Context): Promise<User> {
    return identityService.userOfMember(context, member);
  }

  @FieldResolver(() => Partner, {
    nullable: true,
    description: "The partner this external member comes from; null for internal members.",
  })
  partner(
    @Root() member: Member,
    @Ctx() context: Context,
  ): Partner | null | Promise<Partner | null> {
    return member.partnerId ? partnersService.partnerById(context, member.partnerId) : null;
  }

  @Mutation(() => MembersPayload, {
    description: "OWNER/ADMINISTRATOR: activates pending members (up to 1,000), all or none.",
  })
  activateMembers(
    @Arg("input", () => MemberIdsInput, {
      description: "What to do; see the fields of MemberIdsInput.",
    })
    input: MemberIdsInput,
    @Ctx() context: Context,
  ): Promise<MembersPayload> {
    return membersService.changeStatus(context, input.memberIds, "activate");
  }

  @Mutation(() => MembersPayload, {
    description:
      "OWNER/ADMINISTRATOR: archives members (up to 1,000), ending their sessions here; all or none.",
  })
  archiveMembers(
    @Arg("input", () => MemberIdsInput, {
      description: "What to do; see the fields of MemberIdsInput.",
    })
    input: MemberIdsInput,
    @Ctx() context: Context,
  ): Promise<MembersPayload> {
    return membersService.changeStatus(context, input.memberIds, "archive");
  }

  @Mutation(() => MembersPayload, {
    description:
      "OWNER/ADMINISTRATOR: restores archived members (internal ones need free seats); all or none.",
  })
  restoreMembers(
    @Arg("input", () => MemberIdsInput, {
      description: "What to do; see the fields of MemberIdsInput.",
    })
    input: MemberIdsInput,
    @Ctx() context: Context,
  ): Promise<MembersPayload> {
    return membersService.changeStatus(context, input.memberIds, "restore");
  }

  @Mutation(() => MemberPayload, {
    description: "Role and login: OWNER/ADMINISTRATOR; name and title: EDITOR and up.",
  })
  updateMember(
    @Arg("input", () => UpdateMemberInput, {
      description: "What to do; see the fields of UpdateMemberInput.",
    })
    input: UpdateMemberInput,
    @Ctx() context: Context,
  ): Promise<MemberPayload> {
    return membersService.updateMember(
      context,
      input,
      invitationsService.sendLoginInvitationIfNeeded,
    );
  }
}
