import { toGlobalId } from "@pn/shared";
import { Field, ObjectType } from "type-graphql";
import { Node, type Typed } from "../../graphql/node";

@ObjectType({ implements: Node, description: "A person, who may be a member of several accounts." })
export class User extends Node implements Typed<"User"> {
  __typename: "User";
  localId: string;

  @Field(() => String, { description: "Sign-in email, unique across the product." })
  email: string;

  @Field(() => String, { description: "The person's display name, the same in every account." })
  name: string;

  @Field(() => Boolean, {
    description:
      "Whether the person confirmed their email (a verification link or an invitation's emailed link). Until then the SPA shows a banner, and memberships others created for the email stay out of reach.",
  })
  emailVerified: boolean;
}

export type UserRow = { id: string; email: string; name: string; email_verified_at: Date | null };

export function toUser(row: UserRow): User {
  return {
    __typename: "User",
    id: toGlobalId("User", row.id),
    localId: row.id,
    email: row.email,
    name: row.name,
    emailVerified: row.email_verified_at !== null,
  };
}
