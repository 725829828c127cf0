import { useApolloClient } from "@apollo/client/react";
import { Alert, Anchor, Button, PasswordInput, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { PASSWORD_MIN_LENGTH, passwordProblem } from "@pn/shared";
import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import { FormAlert } from "../../../components/form-alert";
import { useFormFields, type Validate } from "../../../hooks/use-form-fields";
import { describeError } from "../../../lib/errors";
import { splitUserErrors } from "../../../lib/user-errors";
import { useResetPassword } from "../api/password-reset";

// `newPassword` is named like the server's input field; `token` errors concern the link.
const FIELDS = ["newPassword", "confirmPassword"] as const;
type Values = Record<(typeof FIELDS)[number], string>;

const validate: Validate<Values> = ({ newPassword, confirmPassword }) => ({
  newPassword: passwordProblem(newPassword) ?? undefined,
  confirmPassword:
    confirmPassword === newPassword ? undefined : "The two new passwords do not match.",
});

/** A link the person cannot use (unknown, used, expired): say so and offer a new one. */
export function BadResetLink({ message }: { message: string }) {
  return (
    <Stack gap="md">
      <Alert color="red" variant="light" title="This link does not work" role="alert">
        <Text size="sm">{message}</Text>
      </Alert>
      <Button component={Link} to="/forgot-password" fullWidth>
        Ask for a new link
      </Button>
    </Stack>
  );
}

/**
 * Sets a new password with the emailed link's token. On success the server has ended every
 * other session and signed this browser in, so the whole cache reloads as that person.
 */
export function ResetPasswordForm({ token }: { token: string }) {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [resetPassword, { loading }] = useResetPassword();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  const [finishing, setFinishing] = useState(false);
  const form = useFormFields<Values>({ newPassword: "", confirmPassword: "" }, validate);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setFormErrors([]);
    setRetryable(false);
    if (!form.validateAll()) return;
    try {
      const { data } = await resetPassword({
        variables: { input: { token, newPassword: form.values.newPassword } },
      });
      const userErrors = data?.resetPassword.userErrors ?? [];
      const tokenProblem = userErrors.find((problem) => problem.field?.[0] === "token");
      if (tokenProblem) {
        setLinkProblem(tokenProblem.message);
        return;
      }
      const { fieldErrors, formErrors: general } = splitUserErrors(userErrors, FIELDS);
      if (general.length > 0 || Object.keys(fieldErrors).length > 0) {
        setFormErrors(general);
        form.showErrors(fieldErrors);
        return;
      }
      setFinishing(true);
      // Signed in now, as the person whose password this is: nothing cached may stay.
      await client.resetStore().catch(() => undefined);
      notifications.show({
        color: "green",
        title: "Password changed",
        message: "You are signed in. Every other session was signed out.",
      });
      await navigate("/", { replace: true });
    } catch (error) {
      const described = describeError(error);
      setFormErrors([described.message]);
      setRetryable(described.retryable);
    } finally {
      setFinishing(false);
    }
  }

  if (linkProblem) return <BadResetLink message={linkProblem} />;

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <FormAlert messages={formErrors} onRetry={retryable ? () => void submit() : undefined} />
        <PasswordInput
          label="New password"
          description={`At least ${PASSWORD_MIN_LENGTH} characters.`}
          autoComplete="new-password"
          {...form.getInputProps("newPassword")}
        />
        <PasswordInput
          label="Repeat new password"
          autoComplete="new-password"
          {...form.getInputProps("confirmPassword")}
        />
        <Button type="submit" loading={loading || finishing} fullWidth>
          Set new password
        </Button>
        <Text size="sm" c="dimmed">
          Setting a new password signs you out on every device.{" "}
          <Anchor component={Link} to="/login" underline="always">
            Back to log in
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
