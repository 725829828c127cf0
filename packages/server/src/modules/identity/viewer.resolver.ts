import { Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { accountsService } from "../accounts/accounts.service";
import { Account } from "../accounts/account.type";
import { Member } from "../members/member.type";
import { membersService } from "../members/members.service";
import { identityService } from "./identity.service";
import { User } from "./user.type";

@ObjectType("Viewer", { description: "The signed-in user and where they are acting." })
export class ViewerInfo {
  userId: string;

  @Field(() => User, { description: "The signed-in user." })
  user: User;
}

@Resolver(() => ViewerInfo)
export class ViewerResolver {
  @Query(() => ViewerInfo, { nullable: true, description: "Null when not signed in." })
  viewer(@Ctx() context: Context): ViewerInfo | null {
    return context.viewer ? ({ userId: context.viewer.userId } as ViewerInfo) : null;
  }

  @FieldResolver(() => User, { description: "The signed-in user." })
  user(@Root() viewer: ViewerInfo, @Ctx() context: Context): Promise<User> {
    return identityService.userById(context, viewer.userId);
  }

  @FieldResolver(() => [Member], {
    description: "Every membership of the signed-in user, across accounts: the account selector.",
  })
  memberships(@Root() viewer: ViewerInfo, @Ctx() context: Context): Promise<Member[]> {
    return membersService.enterableMemberships(context, viewer.userId);
  }

  @FieldResolver(() => Account, {
    nullable: true,
    description:
      "The account the session or API token acts in; null when the user has no account to enter.",
  })
  currentAccount(@Ctx() context: Context): Promise<Account | null> {
    return accountsService.currentAccount(context);
  }

  @FieldResolver(() => Member, {
    nullable: true,
    description: "The viewer's member record in the current account; null without one.",
  })
  currentMember(@Ctx() context: Context): Promise<Member | null> {
    return membersService.currentMember(context);
  }
}
