import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context";
import { accountsService } from "../accounts/accounts.service";
import { AccountSummary } from "../accounts/account.type";
import { identityService } from "../identity/identity.service";
import { User } from "../identity/user.type";
import { Member } from "./member.type";

@Resolver(() => Member)
export class MemberResolver {
  @FieldResolver(() => AccountSummary)
  account(@Root() member: Member, @Ctx() context: Context): Promise<AccountSummary> {
    return accountsService.summaryById(context, member.accountId);
  }

  @FieldResolver(() => User)
  user(@Root() member: Member, @Ctx() context: Context): Promise<User> {
    return identityService.userOfMember(context, member);
  }
}
