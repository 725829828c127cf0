import { TEXT_LIMITS } from "@pn/shared";
import { Button, Group, Stack, Switch, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import { useFormFields } from "../../../hooks/use-form-fields";
import type { UpdatePartnerInput } from "../../../gql/graphql";
import { describeError } from "../../../lib/errors";
import { splitUserErrors } from "../../../lib/user-errors";
import type { PartnerDetailsNode } from "../api/get-partner";
import { useUpdatePartner } from "../api/update-partner";
import { validatePartnerFields } from "./add-partner-dialog";

const FIELDS = ["companyName", "domain", "externalId", "publicUrl", "guest", "allowLogin"] as const;

export interface PartnerDetailsFormProps {
  partner: PartnerDetailsNode;
}

/** OWNER/ADMINISTRATOR: edit the partner's details; only changed fields are sent. */
export function PartnerDetailsForm({ partner }: PartnerDetailsFormProps) {
  const [updatePartner, { loading }] = useUpdatePartner();
  const form = useFormFields(
    {
      companyName: partner.companyName,
      domain: partner.domain ?? "",
      externalId: partner.externalId ?? "",
      publicUrl: partner.publicUrl ?? "",
    },
    validatePartnerFields,
  );
  const [guest, setGuest] = useState(partner.guest);
  const [allowLogin, setAllowLogin] = useState(partner.allowLogin);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);
  const [saved, setSaved] = useState(false);

  const { companyName, domain, externalId, publicUrl } = form.values;
  const changes: Omit<UpdatePartnerInput, "partnerId"> = {};
  if (companyName.trim() !== partner.companyName) changes.companyName = companyName.trim();
  // Empty strings clear a field on the server.
  if (domain.trim().toLowerCase() !== (partner.domain ?? ""))
    changes.domain = domain.trim().toLowerCase();
  if (externalId.trim() !== (partner.externalId ?? "")) changes.externalId = externalId.trim();
  if (publicUrl.trim() !== (partner.publicUrl ?? "")) changes.publicUrl = publicUrl.trim();
  if (guest !== partner.guest) changes.guest = guest;
  if (allowLogin !== partner.allowLogin) changes.allowLogin = allowLogin;
  const changed = Object.keys(changes).length > 0;

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setFormErrors([]);
    setRetryable(false);
    setSaved(false);
    if (!form.validateAll() || !changed) return;
    try {
      const { data } = await updatePartner({
        variables: { input: { partnerId: partner.id, ...changes } },
      });
      const { fieldErrors, formErrors: general } = splitUserErrors(
        data?.updatePartner.userErrors ?? [],
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
      setSaved(true);
      notifications.show({
        color: "green",
        title: "Partner updated",
        message: `${data?.updatePartner.partner?.companyName ?? partner.companyName} is saved.`,
      });
    } catch (error) {
      const described = describeError(error);
      setFormErrors([described.message]);
      setRetryable(described.retryable);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Partner details">
      <Stack gap="sm" maw={520}>
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
          description="e.g. example.com"
          {...form.getInputProps("domain")}
        />
        <TextInput
          maxLength={TEXT_LIMITS.externalId}
          label="External ID"
          description="Your own reference, unique among your partners."
          {...form.getInputProps("externalId")}
        />
        <TextInput
          maxLength={TEXT_LIMITS.url}
          label="Public URL"
          description="e.g. https://example.com"
          type="url"
          {...form.getInputProps("publicUrl")}
        />
        <Switch
          label="Guest company"
          // The description sits inside Switch's <label>: keep it out of the name.
          aria-label="Guest company"
          description="A company without an account here: you manage its people yourself."
          checked={guest}
          onChange={(event) => {
            setGuest(event.currentTarget.checked);
            setSaved(false);
          }}
        />
        <Switch
          label="Allow login"
          // The description sits inside Switch's <label>: keep it out of the name.
          aria-label="Allow login"
          description="Active people of this partner may sign in to this account."
          checked={allowLogin}
          onChange={(event) => {
            setAllowLogin(event.currentTarget.checked);
            setSaved(false);
          }}
        />
        <Group gap="sm">
          <Button type="submit" loading={loading} disabled={!changed}>
            Save changes
          </Button>
          <Text size="sm" c="var(--pn-color-text-success)" role="status">
            {saved && !changed ? "Changes saved." : ""}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
