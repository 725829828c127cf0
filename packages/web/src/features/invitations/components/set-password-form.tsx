import { Button, PasswordInput, Stack, Text } from "@mantine/core";
import { PASSWORD_MIN_LENGTH, passwordProblem, TEXT_LIMITS } from "@pn/shared";
import { type FormEvent, useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import { useFormFields } from "../../../hooks/use-form-fields";
import { describeError } from "../../../lib/errors";
import { splitUserErrors } from "../../../lib/user-errors";
import { deadLinkReason } from "../accept-outcome";
import { useAcceptInvitation } from "../api/accept-invitation";
import type { InvitationPreview } from "../api/get-invitation-preview";
import type { UnavailableReason } from "./invitation-unavailable";
import { LogInToAccept } from "./log-in-to-accept";

const FIELDS = ["password"] as const;

export interface SetPasswordFormProps {
  token: string;
  invitation: InvitationPreview;
  /** The path to log in and come back here. */
  logInPath: string;
  onAccepted: (accountName: string) => void;
  onUnavailable: (reason: UnavailableReason) => void;
}

/**
 * A LOGIN invitation: someone an account added (a partner's person) was allowed to log in and
 * has no password yet. They choose one here and are signed in. If they have set one since, the
 * server asks them to log in instead (SIGN_IN_REQUIRED).
 */
export function SetPasswordForm({
  token,
  invitation,
  logInPath,
  onAccepted,
  onUnavailable,
}: SetPasswordFormProps) {
  const [acceptInvitation, { loading }] = useAcceptInvitation();
  const form = useFormFields({ password: "" }, ({ password }) => ({
    password: passwordProblem(password) ?? undefined,
  }));
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);
  const [signInRequired, setSignInRequired] = useState<string | null>(null);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setFormErrors([]);
    setRetryable(false);
    if (!form.validateAll()) return;
    try {
      const { data } = await acceptInvitation({
        variables: { input: { token, password: form.values.password } },
      });
      const userErrors = data?.acceptInvitation.userErrors ?? [];
      const signIn = userErrors.find((error) => error.code === "SIGN_IN_REQUIRED");
      if (signIn) {
        setSignInRequired(signIn.message);
        return;
      }
      const reason = deadLinkReason(userErrors);
      if (reason) {
        onUnavailable(reason);
        return;
      }
      if (userErrors.length > 0) {
        const { fieldErrors, formErrors: general } = splitUserErrors(userErrors, FIELDS);
        setFormErrors(general);
        form.showErrors(fieldErrors);
        return;
      }
      onAccepted(data?.acceptInvitation.account?.name ?? invitation.accountName);
    } catch (error) {
      const described = describeError(error);
      setFormErrors([described.message]);
      setRetryable(described.retryable);
    }
  }

  if (signInRequired) {
    return (
      <LogInToAccept email={invitation.email} message={signInRequired} logInPath={logInPath} />
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Choose a password for {invitation.email ?? "your email"}: you will log in with it.
        </Text>
        <FormAlert messages={formErrors} onRetry={retryable ? () => void submit() : undefined} />
        <PasswordInput
          maxLength={TEXT_LIMITS.password}
          label="Password"
          description={`At least ${PASSWORD_MIN_LENGTH} characters.`}
          autoComplete="new-password"
          {...form.getInputProps("password")}
        />
        <Button type="submit" loading={loading} fullWidth>
          Set password and log in
        </Button>
      </Stack>
    </form>
  );
}
