import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import {
  ChangePasswordInput,
  ChangePasswordPayload,
  RequestPasswordResetInput,
  RequestPasswordResetPayload,
  ResetPasswordInput,
  ResetPasswordPayload,
} from "./password.inputs";
import { passwordsService } from "./passwords.service";

@Resolver()
export class PasswordResolver {
  @Mutation(() => ChangePasswordPayload, {
    description:
      "Signed-in person (session only): sets a new password; every other session of theirs ends.",
  })
  changePassword(
    @Arg("input", () => ChangePasswordInput, {
      description: "What to do; see the fields of ChangePasswordInput.",
    })
    input: ChangePasswordInput,
    @Ctx() context: Context,
  ): Promise<ChangePasswordPayload> {
    return passwordsService.changePassword(context, input);
  }

  @Mutation(() => RequestPasswordResetPayload, {
    description:
      "Public: emails a reset link if the address has an account; answers the same either way.",
  })
  requestPasswordReset(
    @Arg("input", () => RequestPasswordResetInput, {
      description: "What to do; see the fields of RequestPasswordResetInput.",
    })
    input: RequestPasswordResetInput,
    @Ctx() context: Context,
  ): Promise<RequestPasswordResetPayload> {
    return passwordsService.requestPasswordReset(context, input);
  }

  @Mutation(() => ResetPasswordPayload, {
    description:
      "Public: sets a new password with an emailed reset link, ends every session and signs in here.",
  })
  resetPassword(
    @Arg("input", () => ResetPasswordInput, {
      description: "What to do; see the fields of ResetPasswordInput.",
    })
    input: ResetPasswordInput,
    @Ctx() context: Context,
  ): Promise<ResetPasswordPayload> {
    return passwordsService.resetPassword(context, input);
  }
}
