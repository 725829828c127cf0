/** Inputs and payloads of the identity mutations, named as in the public contract. */
import { ApiScope } from "@pn/shared";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import "../../graphql/enums";
import { UserError } from "../../graphql/user-error";
import { Account } from "../accounts/account.type";
import { ApiToken } from "./api-token.type";
import { User } from "./user.type";

@InputType()
export class SignUpInput {
  @Field(() => String) email: string;
  @Field(() => String, { description: "10 to 256 characters." }) password: string;
  @Field(() => String) name: string;
  @Field(() => String, { description: "The new account's name; its handle is derived from it." }) accountName: string;
}

@ObjectType()
export class SignUpPayload {
  @Field(() => User, { nullable: true }) user: User | null;
  @Field(() => Account, { nullable: true }) account: Account | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class LogInInput {
  @Field(() => String) email: string;
  @Field(() => String) password: string;
}

@ObjectType()
export class LogInPayload {
  @Field(() => User, { nullable: true }) user: User | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class LogOutPayload {
  @Field(() => Boolean, { description: "True when a session was ended." }) ok: boolean;
}

@InputType()
export class SwitchAccountInput {
  @Field(() => ID, { description: "An account the viewer has an active membership with login in." }) accountId: string;
}

@ObjectType()
export class SwitchAccountPayload {
  @Field(() => Account, { nullable: true }) account: Account | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class CreateApiTokenInput {
  @Field(() => String) name: string;
  @Field(() => [ApiScope]) scopes: ApiScope[];
}

@ObjectType()
export class CreateApiTokenPayload {
  @Field(() => ApiToken, { nullable: true }) apiToken: ApiToken | null;
  @Field(() => String, { nullable: true, description: "The token itself, shown exactly once." }) secret: string | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class RevokeApiTokenInput {
  @Field(() => ID) apiTokenId: string;
}

@ObjectType()
export class RevokeApiTokenPayload {
  @Field(() => ApiToken, { nullable: true }) apiToken: ApiToken | null;
  @Field(() => [UserError]) userErrors: UserError[];
}
