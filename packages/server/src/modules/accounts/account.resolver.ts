import { Args, Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { ConnectionArgs, type Connection } from "../../graphql/connection";
import type { Context } from "../../graphql/context";
import { MemberConnection, MemberFilter, type Member } from "../members/member.type";
import { membersService } from "../members/members.service";
import { accountsService } from "./accounts.service";
import { Account } from "./account.type";

@Resolver(() => Account)
export class AccountResolver {
  @FieldResolver(() => Int, { description: "Active internal members plus pending user invitations." })
  seatsUsed(@Root() account: Account, @Ctx() context: Context): Promise<number> {
    return accountsService.seatsUsed(context, account.localId);
  }

  @FieldResolver(() => MemberConnection)
  members(
    @Root() account: Account,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("filter", () => MemberFilter, { nullable: true }) filter: MemberFilter | null,
    @Ctx() context: Context,
  ): Promise<Connection<Member>> {
    return membersService.listMembers(context, account.localId, args, filter);
  }
}
