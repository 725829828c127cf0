import { Alert, Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { isValidEmail, normalizeEmail } from "@pn/shared";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { FormAlert } from "../../../components/form-alert";
import { useFormFields, type Validate } from "../../../hooks/use-form-fields";
import { describeError } from "../../../lib/errors";
import { splitUserErrors } from "../../../lib/user-errors";
import { useRequestPasswordReset } from "../api/password-reset";

const FIELDS = ["email"] as const;
type Values = Record<(typeof FIELDS)[number], string>;

const validate: Validate<Values> = ({ email }) => ({
  email: !email.trim()
    ? "Enter your email address."
    : isValidEmail(email)
      ? undefined
      : "Enter a valid email address.",
});

/** Asks for a reset link. The answer never says whether the address has an account. */
export function ForgotPasswordForm() {
  const [requestReset, { loading }] = useRequestPasswordReset();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useFormFields<Values>({ email: "" }, validate);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setFormErrors([]);
    setRetryable(false);
    if (!form.validateAll()) return;
    const email = normalizeEmail(form.values.email);
    try {
      const { data } = await requestReset({ variables: { input: { email } } });
      const { fieldErrors, formErrors: general } = splitUserErrors(
        data?.requestPasswordReset.userErrors ?? [],
        FIELDS,
      );
      if (general.length > 0 || Object.keys(fieldErrors).length > 0) {
        setFormErrors(general);
        form.showErrors(fieldErrors);
        return;
      }
      setSentTo(email);
    } catch (error) {
      const described = describeError(error);
      setFormErrors([described.message]);
      setRetryable(described.retryable);
    }
  }

  if (sentTo) {
    return (
      <Stack gap="md">
        <Alert color="blue" variant="light" title="Check your inbox" role="status">
          <Text size="sm">
            If an account exists for {sentTo}, we sent a link to choose a new password. It works
            once, for one hour.
          </Text>
        </Alert>
        <Button variant="default" onClick={() => setSentTo(null)}>
          Send another link
        </Button>
        <Text size="sm" ta="center">
          <Anchor component={Link} to="/login" underline="always">
            Back to log in
          </Anchor>
        </Text>
      </Stack>
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <FormAlert messages={formErrors} onRetry={retryable ? () => void submit() : undefined} />
        <TextInput
          label="Email"
          type="email"
          autoComplete="email"
          {...form.getInputProps("email")}
        />
        <Button type="submit" loading={loading} fullWidth>
          Send reset link
        </Button>
        <Text size="sm" ta="center">
          Remembered it?{" "}
          <Anchor component={Link} to="/login" underline="always">
            Log in
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
