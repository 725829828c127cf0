/** Inputs and payloads of the identity mutations, named as in the public contract. */
import { ApiScope } from "@pn/shared";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import "../../graphql/enums";
import { UserError } from "../../graphql/user-error";
import { Account } from "../accounts/account.type";
import { ApiToken } from "./api-token.type";
import { User } from "./user.type";

@InputType({ description: "Input of signUp: a new user with a new account they own." })
export class SignUpInput {
  @Field(() => String, {
    description:
      "The new user's email. The answer is the same whether it belongs to a user already (that address then gets a notice instead of a verification link).",
  })
  email: string;
  @Field(() => String, { description: "10 to 256 characters." }) password: string;
  @Field(() => String, { description: "The new user's display name." }) name: string;
  @Field(() => String, { description: "The new account's name; its handle is derived from it." })
  accountName: string;
}

@ObjectType({
  description:
    "Result of signUp. No session starts: the person follows the emailed verification link (verifyEmail), which signs them in.",
})
export class SignUpPayload {
  @Field(() => User, {
    nullable: true,
    description:
      "Always null: an answer naming the user would tell a new email from a taken one. Kept for compatibility.",
    deprecationReason:
      "Always null: sign-up answers the same for every email (docs/api.md, Identity and verification). Removal: 2027-06-01",
  })
  user: User | null;
  @Field(() => Account, {
    nullable: true,
    description:
      "Always null, for the same reason as `user`; the account exists once the email is verified and the person logs in.",
    deprecationReason:
      "Always null: sign-up answers the same for every email (docs/api.md, Identity and verification). Removal: 2027-06-01",
  })
  account: Account | null;
  @Field(() => Boolean, {
    description:
      'True when the sign-up was taken: "check your inbox", the same for a new and a taken email.',
  })
  verificationEmailSent: boolean;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@InputType({ description: "Input of logIn." })
export class LogInInput {
  @Field(() => String, { description: "The user's email (case-insensitive)." }) email: string;
  @Field(() => String, { description: "The user's password." }) password: string;
}

@ObjectType({ description: "Result of logIn; the session cookie is set on success." })
export class LogInPayload {
  @Field(() => User, {
    nullable: true,
    description: "The signed-in user; null when the credentials are wrong.",
  })
  user: User | null;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of logOut." })
export class LogOutPayload {
  @Field(() => Boolean, { description: "True when a session was ended." }) ok: boolean;
}

@InputType({ description: "Input of switchAccount." })
export class SwitchAccountInput {
  @Field(() => ID, { description: "An account the viewer has an active membership with login in." })
  accountId: string;
}

@ObjectType({ description: "Result of switchAccount." })
export class SwitchAccountPayload {
  @Field(() => Account, {
    nullable: true,
    description: "The account the session now acts in; null when refused.",
  })
  account: Account | null;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@InputType({ description: "Input of createApiToken." })
export class CreateApiTokenInput {
  @Field(() => String, { description: "A name to recognise the token by; 1 to 100 characters." })
  name: string;
  @Field(() => [ApiScope], { description: "READ for queries only, WRITE for mutations too." })
  scopes: ApiScope[];
  @Field(() => Date, {
    nullable: true,
    description:
      "When the token stops working: in the future and at most 366 days ahead. Omitted or null: until revoked.",
  })
  expiresAt?: Date | null;
}

@ObjectType({ description: "Result of createApiToken." })
export class CreateApiTokenPayload {
  @Field(() => ApiToken, {
    nullable: true,
    description: "The new token (without its secret); null when refused.",
  })
  apiToken: ApiToken | null;
  @Field(() => String, { nullable: true, description: "The token itself, shown exactly once." })
  secret: string | null;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@InputType({ description: "Input of revokeApiToken." })
export class RevokeApiTokenInput {
  @Field(() => ID, { description: "Global ID of the token to revoke." }) apiTokenId: string;
}

@ObjectType({ description: "Result of revokeApiToken." })
export class RevokeApiTokenPayload {
  @Field(() => ApiToken, {
    nullable: true,
    description: "The token, now revoked; null when refused.",
  })
  apiToken: ApiToken | null;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@InputType({ description: "Input of verifyEmail." })
export class VerifyEmailInput {
  @Field(() => String, {
    description: "The secret from the emailed link (`/verify-email#token=<secret>`).",
  })
  token: string;
}

@ObjectType({
  description:
    "Result of verifyEmail; signs the person in (sets the session cookie) when the request is not already theirs.",
})
export class VerifyEmailPayload {
  @Field(() => User, {
    nullable: true,
    description: "The user whose email is now verified; null when refused.",
  })
  user: User | null;
  @Field(() => [UserError], {
    description:
      "INVALID (unknown link), ALREADY_ACCEPTED (used already), EXPIRED (older than 24 hours: ask for a new link).",
  })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of resendVerificationEmail." })
export class ResendVerificationEmailPayload {
  @Field(() => Boolean, { description: "True when a new link was sent." })
  sent: boolean;
  @Field(() => [UserError], {
    description:
      "RATE_LIMITED (one a minute, five a day; the message says when), INVALID_STATE (verified already).",
  })
  userErrors: UserError[];
}
