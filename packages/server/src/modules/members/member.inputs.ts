/** Inputs and payloads of the member mutations, named as in the public contract. */
import { Role } from "@pn/shared";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import "../../graphql/enums";
import { UserError } from "../../graphql/user-error";
import { Member } from "./member.type";

@InputType()
export class MemberIdsInput {
  @Field(() => [ID], { description: "1 to 1,000 members; all change or, when any cannot, none." }) memberIds: string[];
}

@ObjectType()
export class MembersPayload {
  @Field(() => [Member]) members: Member[];
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class MemberPayload {
  @Field(() => Member, { nullable: true }) member: Member | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class UpdateMemberInput {
  @Field(() => ID) memberId: string;
  @Field(() => Role, { nullable: true }) role: Role | null;
  @Field(() => Boolean, { nullable: true }) canLogin: boolean | null;
  @Field(() => String, { nullable: true }) title: string | null;
  @Field(() => String, { nullable: true, description: "The person's display name (shared by all their accounts)." }) name: string | null;
}

@InputType()
export class AddExternalMemberInput {
  @Field(() => ID) partnerId: string;
  @Field(() => String) name: string;
  @Field(() => String) email: string;
}
