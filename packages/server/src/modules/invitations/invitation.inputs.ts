/** Inputs and payloads of the invitation mutations, named as in the public contract. */
import { Role } from "@pn/shared";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import "../../graphql/enums";
import { UserError } from "../../graphql/user-error";
import { AccountSummary } from "../accounts/account.type";
import { Member } from "../members/member.type";
import { ImportRow, Invitation } from "./invitation.type";

@InputType({ description: "One person to invite." })
export class InviteeInput {
  @Field(() => String, { description: "Where the invitation goes." }) email: string;
  @Field(() => Role, { description: "ADMINISTRATOR, EDITOR or VIEWER." }) role: Role;
}

@InputType({ description: "Input of inviteUsers." })
export class InviteUsersInput {
  @Field(() => [InviteeInput], { description: "All are invited or, when any is refused, none." })
  invitees: InviteeInput[];
}

@ObjectType({ description: "Result of inviteUsers." })
export class InviteUsersPayload {
  @Field(() => [Invitation], {
    description: "The invitations created, in the order of `invitees`; empty when refused.",
  })
  invitations: Invitation[];
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@InputType({
  description:
    "CSV with a header row: email,role (role one of Viewer, Editor, Administrator; case-insensitive).",
})
export class ImportUserInvitationsInput {
  @Field(() => String, { description: "The CSV text, header row included." }) csv: string;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "Report each row's outcome and change nothing.",
  })
  dryRun: boolean | null;
}

@ObjectType({ description: "Result of a CSV import: one row per data line." })
export class ImportPayload {
  @Field(() => [ImportRow], { description: "Each data line's outcome, in file order." })
  rows: ImportRow[];
  @Field(() => Int, { description: "Rows created (or, in a dry run, that would be)." })
  created: number;
  @Field(() => Int, { description: "Rows updated (or, in a dry run, that would be)." })
  updated: number;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@InputType({ description: "Input of resendInvitation." })
export class ResendInvitationInput {
  @Field(() => ID, {
    description: "Global ID of a PENDING or EXPIRED user, client (by email) or partner invitation.",
  })
  invitationId: string;
}

@InputType({ description: "Input of revokeInvitation." })
export class RevokeInvitationInput {
  @Field(() => ID, { description: "Global ID of the invitation (or shareable link) to revoke." })
  invitationId: string;
}

@ObjectType({ description: "Result of resendInvitation and revokeInvitation." })
export class InvitationPayload {
  @Field(() => Invitation, {
    nullable: true,
    description: "The invitation after the change; null when refused.",
  })
  invitation: Invitation | null;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@InputType({ description: "Input of acceptInvitation." })
export class AcceptInvitationInput {
  @Field(() => String, { description: "The token from the invitation link." }) token: string;
  @Field(() => String, {
    nullable: true,
    description: "For a new user: name and password create the user with the invitation's email.",
  })
  name: string | null;
  @Field(() => String, {
    nullable: true,
    description: "For a new user: their password (10 to 256 characters).",
  })
  password: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Shareable link invitations only (they carry no email): the new client's email.",
  })
  email: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      "PARTNER invitations: link one of your existing accounts (you must administer it) ...",
  })
  partnerAccountId: string | null;
  @Field(() => String, {
    nullable: true,
    description: "... or create a new account with this name.",
  })
  accountName: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "Shareable client links: the `claim` secret from the confirmation email's link (`/invite/<token>#claim=<secret>`); completes the acceptance the typed email asked for.",
  })
  claimToken: string | null;
}

@ObjectType({ description: "Result of acceptInvitation." })
export class AcceptInvitationPayload {
  @Field(() => AccountSummary, {
    nullable: true,
    description: "The account the invitation came from; null when refused.",
  })
  account: AccountSummary | null;
  @Field(() => Member, {
    nullable: true,
    description:
      "The caller's member record created by accepting; null for a partner invitation or when refused.",
  })
  member: Member | null;
  @Field(() => Boolean, {
    description:
      'Shareable client links: true when nothing was created yet and a confirmation link went to the typed email ("check your inbox").',
  })
  verificationEmailSent: boolean;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}
