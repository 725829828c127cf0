import { TEXT_LIMITS } from "@pn/shared";
import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import { useFormFields } from "../../../hooks/use-form-fields";
import { describeError } from "../../../lib/errors";
import { splitUserErrors, type UserErrorLike } from "../../../lib/user-errors";
import { deadLinkReason } from "../accept-outcome";
import { useAcceptInvitation } from "../api/accept-invitation";
import {
  type InvitationPreview,
  type InvitationViewer,
  useFindCreatedAccount,
} from "../api/get-invitation-preview";
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

/** The account that became the partner. */
export interface PartnerAccount {
  name: string;
  /** The account to switch into to see it; null when the session acts in it already. */
  switchTo: string | null;
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

/**
 * An administrator of company B accepts A's partner invitation. Signed in, they link an account
 * they administer or create one; signed out, a newcomer creates their login and B's account, and
 * the server links it and signs them in there, all in one request. Which account may be linked
 * is the server's to decide.
 */
export function AcceptPartnerInvitationForm({
  token,
  invitation,
  viewer,
  logInPath,
  onAccepted,
  onUnavailable,
}: AcceptPartnerInvitationFormProps) {
  const [acceptInvitation] = useAcceptInvitation();
  const findCreatedAccount = useFindCreatedAccount(token);
  const adminAccounts = (viewer?.memberships ?? [])
    .filter((membership) => ADMIN_ROLES.includes(membership.role))
    .map((membership) => membership.account);
  /** Sent to an account by its handle: only that account's administrators can accept, signed in. */
  const sentToAccount = invitation.email === null;
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
      ...(viewer ? {} : newUserProblems(values, false)),
      accountName:
        !viewer || values.partnerAccountId === NEW_ACCOUNT
          ? requiredTextProblem(values.accountName, COMPANY_NAME_REQUIRED)
          : undefined,
    }),
  );
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);
  /** From submit until the page takes over (after accepting, the page looks the account up). */
  const [submitting, setSubmitting] = useState(false);
  /** The server wants someone signed in: the message it gave. */
  const [logInFirst, setLogInFirst] = useState<string | null>(null);

  function showFieldErrors(userErrors: readonly UserErrorLike[]) {
    const { fieldErrors, formErrors: general } = splitUserErrors(userErrors, FIELDS);
    setFormErrors(general);
    form.showErrors(fieldErrors);
  }

  /** The server's answer to accepting: true when it was accepted; otherwise shows why not. */
  function acceptedOrShown(userErrors: readonly (UserErrorLike & { code: string })[]): boolean {
    const signIn = userErrors.find((error) => error.code === "SIGN_IN_REQUIRED");
    const reason = deadLinkReason(userErrors);
    if (signIn) setLogInFirst(signIn.message);
    else if (reason) onUnavailable(reason);
    else if (userErrors.length > 0) showFieldErrors(userErrors);
    return userErrors.length === 0;
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
    if (!acceptedOrShown(data?.acceptInvitation.userErrors ?? [])) return;
    const known = viewer?.memberships.map((membership) => membership.account.id) ?? [];
    const linked =
      choice === NEW_ACCOUNT
        ? await findCreatedAccount(known).catch(() => null)
        : (adminAccounts.find((account) => account.id === choice) ?? null);
    onAccepted(
      linked && {
        name: linked.name,
        switchTo: linked.id === viewer?.currentAccount?.id ? null : linked.id,
      },
    );
  }

  /** Login, company account and link in one request; the server signs the newcomer in there. */
  async function joinAsNewcomer() {
    const { data } = await acceptInvitation({
      variables: {
        input: {
          token,
          name: form.values.name.trim(),
          password: form.values.password,
          accountName: form.values.accountName.trim(),
        },
      },
    });
    if (!acceptedOrShown(data?.acceptInvitation.userErrors ?? [])) return;
    onAccepted({ name: form.values.accountName.trim(), switchTo: null });
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setFormErrors([]);
    setRetryable(false);
    if (!form.validateAll()) return;
    setSubmitting(true);
    try {
      await (viewer ? linkAccount() : joinAsNewcomer());
    } catch (error) {
      const described = describeError(error);
      setFormErrors([described.message]);
      setRetryable(described.retryable);
    } finally {
      setSubmitting(false);
    }
  }

  if (logInFirst || (!viewer && sentToAccount)) {
    const message = logInFirst ?? "Log in as an administrator of your company's account to accept.";
    return <LogInToAccept email={invitation.email} message={message} logInPath={logInPath} />;
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
      intro={`Create your login for ${invitation.email} and your company's account.`}
      askEmail={false}
      inputProps={form.getInputProps}
      formErrors={formErrors}
      onRetry={onRetry}
      loading={submitting}
      onSubmit={(event) => void submit(event)}
      logInPath={logInPath}
    >
      <TextInput
        maxLength={TEXT_LIMITS.name}
        label="Company name"
        autoComplete="organization"
        {...form.getInputProps("accountName")}
      />
    </NewUserForm>
  );
}
