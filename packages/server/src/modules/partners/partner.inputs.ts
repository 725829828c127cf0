/** Inputs and payloads of the partner-network mutations, named as in the public contract. */
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { UserError } from "../../graphql/user-error";
import { Invitation } from "../invitations/invitation.type";
import { Partner } from "./partner.type";

@InputType({
  description: "Input of invitePartner: a company invited by email or by its account handle.",
})
export class InvitePartnerInput {
  @Field(() => String, { nullable: true, description: "Exactly one of email and accountHandle." })
  email: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "The handle of an account already here; its owners and administrators get the invitation.",
  })
  accountHandle: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Name of the person you deal with at the company.",
  })
  contactName: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "The company's name; defaults to the invited account's name (by handle) or the email's domain.",
  })
  companyName: string | null;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "Whether the partner's people may log in here once active.",
  })
  allowLogin: boolean | null;
}

@InputType({
  description:
    "Input of createPartner: a partner recorded directly (e.g. a guest company without an account).",
})
export class CreatePartnerInput {
  @Field(() => String, { description: "The company's name." }) companyName: string;
  @Field(() => String, {
    nullable: true,
    description: "The company's web domain, e.g. example.com.",
  })
  domain: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Your own reference for the partner; unique in the account.",
  })
  externalId: string | null;
  @Field(() => String, { nullable: true, description: "The company's public website URL." })
  publicUrl: string | null;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "A company without an account here, managed by this account.",
  })
  guest: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "Whether the partner's people may log in here once active.",
  })
  allowLogin: boolean | null;
}

@InputType({ description: "Input of updatePartner: only the fields given change." })
export class UpdatePartnerInput {
  @Field(() => ID, { description: "Global ID of the partner to change." }) partnerId: string;
  @Field(() => String, { nullable: true, description: "A new company name." }) companyName:
    string | null;
  @Field(() => String, {
    nullable: true,
    description: "A new web domain; an empty string clears it.",
  })
  domain: string | null;
  @Field(() => String, {
    nullable: true,
    description: "A new external ID (unique in the account); an empty string clears it.",
  })
  externalId: string | null;
  @Field(() => String, {
    nullable: true,
    description: "A new website URL; an empty string clears it.",
  })
  publicUrl: string | null;
  @Field(() => Boolean, { nullable: true, description: "Whether the partner is a guest company." })
  guest: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "Whether the partner's people may log in here.",
  })
  allowLogin: boolean | null;
}

@ObjectType({ description: "Result of invitePartner, createPartner and updatePartner." })
export class PartnerPayload {
  @Field(() => Partner, {
    nullable: true,
    description: "The partner after the change; null when refused.",
  })
  partner: Partner | null;
  @Field(() => Invitation, {
    nullable: true,
    description: "The invitation sent (invitePartner only).",
  })
  invitation: Invitation | null;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@InputType({ description: "Input of removePartnerFromNetwork." })
export class RemovePartnerFromNetworkInput {
  @Field(() => ID, { description: "Global ID of the partner to remove." }) partnerId: string;
}

@ObjectType({ description: "Result of removePartnerFromNetwork." })
export class RemovePartnerFromNetworkPayload {
  @Field(() => Partner, {
    nullable: true,
    description: "The partner, now REMOVED; null when refused.",
  })
  partner: Partner | null;
  @Field(() => Int, { description: "External members of the partner archived by this call." })
  archivedMemberCount: number;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}
