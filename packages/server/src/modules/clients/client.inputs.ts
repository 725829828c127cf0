/** Inputs and payloads of the client mutations, named as in the public contract. */
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { UserError } from "../../graphql/user-error";
import { Invitation } from "../invitations/invitation.type";
import { Client } from "./client.type";

@InputType({
  description:
    "Input of inviteClient: a person invited by email, with the team that will serve them.",
})
export class InviteClientInput {
  @Field(() => String, { description: "The client's full name." }) name: string;
  @Field(() => String, {
    description: "Where the invitation email goes; unique among the account's clients.",
  })
  email: string;
  @Field(() => String, { nullable: true, description: "Optional phone number, as typed." }) phone:
    string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Optional title or role at their company ("Head of purchasing").',
  })
  title?: string | null;
  @Field(() => [ID], { description: "Active people of your account; the first leads the team." })
  teamMemberIds: string[];
}

@ObjectType({ description: "Result of inviteClient." })
export class ClientPayload {
  @Field(() => Client, {
    nullable: true,
    description: "The new client (INVITED); null when refused.",
  })
  client: Client | null;
  @Field(() => Invitation, {
    nullable: true,
    description: "The email invitation sent to the client (valid 48 hours).",
  })
  invitation: Invitation | null;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@InputType({
  description: "Input of updateClient: omitted fields stay as they are, an empty string clears.",
})
export class UpdateClientInput {
  @Field(() => ID, { description: "Global ID of the client to change." }) clientId: string;
  @Field(() => String, {
    nullable: true,
    description: "The client's title or role at their company; an empty string removes it.",
  })
  title?: string | null;
}

@ObjectType({ description: "Result of updateClient." })
export class UpdateClientPayload {
  @Field(() => Client, {
    nullable: true,
    description: "The client after the change; null when refused.",
  })
  client: Client | null;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@InputType({ description: "Input of createClientInviteLink." })
export class CreateClientInviteLinkInput {
  @Field(() => [ID], {
    description: "The team every client signing up through the link gets; the first leads.",
  })
  teamMemberIds: string[];
}

@ObjectType({ description: "Result of createClientInviteLink." })
export class ClientInviteLinkPayload {
  @Field(() => Invitation, {
    nullable: true,
    description: "The link's invitation (kind CLIENT, no email); revoke it to stop the link.",
  })
  invitation: Invitation | null;
  @Field(() => String, {
    nullable: true,
    description:
      "The shareable URL, shown once: valid 30 days, for any number of sign-ups, revocable.",
  })
  url: string | null;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@InputType({
  description:
    "CSV with a header row: First Name,Last Name,Email,Phone Number,Team and an optional Title (Team = the email of an internal member; several separated by ';', the first is lead).",
})
export class ImportClientsInput {
  @Field(() => String, { description: "The CSV text, header row included." }) csv: string;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      "Update names and phones of clients that exist (matched by email), and their titles when the file has a Title column.",
  })
  updateExisting: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "Report each row's outcome and change nothing.",
  })
  dryRun: boolean | null;
}
