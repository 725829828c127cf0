/** Inputs and payloads of the viewer's own profile and membership answers. */
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { UserError } from "../../graphql/user-error";
import { User } from "./user.type";

@InputType({ description: "Input of updateProfile: only the fields given change." })
export class UpdateProfileInput {
  @Field(() => String, {
    nullable: true,
    description: "Your name, shown in every account that you accepted.",
  })
  name?: string | null;
}

@ObjectType({ description: "Result of updateProfile." })
export class UpdateProfilePayload {
  @Field(() => User, { nullable: true, description: "You after the change; null when refused." })
  user: User | null;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@InputType({ description: "Input of acceptMembership and declineMembership." })
export class AnswerMembershipInput {
  @Field(() => ID, {
    description: "Global ID of the pending membership (viewer.pendingMemberships).",
  })
  memberId: string;
}
