/** Inputs and payloads of the partner-network mutations, named as in the public contract. */
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { UserError } from "../../graphql/user-error";
import { Invitation } from "../invitations/invitation.type";
import { Partner } from "./partner.type";

@InputType()
export class InvitePartnerInput {
  @Field(() => String, { nullable: true, description: "Exactly one of email and accountHandle." }) email: string | null;
  @Field(() => String, { nullable: true }) accountHandle: string | null;
  @Field(() => String, { nullable: true }) contactName: string | null;
  @Field(() => String, { nullable: true }) companyName: string | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) allowLogin: boolean | null;
}

@InputType()
export class CreatePartnerInput {
  @Field(() => String) companyName: string;
  @Field(() => String, { nullable: true }) domain: string | null;
  @Field(() => String, { nullable: true }) externalId: string | null;
  @Field(() => String, { nullable: true }) publicUrl: string | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) guest: boolean | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) allowLogin: boolean | null;
}

@InputType()
export class UpdatePartnerInput {
  @Field(() => ID) partnerId: string;
  @Field(() => String, { nullable: true }) companyName: string | null;
  @Field(() => String, { nullable: true }) domain: string | null;
  @Field(() => String, { nullable: true }) externalId: string | null;
  @Field(() => String, { nullable: true }) publicUrl: string | null;
  @Field(() => Boolean, { nullable: true }) guest: boolean | null;
  @Field(() => Boolean, { nullable: true }) allowLogin: boolean | null;
}

@ObjectType()
export class PartnerPayload {
  @Field(() => Partner, { nullable: true }) partner: Partner | null;
  @Field(() => Invitation, { nullable: true }) invitation: Invitation | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class RemovePartnerFromNetworkInput {
  @Field(() => ID) partnerId: string;
}

@ObjectType()
export class RemovePartnerFromNetworkPayload {
  @Field(() => Partner, { nullable: true }) partner: Partner | null;
  @Field(() => Int, { description: "External members of the partner archived by this call." }) archivedMemberCount: number;
  @Field(() => [UserError]) userErrors: UserError[];
}
