import { Plan } from "@pn/shared";
import { Field, InputType, ObjectType } from "type-graphql";
import "../../graphql/enums";
import { UserError } from "../../graphql/user-error";
import { Account } from "./account.type";

@InputType({ description: "Input of changePlan." })
export class ChangePlanInput {
  @Field(() => Plan, { description: "The plan to move to." }) plan: Plan;
}

@ObjectType({ description: "Result of changePlan." })
export class ChangePlanPayload {
  @Field(() => Account, { nullable: true, description: "The account with its new plan; null when refused." }) account: Account | null;
  @Field(() => [UserError], { description: "Why the mutation changed nothing; empty when it succeeded." }) userErrors: UserError[];
}
