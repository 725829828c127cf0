import { Plan } from "@pn/shared";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import "../../graphql/enums";
import { UserError } from "../../graphql/user-error";
import { Member } from "../members/member.type";
import { Account } from "./account.type";

@InputType({ description: "Input of changePlan." })
export class ChangePlanInput {
  @Field(() => Plan, { description: "The plan to move to." }) plan: Plan;
}

@ObjectType({ description: "Result of changePlan." })
export class ChangePlanPayload {
  @Field(() => Account, {
    nullable: true,
    description: "The account with its new plan; null when refused.",
  })
  account: Account | null;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@InputType({ description: "Input of updateAccount; fields left null stay as they are." })
export class UpdateAccountInput {
  @Field(() => String, { nullable: true, description: "The company name; unchanged when null." })
  name: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "The new account ID (3-40 lowercase letters, digits, inner hyphens); unchanged when null. The old one stops working for partner invitations at once.",
  })
  handle: string | null;
}

@ObjectType({ description: "Result of updateAccount." })
export class UpdateAccountPayload {
  @Field(() => Account, {
    nullable: true,
    description: "The account as it now is; null when refused.",
  })
  account: Account | null;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@ObjectType({ description: "Whether a handle could become the current account's account ID." })
export class HandleAvailability {
  @Field(() => String, { description: "The handle as it would be stored (trimmed, lowercase)." })
  handle: string;
  @Field(() => Boolean, {
    description: "True when it is valid and free (or already this account's).",
  })
  available: boolean;
  @Field(() => String, { nullable: true, description: "Why it is not available; null when it is." })
  reason: string | null;
}

@InputType({ description: "Input of transferOwnership." })
export class TransferOwnershipInput {
  @Field(() => ID, { description: "An ACTIVE INTERNAL ADMINISTRATOR of the account." })
  memberId: string;
  @Field(() => String, { description: "The owner's current password, as confirmation." })
  password: string;
}

@ObjectType({ description: "Result of transferOwnership." })
export class TransferOwnershipPayload {
  @Field(() => Account, { nullable: true, description: "The account; null when refused." })
  account: Account | null;
  @Field(() => Member, { nullable: true, description: "The former owner, now an ADMINISTRATOR." })
  previousOwner: Member | null;
  @Field(() => Member, { nullable: true, description: "The new OWNER." }) newOwner: Member | null;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}
