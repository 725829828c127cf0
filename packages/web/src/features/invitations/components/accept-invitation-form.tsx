import { Alert, Button, Stack, Text } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { CheckInbox } from "../../../components/check-inbox";
import { FormAlert } from "../../../components/form-alert";
import { useFormFields } from "../../../hooks/use-form-fields";
import { describeError } from "../../../lib/errors";
import { splitUserErrors } from "../../../lib/user-errors";
import { deadLinkReason } from "../accept-outcome";
import { useAcceptInvitation } from "../api/accept-invitation";
import type { InvitationPreview, InvitationViewerUser } from "../api/get-invitation-preview";
import type { UnavailableReason } from "./invitation-unavailable";
import { LogInToAccept } from "./log-in-to-accept";
import { LogOutButton } from "./log-out-button";
import { NewUserForm, newUserProblems, type NewUserValues } from "./new-user-form";

const FIELDS = ["email", "name", "password"] as const;

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
  const form = useFormFields<NewUserValues>({ email: "", name: "", password: "" }, (values) =>
    newUserProblems(values, isLink && viewer === null),
  );
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);
  /** A shareable link's first step: the typed email got a confirmation link. */
  const [sentTo, setSentTo] = useState<string | null>(null);
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
        }
        const reason = deadLinkReason(userErrors);
        if (reason) {
          onUnavailable(reason);
          return;
        }
        const { fieldErrors, formErrors: general } = splitUserErrors(userErrors, FIELDS);
        setFormErrors(general);
        form.showErrors(fieldErrors);
        return;
      }
      if (payload?.verificationEmailSent) {
        setSentTo(form.values.email.trim());
        return;
      }
      onAccepted(payload?.account?.name ?? invitation.accountName, payload?.member?.role ?? null);
    } catch (error) {
      const described = describeError(error);
      setFormErrors([described.message]);
      setRetryable(described.retryable);
    }
  }

  if (sentTo) {
    return (
      <CheckInbox email={sentTo} next={`confirm your address and join ${invitation.accountName}`} />
    );
  }

  if (blocked?.code === "SIGN_IN_REQUIRED") {
    return (
      <LogInToAccept email={invitation.email} message={blocked.message} logInPath={logInPath} />
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
    <NewUserForm
      intro={
        isLink
          ? "Create your login: your email, your name and a password."
          : `Create your login for ${invitation.email ?? "this invitation"}.`
      }
      askEmail={isLink}
      inputProps={form.getInputProps}
      formErrors={formErrors}
      onRetry={retryable ? () => void submit() : undefined}
      loading={loading}
      onSubmit={(event) => void submit(event)}
      logInPath={logInPath}
    />
  );
}
