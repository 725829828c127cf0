/** Inputs and payloads of the client mutations, named as in the public contract. */
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { UserError } from "../../graphql/user-error";
import { Invitation } from "../invitations/invitation.type";
import { Client } from "./client.type";

@InputType()
export class InviteClientInput {
  @Field(() => String) name: string;
  @Field(() => String) email: string;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => [ID], { description: "Active people of your account; the first leads the team." }) teamMemberIds: string[];
}

@ObjectType()
export class ClientPayload {
  @Field(() => Client, { nullable: true }) client: Client | null;
  @Field(() => Invitation, { nullable: true }) invitation: Invitation | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class CreateClientInviteLinkInput {
  @Field(() => [ID], { description: "The team every client signing up through the link gets; the first leads." }) teamMemberIds: string[];
}

@ObjectType()
export class ClientInviteLinkPayload {
  @Field(() => Invitation, { nullable: true }) invitation: Invitation | null;
  @Field(() => String, { nullable: true, description: "The shareable URL, shown once: valid 30 days, for any number of sign-ups, revocable." })
  url: string | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType({
  description:
    "CSV with a header row: First Name,Last Name,Email,Phone Number,Team (Team = the email of an internal member; several separated by ';', the first is lead).",
})
export class ImportClientsInput {
  @Field(() => String) csv: string;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Update names and phones of clients that exist (matched by email)." })
  updateExisting: boolean | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) dryRun: boolean | null;
}
