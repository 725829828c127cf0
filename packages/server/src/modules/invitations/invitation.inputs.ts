/** Inputs and payloads of the invitation mutations, named as in the public contract. */
import { Role } from "@pn/shared";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import "../../graphql/enums";
import { UserError } from "../../graphql/user-error";
import { AccountSummary } from "../accounts/account.type";
import { Member } from "../members/member.type";
import { ImportRow, Invitation } from "./invitation.type";

@InputType()
export class InviteeInput {
  @Field(() => String) email: string;
  @Field(() => Role, { description: "ADMINISTRATOR, EDITOR or VIEWER." }) role: Role;
}

@InputType()
export class InviteUsersInput {
  @Field(() => [InviteeInput], { description: "All are invited or, when any is refused, none." }) invitees: InviteeInput[];
}

@ObjectType()
export class InviteUsersPayload {
  @Field(() => [Invitation]) invitations: Invitation[];
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType({ description: "CSV with a header row: email,role (role one of Viewer, Editor, Administrator; case-insensitive)." })
export class ImportUserInvitationsInput {
  @Field(() => String) csv: string;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Report each row's outcome and change nothing." })
  dryRun: boolean | null;
}

@ObjectType()
export class ImportPayload {
  @Field(() => [ImportRow]) rows: ImportRow[];
  @Field(() => Int) created: number;
  @Field(() => Int) updated: number;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class ResendInvitationInput {
  @Field(() => ID) invitationId: string;
}

@InputType()
export class RevokeInvitationInput {
  @Field(() => ID) invitationId: string;
}

@ObjectType()
export class InvitationPayload {
  @Field(() => Invitation, { nullable: true }) invitation: Invitation | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class AcceptInvitationInput {
  @Field(() => String) token: string;
  @Field(() => String, { nullable: true, description: "For a new user: name and password create the user with the invitation's email." })
  name: string | null;
  @Field(() => String, { nullable: true }) password: string | null;
  @Field(() => String, { nullable: true, description: "Shareable link invitations only (they carry no email): the new client's email." })
  email: string | null;
  @Field(() => ID, { nullable: true, description: "PARTNER invitations: link one of your existing accounts (you must administer it) ..." })
  partnerAccountId: string | null;
  @Field(() => String, { nullable: true, description: "... or create a new account with this name." })
  accountName: string | null;
}

@ObjectType()
export class AcceptInvitationPayload {
  @Field(() => AccountSummary, { nullable: true }) account: AccountSummary | null;
  @Field(() => Member, { nullable: true }) member: Member | null;
  @Field(() => [UserError]) userErrors: UserError[];
}
