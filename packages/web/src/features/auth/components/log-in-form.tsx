import { useApolloClient } from "@apollo/client/react";
import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { isValidEmail, normalizeEmail, TEXT_LIMITS } from "@pn/shared";
import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { FormAlert } from "../../../components/form-alert";
import { useFormFields, type Validate } from "../../../hooks/use-form-fields";
import { describeError } from "../../../lib/errors";
import { safeNextPath } from "../../../lib/safe-redirect";
import { splitUserErrors } from "../../../lib/user-errors";
import { useLogIn } from "../api/log-in";

const FIELDS = ["email", "password"] as const;
type Values = Record<(typeof FIELDS)[number], string>;

const validate: Validate<Values> = ({ email, password }) => ({
  email: !email.trim()
    ? "Enter your email address."
    : isValidEmail(email)
      ? undefined
      : "Enter a valid email address.",
  password: password ? undefined : "Enter your password.",
});

export function LogInForm() {
  const client = useApolloClient();
  const [logIn, { loading }] = useLogIn();
  const [resetting, setResetting] = useState(false);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);
  const form = useFormFields<Values>({ email: "", password: "" }, validate);
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get("next"));

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setFormErrors([]);
    setRetryable(false);
    if (!form.validateAll()) return;
    try {
      const { data } = await logIn({
        variables: {
          input: { email: normalizeEmail(form.values.email), password: form.values.password },
        },
      });
      const { fieldErrors, formErrors: general } = splitUserErrors(
        data?.logIn.userErrors ?? [],
        FIELDS,
      );
      if (general.length > 0 || Object.keys(fieldErrors).length > 0) {
        setFormErrors(general);
        form.showErrors(fieldErrors);
        return;
      }
      // Everything cached belonged to nobody: reload it all as the new user. The viewer
      // reloads signed in, and the route guard goes on to `next`.
      setResetting(true);
      await client.resetStore();
    } catch (error) {
      const described = describeError(error);
      setFormErrors([described.message]);
      setRetryable(described.retryable);
    } finally {
      setResetting(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <FormAlert messages={formErrors} onRetry={retryable ? () => void submit() : undefined} />
        <TextInput
          maxLength={TEXT_LIMITS.email}
          label="Email"
          type="email"
          autoComplete="email"
          {...form.getInputProps("email")}
        />
        <PasswordInput
          maxLength={TEXT_LIMITS.password}
          label="Password"
          autoComplete="current-password"
          {...form.getInputProps("password")}
        />
        <Anchor component={Link} to="/forgot-password" size="sm" style={{ alignSelf: "flex-end" }}>
          Forgot password?
        </Anchor>
        <Button type="submit" loading={loading || resetting} fullWidth>
          Log in
        </Button>
        <Text size="sm" ta="center">
          New to Partner Network?{" "}
          <Anchor
            component={Link}
            to={next ? `/signup?next=${encodeURIComponent(next)}` : "/signup"}
          >
            Create an account
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
