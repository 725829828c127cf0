import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { isValidEmail, TEXT_LIMITS } from "@pn/shared";
import { type FormEvent, useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import { useFormFields, type Validate } from "../../../hooks/use-form-fields";
import { describeError } from "../../../lib/errors";
import { splitUserErrors } from "../../../lib/user-errors";
import { useAddExternalMember } from "../api/add-external-member";

export interface AddExternalMemberDialogProps {
  partner: { id: string; companyName: string; allowLogin: boolean };
  opened: boolean;
  onClose: () => void;
}

type Values = { name: string; email: string };

const validate: Validate<Values> = ({ name, email }) => ({
  name: !name.trim() ? "Name is required." : undefined,
  email: !email.trim()
    ? "Email is required."
    : !isValidEmail(email.trim())
      ? "Enter a valid email address."
      : undefined,
});

/** EDITOR and up: add a person of the partner by name and email; they are active at once. */
export function AddExternalMemberDialog({
  partner,
  opened,
  onClose,
}: AddExternalMemberDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add external member">
      {opened && <AddExternalMemberForm partner={partner} onDone={onClose} />}
    </Modal>
  );
}

function AddExternalMemberForm({
  partner,
  onDone,
}: {
  partner: AddExternalMemberDialogProps["partner"];
  onDone: () => void;
}) {
  const [addExternalMember, { loading }] = useAddExternalMember();
  const form = useFormFields<Values>({ name: "", email: "" }, validate);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setFormErrors([]);
    setRetryable(false);
    if (!form.validateAll()) return;
    try {
      const { data } = await addExternalMember({
        variables: {
          input: {
            partnerId: partner.id,
            name: form.values.name.trim(),
            email: form.values.email.trim(),
          },
        },
      });
      const payload = data?.addExternalMember;
      const { fieldErrors, formErrors: general } = splitUserErrors(payload?.userErrors ?? [], [
        "name",
        "email",
      ] as const);
      if (fieldErrors.name || fieldErrors.email || general.length > 0) {
        form.showErrors(fieldErrors);
        setFormErrors(general);
        return;
      }
      notifications.show({
        color: "green",
        title: "External member added",
        message: `${payload?.member?.name ?? form.values.name.trim()} is an active member from ${partner.companyName}.`,
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
        <Text size="sm" c="dimmed">
          A person of {partner.companyName}. They are active at once
          {partner.allowLogin ? " and may log in." : "; login is off for this partner."}
        </Text>
        <FormAlert messages={formErrors} onRetry={retryable ? () => void submit() : undefined} />
        <TextInput maxLength={TEXT_LIMITS.name} label="Name" {...form.getInputProps("name")} />
        <TextInput
          maxLength={TEXT_LIMITS.email}
          label="Email"
          type="email"
          {...form.getInputProps("email")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Add member
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
