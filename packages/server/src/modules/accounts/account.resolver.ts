import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from "type-graphql";
import { ConnectionArgs, type Connection } from "../../graphql/connection";
import type { Context } from "../../graphql/context";
import { MemberConnection, MemberFilter, type Member } from "../members/member.type";
import { membersService } from "../members/members.service";
import { ApiToken } from "../identity/api-token.type";
import { apiTokensService } from "../identity/api-tokens.service";
import { ChangePlanInput, ChangePlanPayload } from "./accounts.inputs";
import { accountsService } from "./accounts.service";
import { Account } from "./account.type";

@Resolver(() => Account)
export class AccountResolver {
  @FieldResolver(() => Int, { description: "Active internal members plus pending user invitations." })
  seatsUsed(@Root() account: Account, @Ctx() context: Context): Promise<number> {
    return accountsService.seatsUsed(context, account.localId);
  }

  @FieldResolver(() => MemberConnection, { description: "The account's members, internal and external, newest first." })
  members(
    @Root() account: Account,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("filter", () => MemberFilter, { nullable: true, description: "Narrows the list; every condition given must hold." }) filter: MemberFilter | null,
    @Ctx() context: Context,
  ): Promise<Connection<Member>> {
    return membersService.listMembers(context, account.localId, args, filter);
  }

  @FieldResolver(() => [ApiToken], { description: "OWNER/ADMINISTRATOR only; newest first, revoked ones included." })
  apiTokens(@Root() account: Account, @Ctx() context: Context): Promise<ApiToken[]> {
    return apiTokensService.list(context, account.localId);
  }

  @Mutation(() => ChangePlanPayload, { description: "OWNER only. Refused when the seats in use exceed the new plan's seats." })
  changePlan(@Arg("input", () => ChangePlanInput, { description: "What to do; see the fields of ChangePlanInput." }) input: ChangePlanInput, @Ctx() context: Context): Promise<ChangePlanPayload> {
    return accountsService.changePlan(context, input.plan);
  }
}
