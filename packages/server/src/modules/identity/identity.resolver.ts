import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { localIdOf } from "../../graphql/global-id";
import { apiTokensService } from "./api-tokens.service";
import { identityService } from "./identity.service";
import {
  CreateApiTokenInput,
  CreateApiTokenPayload,
  LogInInput,
  LogInPayload,
  LogOutPayload,
  RevokeApiTokenInput,
  RevokeApiTokenPayload,
  SignUpInput,
  SignUpPayload,
  SwitchAccountInput,
  SwitchAccountPayload,
} from "./identity.inputs";

@Resolver()
export class IdentityResolver {
  @Mutation(() => SignUpPayload, {
    description: "Creates a user, their account (they become OWNER) and a session.",
  })
  signUp(
    @Arg("input", () => SignUpInput, { description: "What to do; see the fields of SignUpInput." })
    input: SignUpInput,
    @Ctx() context: Context,
  ): Promise<SignUpPayload> {
    return identityService.signUp(context, input);
  }

  @Mutation(() => LogInPayload, {
    description: "Starts a session (cookie) in the user's first account.",
  })
  logIn(
    @Arg("input", () => LogInInput, { description: "What to do; see the fields of LogInInput." })
    input: LogInInput,
    @Ctx() context: Context,
  ): Promise<LogInPayload> {
    return identityService.logIn(context, input);
  }

  @Mutation(() => LogOutPayload, { description: "Ends the current session on the server." })
  logOut(@Ctx() context: Context): Promise<LogOutPayload> {
    return identityService.logOut(context);
  }

  @Mutation(() => SwitchAccountPayload, {
    description: "Makes another of the viewer's accounts the current one.",
  })
  switchAccount(
    @Arg("input", () => SwitchAccountInput, {
      description: "What to do; see the fields of SwitchAccountInput.",
    })
    input: SwitchAccountInput,
    @Ctx() context: Context,
  ): Promise<SwitchAccountPayload> {
    return identityService.switchAccount(context, input.accountId);
  }

  @Mutation(() => CreateApiTokenPayload, {
    description:
      "OWNER/ADMINISTRATOR, signed in as a person (an API token cannot; FORBIDDEN): creates an API token, optionally expiring; the secret is returned once.",
  })
  createApiToken(
    @Arg("input", () => CreateApiTokenInput, {
      description: "What to do; see the fields of CreateApiTokenInput.",
    })
    input: CreateApiTokenInput,
    @Ctx() context: Context,
  ): Promise<CreateApiTokenPayload> {
    return apiTokensService.create(context, input);
  }

  @Mutation(() => RevokeApiTokenPayload, {
    description:
      "OWNER/ADMINISTRATOR, signed in as a person (an API token cannot; FORBIDDEN): revokes an API token at once.",
  })
  revokeApiToken(
    @Arg("input", () => RevokeApiTokenInput, {
      description: "What to do; see the fields of RevokeApiTokenInput.",
    })
    input: RevokeApiTokenInput,
    @Ctx() context: Context,
  ): Promise<RevokeApiTokenPayload> {
    return apiTokensService.revoke(context, localIdOf(input.apiTokenId, "ApiToken"));
  }
}
