/** Inputs and payloads of the member mutations, named as in the public contract. */
import { Role } from "@pn/shared";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import "../../graphql/enums";
import { UserError } from "../../graphql/user-error";
import { Member } from "./member.type";

@InputType({ description: "Input of the bulk member mutations (activate, archive, restore)." })
export class MemberIdsInput {
  @Field(() => [ID], { description: "1 to 1,000 members; all change or, when any cannot, none." })
  memberIds: string[];
}

@ObjectType({ description: "Result of a bulk member mutation." })
export class MembersPayload {
  @Field(() => [Member], {
    description: "The members after the change, in the order given; empty when refused.",
  })
  members: Member[];
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of a single-member mutation." })
export class MemberPayload {
  @Field(() => Member, {
    nullable: true,
    description: "The member after the change; null when refused.",
  })
  member: Member | null;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@InputType({ description: "Input of updateMember: only the fields given change." })
export class UpdateMemberInput {
  @Field(() => ID, { description: "Global ID of the member to change." }) memberId: string;
  @Field(() => Role, {
    nullable: true,
    description:
      "A new role (internal members: ADMINISTRATOR, EDITOR or VIEWER; OWNER by an owner).",
  })
  role: Role | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      "Allow or stop signing in; granting it to someone without a password sends a LOGIN invitation.",
  })
  canLogin: boolean | null;
  @Field(() => String, {
    nullable: true,
    description: "Job title in this account; an empty string clears it.",
  })
  title: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The person's display name (shared by all their accounts).",
  })
  name: string | null;
}

@InputType({
  description:
    "Input of addExternalMember: a partner's person added by name and email, ACTIVE at once.",
})
export class AddExternalMemberInput {
  @Field(() => ID, { description: "Global ID of the partner the person belongs to." })
  partnerId: string;
  @Field(() => String, { description: "The person's full name." }) name: string;
  @Field(() => String, { description: "The person's email." }) email: string;
}
