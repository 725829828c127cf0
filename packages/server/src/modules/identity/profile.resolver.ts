import { Arg, Ctx, FieldResolver, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { AnswerMembershipPayload, PendingMemberships } from "../members/pending-membership.type";
import { AnswerMembershipInput, UpdateProfileInput, UpdateProfilePayload } from "./profile.inputs";
import { profileService } from "./profile.service";
import { ViewerInfo } from "./viewer.resolver";

@Resolver(() => ViewerInfo)
export class ProfileResolver {
  @FieldResolver(() => PendingMemberships, {
    description:
      "Memberships other accounts created for you (added by email), awaiting your answer; listed once your email is verified.",
  })
  pendingMemberships(@Ctx() context: Context): Promise<PendingMemberships> {
    return profileService.pendingMemberships(context);
  }

  @Mutation(() => UpdateProfilePayload, {
    description:
      "Changes your own name; no one else can (accounts only name people who have not accepted).",
  })
  updateProfile(
    @Arg("input", () => UpdateProfileInput, {
      description: "What to do; see the fields of UpdateProfileInput.",
    })
    input: UpdateProfileInput,
    @Ctx() context: Context,
  ): Promise<UpdateProfilePayload> {
    return profileService.updateProfile(context, input);
  }

  @Mutation(() => AnswerMembershipPayload, {
    description:
      "Accepts a membership someone else created for you: you can enter the account, and it sees your own name. Needs a verified email and your own session.",
  })
  acceptMembership(
    @Arg("input", () => AnswerMembershipInput, {
      description: "What to do; see the fields of AnswerMembershipInput.",
    })
    input: AnswerMembershipInput,
    @Ctx() context: Context,
  ): Promise<AnswerMembershipPayload> {
    return profileService.answerMembership(context, input.memberId, "accept");
  }

  @Mutation(() => AnswerMembershipPayload, {
    description:
      "Declines a membership someone else created for you: it is archived and the account sees that you declined. Needs a verified email and your own session.",
  })
  declineMembership(
    @Arg("input", () => AnswerMembershipInput, {
      description: "What to do; see the fields of AnswerMembershipInput.",
    })
    input: AnswerMembershipInput,
    @Ctx() context: Context,
  ): Promise<AnswerMembershipPayload> {
    return profileService.answerMembership(context, input.memberId, "decline");
  }
}
