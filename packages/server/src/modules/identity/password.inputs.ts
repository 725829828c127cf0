/** Inputs and payloads of the password and session mutations, named as in the public contract. */
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { UserError } from "../../graphql/user-error";
import { User } from "./user.type";

@InputType({ description: "Input of changePassword." })
export class ChangePasswordInput {
  @Field(() => String, { description: "The password the person signs in with now." })
  currentPassword: string;
  @Field(() => String, { description: "The new password; 10 to 256 characters." })
  newPassword: string;
}

@ObjectType({ description: "Result of changePassword; the current session stays signed in." })
export class ChangePasswordPayload {
  @Field(() => User, { nullable: true, description: "The signed-in user; null when refused." })
  user: User | null;
  @Field(() => Int, { description: "How many other sessions of the person were signed out." })
  endedSessionCount: number;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@InputType({ description: "Input of requestPasswordReset." })
export class RequestPasswordResetInput {
  @Field(() => String, { description: "The sign-in email to send the reset link to." })
  email: string;
}

@ObjectType({
  description:
    "Result of requestPasswordReset: the same whether or not the email belongs to a user.",
})
export class RequestPasswordResetPayload {
  @Field(() => Boolean, {
    description: "True when the request was taken; a link goes out if the email has an account.",
  })
  ok: boolean;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing (an invalid email, RATE_LIMITED); else empty.",
  })
  userErrors: UserError[];
}

@InputType({ description: "Input of resetPassword." })
export class ResetPasswordInput {
  @Field(() => String, {
    description: "The secret from the emailed link (after `#token=`); it works once, for 1 hour.",
  })
  token: string;
  @Field(() => String, { description: "The new password; 10 to 256 characters." })
  newPassword: string;
}

@ObjectType({
  description:
    "Result of resetPassword; on success every earlier session has ended and a new session cookie is set.",
})
export class ResetPasswordPayload {
  @Field(() => User, {
    nullable: true,
    description: "The user, now signed in here; null when refused.",
  })
  user: User | null;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@InputType({ description: "Input of endSession." })
export class EndSessionInput {
  @Field(() => ID, { description: "Global ID of one of the viewer's own sessions." })
  sessionId: string;
}

@ObjectType({ description: "Result of endSession." })
export class EndSessionPayload {
  @Field(() => ID, { nullable: true, description: "The ended session's ID; null when refused." })
  endedSessionId: string | null;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of endOtherSessions." })
export class EndOtherSessionsPayload {
  @Field(() => Int, { description: "How many sessions were signed out." })
  endedSessionCount: number;
  @Field(() => [UserError], {
    description: "Why the mutation changed nothing; empty when it succeeded.",
  })
  userErrors: UserError[];
}
