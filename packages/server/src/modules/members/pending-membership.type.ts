/** A membership someone else created for the viewer, awaiting their answer. */
import { Field, ID, ObjectType } from "type-graphql";
import { UserError } from "../../graphql/user-error";
import { AccountSummary } from "../accounts/account.type";
import { Member } from "./member.type";

@ObjectType({
  description:
    "A membership an account created for the viewer (added by email); they accept or decline it.",
})
export class PendingMembership {
  @Field(() => ID, {
    description: "Global ID of the membership (a Member); pass it to accept or decline.",
  })
  memberId: string;

  @Field(() => String, { description: "The name of the account that added the viewer." })
  accountName: string;

  @Field(() => String, {
    nullable: true,
    description: "Who added the viewer, as that account named them; null when unknown.",
  })
  addedByName: string | null;

  @Field(() => Date, { description: "When the viewer was added." })
  createdAt: Date;
}

@ObjectType({
  description:
    "The viewer's pending memberships; listed only once their email is verified (otherwise empty, with the reason).",
})
export class PendingMemberships {
  @Field(() => Boolean, { description: "Whether the viewer's sign-in email is verified." })
  emailVerified: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "Why the list is empty although there may be memberships to answer; null otherwise.",
  })
  hiddenReason: string | null;

  @Field(() => [PendingMembership], { description: "Oldest first." })
  memberships: PendingMembership[];
}

@ObjectType({ description: "Result of acceptMembership or declineMembership." })
export class AnswerMembershipPayload {
  @Field(() => Member, {
    nullable: true,
    description: "The membership after the answer; null when refused.",
  })
  member: Member | null;

  @Field(() => AccountSummary, {
    nullable: true,
    description: "The account the membership is in; null when refused.",
  })
  account: AccountSummary | null;

  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}
