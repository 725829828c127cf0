import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { localIdOf } from "../../graphql/global-id";
import { apiTokensService } from "./api-tokens.service";
import { emailVerificationService } from "./email-verification.service";
import { identityService } from "./identity.service";
import {
  CreateApiTokenInput,
  CreateApiTokenPayload,
  LogInInput,
  LogInPayload,
  LogOutPayload,
  ResendVerificationEmailPayload,
  RevokeApiTokenInput,
  RevokeApiTokenPayload,
  SignUpInput,
  SignUpPayload,
  SwitchAccountInput,
  SwitchAccountPayload,
  VerifyEmailInput,
  VerifyEmailPayload,
} from "./identity.inputs";

@Resolver()
export class IdentityResolver {
  @Mutation(() => SignUpPayload, {
    description:
      "Creates a user (email unverified), their account (they become OWNER) and sends a verification link; no session starts. A taken email gets the same answer and creates nothing. Rate limited per IP.",
  })
  signUp(
    @Arg("input", () => SignUpInput, { description: "What to do; see the fields of SignUpInput." })
    input: SignUpInput,
    @Ctx() context: Context,
  ): Promise<SignUpPayload> {
    return identityService.signUp(context, input);
  }

  @Mutation(() => VerifyEmailPayload, {
    description:
      "Confirms the email of the user a verification link was sent to, and signs them in when the caller is not them.",
  })
  verifyEmail(
    @Arg("input", () => VerifyEmailInput, {
      description: "What to do; see the fields of VerifyEmailInput.",
    })
    input: VerifyEmailInput,
    @Ctx() context: Context,
  ): Promise<VerifyEmailPayload> {
    return emailVerificationService.verifyEmail(context, input.token);
  }

  @Mutation(() => ResendVerificationEmailPayload, {
    description: "Signed-in, unverified: sends a new verification link to the viewer's email.",
  })
  resendVerificationEmail(@Ctx() context: Context): Promise<ResendVerificationEmailPayload> {
    return emailVerificationService.resend(context);
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
