import { UserErrorCode } from "@pn/shared";
import { Field, ObjectType } from "type-graphql";
import "./enums";

@ObjectType({
  description:
    "A business or validation failure of a mutation; nothing was changed when any is returned.",
})
export class UserError {
  @Field(() => [String], {
    nullable: true,
    description:
      'Path to the input field at fault, e.g. ["invitees", "2", "email"]; null when not tied to one field.',
  })
  field: string[] | null;

  @Field(() => String, { description: "Human-readable explanation, safe to show to the user." })
  message: string;

  @Field(() => UserErrorCode, {
    description: "Machine-readable reason; branch on this, not on `message`.",
  })
  code: UserErrorCode;

  @Field(() => Date, {
    nullable: true,
    description:
      "With RATE_LIMITED: the earliest time a retry can succeed (e.g. when an invitation may be resent); null otherwise.",
  })
  retryAfter?: Date | null;
}

export function userError(
  code: UserErrorCode,
  message: string,
  field: (string | number)[] | null = null,
): UserError {
  return { code, message, field: field ? field.map(String) : null };
}
