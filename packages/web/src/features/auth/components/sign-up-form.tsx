import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import {
  isValidEmail,
  NAME_MAX_LENGTH,
  normalizeEmail,
  PASSWORD_MIN_LENGTH,
  passwordProblem,
  TEXT_LIMITS,
} from "@pn/shared";
import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { CheckInbox } from "../../../components/check-inbox";
import { FormAlert } from "../../../components/form-alert";
import { useFormFields, type Validate } from "../../../hooks/use-form-fields";
import { describeError } from "../../../lib/errors";
import { safeNextPath } from "../../../lib/safe-redirect";
import { splitUserErrors } from "../../../lib/user-errors";
import { useSignUp } from "../api/sign-up";

// Named like the server's input fields, so `userErrors[].field[0]` finds its input.
const FIELDS = ["name", "email", "password", "accountName"] as const;
type Values = Record<(typeof FIELDS)[number], string>;

function requiredText(value: string, label: string): string | undefined {
  if (!value.trim()) return `${label} is required.`;
  if (value.trim().length > NAME_MAX_LENGTH) {
    return `${label} must be at most ${NAME_MAX_LENGTH} characters.`;
  }
  return undefined;
}

const validate: Validate<Values> = ({ name, email, password, accountName }) => ({
  name: requiredText(name, "Your name"),
  email: !email.trim()
    ? "Enter your email address."
    : isValidEmail(email)
      ? undefined
      : "Enter a valid email address.",
  password: passwordProblem(password) ?? undefined,
  accountName: requiredText(accountName, "Company name"),
});

export function SignUpForm() {
  const [signUp, { loading }] = useSignUp();
  /** Where the verification email went, once sent: the form gives way to "check your inbox". */
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);
  const form = useFormFields<Values>(
    { name: "", email: "", password: "", accountName: "" },
    validate,
  );
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get("next"));

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setFormErrors([]);
    setRetryable(false);
    if (!form.validateAll()) return;
    const { name, email, password, accountName } = form.values;
    try {
      const { data } = await signUp({
        variables: {
          input: {
            name: name.trim(),
            email: normalizeEmail(email),
            password,
            accountName: accountName.trim(),
          },
        },
      });
      const { fieldErrors, formErrors: general } = splitUserErrors(
        data?.signUp.userErrors ?? [],
        FIELDS,
      );
      if (general.length > 0 || Object.keys(fieldErrors).length > 0) {
        setFormErrors(general);
        form.showErrors(fieldErrors);
        return;
      }
      // No session yet: the emailed link confirms the address and signs the person in. The
      // answer is the same for a taken email, so the page says the same too.
      setSentTo(normalizeEmail(email));
    } catch (error) {
      const described = describeError(error);
      setFormErrors([described.message]);
      setRetryable(described.retryable);
    }
  }

  if (sentTo) {
    return (
      <CheckInbox email={sentTo} next="confirm your address and open your new account">
        <Text size="sm">
          Already confirmed?{" "}
          <Anchor
            component={Link}
            to={next ? `/login?next=${encodeURIComponent(next)}` : "/login"}
            c="var(--pn-color-text-link-strong)"
          >
            Log in
          </Anchor>
        </Text>
      </CheckInbox>
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          All fields are required.
        </Text>
        <FormAlert messages={formErrors} onRetry={retryable ? () => void submit() : undefined} />
        <TextInput
          maxLength={TEXT_LIMITS.name}
          label="Name"
          autoComplete="name"
          {...form.getInputProps("name")}
        />
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
          description={`At least ${PASSWORD_MIN_LENGTH} characters.`}
          autoComplete="new-password"
          {...form.getInputProps("password")}
        />
        <TextInput
          maxLength={TEXT_LIMITS.name}
          label="Company name"
          autoComplete="organization"
          {...form.getInputProps("accountName")}
        />
        <Button type="submit" loading={loading} fullWidth>
          Create account
        </Button>
        <Text size="sm" ta="center">
          Already have an account?{" "}
          <Anchor component={Link} to={next ? `/login?next=${encodeURIComponent(next)}` : "/login"}>
            Log in
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
