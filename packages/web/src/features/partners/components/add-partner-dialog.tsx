import { Button, Checkbox, Group, Modal, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { isValidDomain, isValidPublicUrl, TEXT_LIMITS } from "@pn/shared";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { FormAlert } from "../../../components/form-alert";
import { useFormFields, type Validate } from "../../../hooks/use-form-fields";
import { describeError } from "../../../lib/errors";
import { splitUserErrors } from "../../../lib/user-errors";
import { useCreatePartner } from "../api/create-partner";
import { partnerPath } from "./partners-table";

export interface AddPartnerDialogProps {
  opened: boolean;
  onClose: () => void;
}

/** OWNER/ADMINISTRATOR: add a company that has no account here, e.g. a guest company. */
export function AddPartnerDialog({ opened, onClose }: AddPartnerDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add partner">
      {opened && <AddPartnerForm onDone={onClose} />}
    </Modal>
  );
}

type Values = { companyName: string; domain: string; externalId: string; publicUrl: string };
const FIELDS = ["companyName", "domain", "externalId", "publicUrl", "guest", "allowLogin"] as const;

export const validatePartnerFields: Validate<Values> = ({
  companyName,
  domain,
  externalId,
  publicUrl,
}) => ({
  companyName: !companyName.trim()
    ? "Company name is required."
    : companyName.trim().length > 200
      ? "Use at most 200 characters."
      : undefined,
  domain:
    domain.trim() && !isValidDomain(domain.trim().toLowerCase())
      ? "Enter a domain such as example.com."
      : undefined,
  externalId: externalId.trim().length > 100 ? "Use at most 100 characters." : undefined,
  publicUrl:
    publicUrl.trim() && !isValidPublicUrl(publicUrl.trim())
      ? "Enter a full http(s) URL, e.g. https://example.com."
      : undefined,
});

function AddPartnerForm({ onDone }: { onDone: () => void }) {
  const navigate = useNavigate();
  const [createPartner, { loading }] = useCreatePartner();
  const form = useFormFields<Values>(
    { companyName: "", domain: "", externalId: "", publicUrl: "" },
    validatePartnerFields,
  );
  const [guest, setGuest] = useState(true);
  const [allowLogin, setAllowLogin] = useState(false);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setFormErrors([]);
    setRetryable(false);
    if (!form.validateAll()) return;
    const { companyName, domain, externalId, publicUrl } = form.values;
    const optional = (value: string) => (value.trim() ? value.trim() : undefined);
    try {
      const { data } = await createPartner({
        variables: {
          input: {
            companyName: companyName.trim(),
            domain: optional(domain)?.toLowerCase(),
            externalId: optional(externalId),
            publicUrl: optional(publicUrl),
            guest,
            allowLogin,
          },
        },
      });
      const payload = data?.createPartner;
      const { fieldErrors, formErrors: general } = splitUserErrors(
        payload?.userErrors ?? [],
        FIELDS,
      );
      const flags = [fieldErrors.guest, fieldErrors.allowLogin].filter(
        (message): message is string => Boolean(message),
      );
      const shown = {
        companyName: fieldErrors.companyName,
        domain: fieldErrors.domain,
        externalId: fieldErrors.externalId,
        publicUrl: fieldErrors.publicUrl,
      };
      if (general.length > 0 || flags.length > 0 || Object.values(shown).some(Boolean)) {
        form.showErrors(shown);
        setFormErrors([...general, ...flags]);
        return;
      }
      const created = payload?.partner;
      notifications.show({
        color: "green",
        title: "Partner added",
        message: `${created?.companyName ?? companyName.trim()} is in your network. Add its people on its page.`,
      });
      onDone();
      if (created) void navigate(partnerPath(created.id));
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
        <TextInput
          maxLength={TEXT_LIMITS.name}
          label="Company name"
          required
          {...form.getInputProps("companyName")}
        />
        <TextInput
          maxLength={TEXT_LIMITS.domain}
          label="Domain"
          description="Optional, e.g. example.com."
          {...form.getInputProps("domain")}
        />
        <TextInput
          maxLength={TEXT_LIMITS.externalId}
          label="External ID"
          description="Optional: your own reference, unique among your partners."
          {...form.getInputProps("externalId")}
        />
        <TextInput
          maxLength={TEXT_LIMITS.url}
          label="Public URL"
          description="Optional, e.g. https://example.com."
          type="url"
          {...form.getInputProps("publicUrl")}
        />
        <Checkbox
          label="Guest company"
          description="A company without an account here: you manage its people yourself."
          checked={guest}
          onChange={(event) => setGuest(event.currentTarget.checked)}
        />
        <Checkbox
          label="Allow login"
          description="Its people may sign in to this account."
          checked={allowLogin}
          onChange={(event) => setAllowLogin(event.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Add partner
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
