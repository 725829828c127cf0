import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { isValidEmail, NAME_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from "@pn/shared";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { FormAlert } from "../../../components/form-alert";
import { useFormFields, type Validate } from "../../../hooks/use-form-fields";
import { describeError } from "../../../utils/errors";
import { splitUserErrors } from "../../../utils/user-errors";
import { useAcceptInvitation } from "../api/accept-invitation";
import type { InvitationPreview, InvitationViewerUser } from "../api/get-invitation-preview";
import type { UnavailableReason } from "./invitation-unavailable";
import { LogOutButton } from "./log-out-button";

const FIELDS = ["email", "name", "password"] as const;
type Values = Record<(typeof FIELDS)[number], string>;

/** `askEmail`: a shareable link carries no email, so the new client gives theirs. */
const validatorFor =
  (askEmail: boolean): Validate<Values> =>
  ({ email, name, password }) => ({
    email: !askEmail
      ? undefined
      : !email.trim()
        ? "Enter your email address."
        : !isValidEmail(email.trim())
          ? "Enter a valid email address."
          : undefined,
    name: !name.trim()
      ? "Your name is required."
      : name.trim().length > NAME_MAX_LENGTH
        ? `Use at most ${NAME_MAX_LENGTH} characters.`
        : undefined,
    password: passwordProblem(password) ?? undefined,
  });

/** userErrors codes that mean the link itself no longer works. */
const DEAD_LINK: Partial<Record<string, UnavailableReason>> = {
  EXPIRED: "expired",
  REVOKED: "revoked",
  ALREADY_ACCEPTED: "accepted",
  NOT_FOUND: "unknown",
  INVALID_STATE: "unsupported",
};

export interface AcceptInvitationFormProps {
  token: string;
  invitation: InvitationPreview;
  /** Who is signed in on this browser; null when nobody is. */
  viewer: InvitationViewerUser | null;
  /** The path to log in and come back here. */
  logInPath: string;
  /** `role`: the new member's role there, which decides where the app opens. */
  onAccepted: (accountName: string, role: string | null) => void;
  onUnavailable: (reason: UnavailableReason) => void;
}

function sameEmail(a: string | null | undefined, b: string | null | undefined) {
  return Boolean(a && b && a.trim().toLowerCase() === b.trim().toLowerCase());
}

/**
 * A new user gives a name and a password; someone signed in with the invited email just
 * accepts. Signed in as someone else, they are offered to log out first.
 */
export function AcceptInvitationForm({
  token,
  invitation,
  viewer,
  logInPath,
  onAccepted,
  onUnavailable,
}: AcceptInvitationFormProps) {
  const [acceptInvitation, { loading }] = useAcceptInvitation();
  /** A client's shareable link: no email of its own, usable by many. */
  const isLink = invitation.email === null;
  const form = useFormFields<Values>(
    { email: "", name: "", password: "" },
    validatorFor(isLink && viewer === null),
  );
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);
  /** The server asked for something the form cannot give: log in, or log out first. */
  const [blocked, setBlocked] = useState<{
    code: "SIGN_IN_REQUIRED" | "EMAIL_MISMATCH";
    message: string;
  } | null>(null);
  const isNewUser = viewer === null;
  const mismatch = viewer !== null && !isLink && !sameEmail(viewer.email, invitation.email);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setFormErrors([]);
    setRetryable(false);
    if (isNewUser && !form.validateAll()) return;
    try {
      const { data } = await acceptInvitation({
        variables: {
          input: isNewUser
            ? {
                token,
                ...(isLink ? { email: form.values.email.trim() } : {}),
                name: form.values.name.trim(),
                password: form.values.password,
              }
            : // Signed in: a shareable link is accepted with the viewer's own email.
              { token, ...(isLink ? { email: viewer.email } : {}) },
        },
      });
      const payload = data?.acceptInvitation;
      const userErrors = payload?.userErrors ?? [];
      if (userErrors.length > 0) {
        for (const error of userErrors) {
          if (error.code === "SIGN_IN_REQUIRED" || error.code === "EMAIL_MISMATCH") {
            setBlocked({ code: error.code, message: error.message });
            return;
          }
          const reason = DEAD_LINK[error.code];
          if (reason) {
            onUnavailable(reason);
            return;
          }
        }
        const { fieldErrors, formErrors: general } = splitUserErrors(userErrors, FIELDS);
        setFormErrors(general);
        form.showErrors(fieldErrors);
        return;
      }
      onAccepted(payload?.account?.name ?? invitation.accountName, payload?.member?.role ?? null);
    } catch (error) {
      const described = describeError(error);
      setFormErrors([described.message]);
      setRetryable(described.retryable);
    }
  }

  if (blocked?.code === "SIGN_IN_REQUIRED") {
    return (
      <Alert color="blue" variant="light" title="Log in to accept" role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            {invitation.email ?? "This email"} already has a Partner Network account.{" "}
            {blocked.message}
          </Text>
          <Anchor component={Link} to={logInPath} fw={600}>
            Log in
          </Anchor>
        </Stack>
      </Alert>
    );
  }

  if (mismatch || blocked?.code === "EMAIL_MISMATCH") {
    return (
      <Alert
        color="orange"
        variant="light"
        title="Wrong account"
        role="alert"
        // Orange title text on the light panel is below 4.5:1 contrast.
        styles={{ title: { color: "var(--mantine-color-text)" } }}
      >
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            {viewer
              ? `You are logged in as ${viewer.email}, but this invitation is for ${invitation.email ?? "another email"}.`
              : blocked?.message}{" "}
            Log out, then open the link again.
          </Text>
          <LogOutButton />
        </Stack>
      </Alert>
    );
  }

  if (!isNewUser) {
    return (
      <Stack gap="md">
        <FormAlert messages={formErrors} onRetry={retryable ? () => void submit() : undefined} />
        <Text size="sm">You are logged in as {viewer.email}.</Text>
        <Button loading={loading} onClick={() => void submit()} fullWidth>
          Accept invitation
        </Button>
      </Stack>
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <Text size="sm" c="gray.7">
          {isLink
            ? "Create your login: your email, your name and a password."
            : `Create your login for ${invitation.email ?? "this invitation"}.`}
        </Text>
        <FormAlert messages={formErrors} onRetry={retryable ? () => void submit() : undefined} />
        {isLink && (
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            {...form.getInputProps("email")}
          />
        )}
        <TextInput label="Name" autoComplete="name" {...form.getInputProps("name")} />
        <PasswordInput
          label="Password"
          description={`At least ${PASSWORD_MIN_LENGTH} characters.`}
          autoComplete="new-password"
          {...form.getInputProps("password")}
        />
        <Button type="submit" loading={loading} fullWidth>
          Accept invitation
        </Button>
        <Text size="sm" ta="center">
          Already have an account?{" "}
          <Anchor component={Link} to={logInPath}>
            Log in to accept
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
