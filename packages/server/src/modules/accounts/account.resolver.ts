import type { GraphQLResolveInfo } from "graphql";
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { ConnectionArgs, type Connection } from "../../graphql/connection";
import type { Context } from "../../graphql/context";
import { MemberConnection, MemberFilter, MemberOrder, type Member } from "../members/member.type";
import { memberPagePreloads } from "../members/member-page-preloads";
import { membersService } from "../members/members.service";
import { ApiToken } from "../identity/api-token.type";
import { apiTokensService } from "../identity/api-tokens.service";
import {
  ChangePlanInput,
  ChangePlanPayload,
  HandleAvailability,
  TransferOwnershipInput,
  TransferOwnershipPayload,
  UpdateAccountInput,
  UpdateAccountPayload,
} from "./accounts.inputs";
import { accountsService } from "./accounts.service";
import { Account } from "./account.type";

@Resolver(() => Account)
export class AccountResolver {
  @FieldResolver(() => Int, {
    description: "Active internal members plus pending user invitations.",
  })
  seatsUsed(@Root() account: Account, @Ctx() context: Context): Promise<number> {
    return accountsService.seatsUsed(context, account.localId);
  }

  @FieldResolver(() => MemberConnection, {
    description:
      "The account's members, internal and external: newest first, or as `orderBy` says.",
  })
  members(
    @Root() account: Account,
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
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Member>> {
    return membersService.listMembers(context, account.localId, args, filter, orderBy, {
      preloads: memberPagePreloads(context, info),
    });
  }

  @FieldResolver(() => [ApiToken], {
    description: "OWNER/ADMINISTRATOR only; newest first, revoked ones included.",
  })
  apiTokens(@Root() account: Account, @Ctx() context: Context): Promise<ApiToken[]> {
    return apiTokensService.list(context, account.localId);
  }

  @Mutation(() => ChangePlanPayload, {
    description: "OWNER only. Refused when the seats in use exceed the new plan's seats.",
  })
  changePlan(
    @Arg("input", () => ChangePlanInput, {
      description: "What to do; see the fields of ChangePlanInput.",
    })
    input: ChangePlanInput,
    @Ctx() context: Context,
  ): Promise<ChangePlanPayload> {
    return accountsService.changePlan(context, input.plan);
  }

  @Mutation(() => UpdateAccountPayload, {
    description: "OWNER/ADMINISTRATOR: renames the account and/or changes its handle (unique).",
  })
  updateAccount(
    @Arg("input", () => UpdateAccountInput, {
      description: "What to do; see the fields of UpdateAccountInput.",
    })
    input: UpdateAccountInput,
    @Ctx() context: Context,
  ): Promise<UpdateAccountPayload> {
    return accountsService.updateAccount(context, input);
  }

  @Query(() => HandleAvailability, {
    description:
      "OWNER/ADMINISTRATOR: whether a handle could become the current account's account ID.",
  })
  handleAvailability(
    @Arg("handle", () => String, { description: "The handle to check, as typed." }) handle: string,
    @Ctx() context: Context,
  ): Promise<HandleAvailability> {
    return accountsService.handleAvailability(context, handle);
  }

  @Mutation(() => TransferOwnershipPayload, {
    description:
      "OWNER only: makes an active internal administrator the owner, confirmed with the owner's password; the owner becomes an administrator.",
  })
  transferOwnership(
    @Arg("input", () => TransferOwnershipInput, {
      description: "What to do; see the fields of TransferOwnershipInput.",
    })
    input: TransferOwnershipInput,
    @Ctx() context: Context,
  ): Promise<TransferOwnershipPayload> {
    return accountsService.transferOwnership(context, input);
  }
}
