import { Plan } from "@pn/shared";
import { Field, InputType, ObjectType } from "type-graphql";
import "../../graphql/enums";
import { UserError } from "../../graphql/user-error";
import { Account } from "./account.type";

@InputType()
export class ChangePlanInput {
  @Field(() => Plan) plan: Plan;
}

@ObjectType()
export class ChangePlanPayload {
  @Field(() => Account, { nullable: true }) account: Account | null;
  @Field(() => [UserError]) userErrors: UserError[];
}
