import {
  Button,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { isValidEmail, isValidHandle, TEXT_LIMITS } from "@pn/shared";
import { type FormEvent, useId, useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import { useFormFields, type Validate } from "../../../hooks/use-form-fields";
import type { InvitePartnerInput } from "../../../gql/graphql";
import { describeError } from "../../../lib/errors";
import { splitUserErrors } from "../../../lib/user-errors";
import { useInvitePartner } from "../api/invite-partner";

export interface InvitePartnerDialogProps {
  opened: boolean;
  onClose: () => void;
}

/** OWNER/ADMINISTRATOR: invite a company by email (not here yet) or by its account ID. */
export function InvitePartnerDialog({ opened, onClose }: InvitePartnerDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Invite partner">
      {/* Mounted only while open: every opening starts with an empty form. */}
      {opened && <InvitePartnerForm onDone={onClose} />}
    </Modal>
  );
}

type Mode = "email" | "accountHandle";
type Values = { email: string; accountHandle: string; contactName: string; companyName: string };
const FIELDS = ["email", "accountHandle", "contactName", "companyName", "allowLogin"] as const;
const TEXT_MAX = 200;

const MODES: { value: Mode; label: string }[] = [
  { value: "email", label: "Email" },
  { value: "accountHandle", label: "Account ID" },
];

function validatorFor(mode: Mode): Validate<Values> {
  return ({ email, accountHandle, contactName, companyName }) => ({
    email:
      mode !== "email"
        ? undefined
        : !email.trim()
          ? "Enter the partner's email address."
          : !isValidEmail(email.trim())
            ? "Enter a valid email address."
            : undefined,
    accountHandle:
      mode !== "accountHandle"
        ? undefined
        : !accountHandle.trim()
          ? "Enter the partner's account ID."
          : !isValidHandle(accountHandle.trim().toLowerCase())
            ? "An account ID has 3 to 40 lowercase letters, digits and dashes."
            : undefined,
    contactName:
      contactName.trim().length > TEXT_MAX ? `Use at most ${TEXT_MAX} characters.` : undefined,
    companyName:
      companyName.trim().length > TEXT_MAX ? `Use at most ${TEXT_MAX} characters.` : undefined,
  });
}

function InvitePartnerForm({ onDone }: { onDone: () => void }) {
  const [invitePartner, { loading }] = useInvitePartner();
  const [mode, setMode] = useState<Mode>("email");
  const form = useFormFields<Values>(
    { email: "", accountHandle: "", contactName: "", companyName: "" },
    validatorFor(mode),
  );
  const [allowLogin, setAllowLogin] = useState(false);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);
  const modeLabelId = useId();

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setFormErrors([]);
    setRetryable(false);
    if (!form.validateAll()) return;
    const { email, accountHandle, contactName, companyName } = form.values;
    const input: InvitePartnerInput = {
      ...(mode === "email"
        ? { email: email.trim() }
        : { accountHandle: accountHandle.trim().toLowerCase() }),
      ...(contactName.trim() ? { contactName: contactName.trim() } : {}),
      ...(companyName.trim() ? { companyName: companyName.trim() } : {}),
      allowLogin,
    };
    try {
      const { data } = await invitePartner({ variables: { input } });
      const payload = data?.invitePartner;
      const { fieldErrors, formErrors: general } = splitUserErrors(
        payload?.userErrors ?? [],
        FIELDS,
      );
      // An error about the hidden field (e.g. "not both") is shown above the form.
      const hidden: Mode = mode === "email" ? "accountHandle" : "email";
      const hiddenError = fieldErrors[hidden];
      const allGeneral = [
        ...general,
        ...(hiddenError ? [hiddenError] : []),
        ...(fieldErrors.allowLogin ? [fieldErrors.allowLogin] : []),
      ];
      const shown = {
        email: mode === "email" ? fieldErrors.email : undefined,
        accountHandle: mode === "accountHandle" ? fieldErrors.accountHandle : undefined,
        contactName: fieldErrors.contactName,
        companyName: fieldErrors.companyName,
      };
      if (allGeneral.length > 0 || Object.values(shown).some(Boolean)) {
        form.showErrors(shown);
        setFormErrors(allGeneral);
        return;
      }
      const partner = payload?.partner;
      notifications.show({
        color: "green",
        title: "Partner invited",
        message:
          payload?.invitation?.delivery === "NOT_SENT"
            ? `${partner?.companyName ?? "The partner"} is invited, but nobody there could be emailed yet.`
            : `${partner?.companyName ?? "The partner"} gets an email with a link to accept.`,
      });
      onDone();
    } catch (error) {
      const described = describeError(error);
      setFormErrors([described.message]);
      setRetryable(described.retryable);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <FormAlert messages={formErrors} onRetry={retryable ? () => void submit() : undefined} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id={modeLabelId}>
            Invite by
          </Text>
          <SegmentedControl
            aria-labelledby={modeLabelId}
            data={MODES}
            value={mode}
            onChange={(value) => {
              setMode(value === "accountHandle" ? "accountHandle" : "email");
              setFormErrors([]);
            }}
          />
        </Stack>
        {mode === "email" ? (
          <TextInput
            maxLength={TEXT_LIMITS.email}
            label="Email"
            description="Someone at a company that is not on Partner Network yet."
            type="email"
            autoComplete="off"
            {...form.getInputProps("email")}
          />
        ) : (
          <TextInput
            label="Account ID"
            description="The company's account ID, shown on its Settings page. Its owners and administrators get the email."
            autoComplete="off"
            spellCheck={false}
            {...form.getInputProps("accountHandle")}
          />
        )}
        <TextInput
          maxLength={TEXT_LIMITS.name}
          label="Contact name"
          description="Optional."
          {...form.getInputProps("contactName")}
        />
        <TextInput
          maxLength={TEXT_LIMITS.name}
          label="Company name"
          description="Optional: defaults to the account's name or the email's domain."
          {...form.getInputProps("companyName")}
        />
        <Checkbox
          label="Allow login"
          description="Once active, the partner's people may sign in to this account."
          checked={allowLogin}
          onChange={(event) => setAllowLogin(event.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Send invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
