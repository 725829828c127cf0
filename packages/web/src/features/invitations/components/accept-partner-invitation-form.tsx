import { useApolloClient } from "@apollo/client/react";
import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { normalizeEmail } from "@pn/shared";
import { type FormEvent, useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import { useFormFields } from "../../../hooks/use-form-fields";
import { describeError } from "../../../utils/errors";
import { splitUserErrors, type UserErrorLike } from "../../../utils/user-errors";
import { deadLinkReason } from "../accept-outcome";
import { useAcceptInvitation } from "../api/accept-invitation";
import {
  type InvitationPreview,
  type InvitationViewer,
  useFindCreatedAccount,
} from "../api/get-invitation-preview";
import { useInvitationSignUp } from "../api/sign-up";
import type { UnavailableReason } from "./invitation-unavailable";
import { LogInToAccept } from "./log-in-to-accept";
import { LogOutButton } from "./log-out-button";
import { NewUserForm, newUserProblems, requiredTextProblem } from "./new-user-form";
import { NEW_ACCOUNT, PartnerAccountChoice } from "./partner-account-choice";

// Named like the server's input fields, so `userErrors[].field[0]` finds its input.
const FIELDS = ["email", "name", "password", "partnerAccountId", "accountName"] as const;
type Values = Record<(typeof FIELDS)[number], string>;

const ADMIN_ROLES = ["OWNER", "ADMINISTRATOR"];
const COMPANY_NAME_REQUIRED = "Company name is required.";

/** The account that became the partner; `isCurrent` when the session acts in it already. */
export interface PartnerAccount {
  id: string;
  name: string;
  isCurrent: boolean;
}

export interface AcceptPartnerInvitationFormProps {
  token: string;
  invitation: InvitationPreview;
  /** Who is signed in on this browser, with their accounts; null when nobody is. */
  viewer: InvitationViewer | null;
  /** The path to log in and come back here. */
  logInPath: string;
  /** `account`: null when the server chose it (the account the invitation was sent to). */
  onAccepted: (account: PartnerAccount | null) => void;
  onUnavailable: (reason: UnavailableReason) => void;
}

/** After sign-up the login and the account stay even when linking fails: say so. */
function notifyNotAccepted(message: string) {
  notifications.show({
    color: "red",
    title: "Your account is ready, but the invitation is not accepted yet",
    message,
  });
}

/**
 * An administrator of company B accepts A's partner invitation. Signed in, they link an account
 * they administer or create one; signed out, they create their login and B's account (sign-up)
 * and the invitation then links it. Which account may be linked is the server's to decide.
 */
export function AcceptPartnerInvitationForm({
  token,
  invitation,
  viewer,
  logInPath,
  onAccepted,
  onUnavailable,
}: AcceptPartnerInvitationFormProps) {
  const client = useApolloClient();
  const [acceptInvitation] = useAcceptInvitation();
  const [signUp] = useInvitationSignUp();
  const findCreatedAccount = useFindCreatedAccount(token);
  const adminAccounts = (viewer?.memberships ?? [])
    .filter((membership) => ADMIN_ROLES.includes(membership.role))
    .map((membership) => membership.account);
  const askEmail = invitation.email === null;
  const form = useFormFields<Values>(
    {
      email: "",
      name: "",
      password: "",
      partnerAccountId:
        adminAccounts.length === 1 ? adminAccounts[0]!.id : adminAccounts.length ? "" : NEW_ACCOUNT,
      accountName: "",
    },
    (values) => ({
      ...(viewer ? {} : newUserProblems(values, askEmail)),
      accountName:
        !viewer || values.partnerAccountId === NEW_ACCOUNT
          ? requiredTextProblem(values.accountName, COMPANY_NAME_REQUIRED)
          : undefined,
    }),
  );
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);
  /** From submit until the page takes over: one request may follow another (sign up, link). */
  const [submitting, setSubmitting] = useState(false);
  /** The server wants someone signed in: the message it gave. */
  const [logInFirst, setLogInFirst] = useState<string | null>(null);

  function showFieldErrors(userErrors: readonly UserErrorLike[]) {
    const { fieldErrors, formErrors: general } = splitUserErrors(userErrors, FIELDS);
    setFormErrors(general);
    form.showErrors(fieldErrors);
  }

  async function linkAccount() {
    const choice = form.values.partnerAccountId;
    const { data } = await acceptInvitation({
      variables: {
        input:
          choice === NEW_ACCOUNT
            ? { token, accountName: form.values.accountName.trim() }
            : // Nothing chosen: the server links the account the invitation was sent to, if any.
              { token, ...(choice ? { partnerAccountId: choice } : {}) },
      },
    });
    const userErrors = data?.acceptInvitation.userErrors ?? [];
    const signIn = userErrors.find((error) => error.code === "SIGN_IN_REQUIRED");
    const reason = deadLinkReason(userErrors);
    if (signIn) setLogInFirst(signIn.message);
    else if (reason) onUnavailable(reason);
    else if (userErrors.length > 0) showFieldErrors(userErrors);
    if (userErrors.length > 0) return;
    const known = viewer?.memberships.map((membership) => membership.account.id) ?? [];
    const linked =
      choice === NEW_ACCOUNT
        ? await findCreatedAccount(known).catch(() => null)
        : (adminAccounts.find((account) => account.id === choice) ?? null);
    onAccepted(linked && { ...linked, isCurrent: linked.id === viewer?.currentAccount?.id });
  }

  async function signUpAndLink() {
    const { data } = await signUp({
      variables: {
        input: {
          email: normalizeEmail(invitation.email ?? form.values.email),
          name: form.values.name.trim(),
          password: form.values.password,
          accountName: form.values.accountName.trim(),
        },
      },
    });
    const userErrors = data?.signUp.userErrors ?? [];
    if (userErrors.some((error) => error.code === "TAKEN" && error.field?.[0] === "email")) {
      setLogInFirst("Log in, then accept the invitation for your company.");
      return;
    }
    const account = data?.signUp.account;
    if (userErrors.length > 0 || !account) {
      showFieldErrors(userErrors);
      return;
    }
    // Signed in now, in the new account: link it.
    try {
      const accepted = await acceptInvitation({
        variables: { input: { token, partnerAccountId: account.id } },
      });
      const problems = accepted.data?.acceptInvitation.userErrors ?? [];
      if (problems.length === 0) {
        onAccepted({ ...account, isCurrent: true });
        return;
      }
      const reason = deadLinkReason(problems);
      if (reason) onUnavailable(reason);
      else notifyNotAccepted(problems.map((problem) => problem.message).join(" "));
    } catch (error) {
      notifyNotAccepted(describeError(error).message);
    }
    // The page reloads signed in, with the new account to choose: ready to try again.
    await client.resetStore().catch(() => undefined);
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setFormErrors([]);
    setRetryable(false);
    if (!form.validateAll()) return;
    setSubmitting(true);
    try {
      await (viewer ? linkAccount() : signUpAndLink());
    } catch (error) {
      const described = describeError(error);
      setFormErrors([described.message]);
      setRetryable(described.retryable);
    } finally {
      setSubmitting(false);
    }
  }

  if (logInFirst) {
    return <LogInToAccept email={invitation.email} message={logInFirst} logInPath={logInPath} />;
  }

  const onRetry = retryable ? () => void submit() : undefined;

  if (viewer) {
    const choice = form.getInputProps("partnerAccountId");
    return (
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Group justify="space-between" gap="xs">
            <Text size="sm">You are logged in as {viewer.user.email}.</Text>
            <LogOutButton />
          </Group>
          <FormAlert messages={formErrors} onRetry={onRetry} />
          <PartnerAccountChoice
            accounts={adminAccounts}
            value={choice.value}
            onChange={(value) => form.setValue("partnerAccountId", value)}
            error={choice.error}
            firstRadioId={choice.id}
            inviterAccountName={invitation.accountName}
            accountNameProps={form.getInputProps("accountName")}
          />
          <Button type="submit" loading={submitting} fullWidth>
            Accept invitation
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <NewUserForm
      intro={
        askEmail
          ? "Create your login (your email, your name and a password) and your company's account."
          : `Create your login for ${invitation.email} and your company's account.`
      }
      askEmail={askEmail}
      inputProps={form.getInputProps}
      formErrors={formErrors}
      onRetry={onRetry}
      loading={submitting}
      onSubmit={(event) => void submit(event)}
      logInPath={logInPath}
    >
      <TextInput
        label="Company name"
        autoComplete="organization"
        {...form.getInputProps("accountName")}
      />
    </NewUserForm>
  );
}
