import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { isValidEmail, isValidPhone, NAME_MAX_LENGTH, TEXT_LIMITS } from "@pn/shared";
import { type FormEvent, useId, useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import { useFormFields, type Validate } from "../../../hooks/use-form-fields";
import { describeError } from "../../../lib/errors";
import { splitUserErrors } from "../../../lib/user-errors";
import { useInviteClient } from "../api/invite-client";
import { TeamMembersPicker } from "./team-members-picker";

export interface InviteClientDialogProps {
  opened: boolean;
  onClose: () => void;
}

/** EDITOR and up: invite a person as a client by email, with the team that serves them. */
export function InviteClientDialog({ opened, onClose }: InviteClientDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Invite client">
      {/* Mounted only while open: every opening starts with an empty form. */}
      {opened && <InviteClientForm onDone={onClose} />}
    </Modal>
  );
}

type Values = { name: string; email: string; title: string; phone: string };
const FIELDS = ["name", "email", "title", "phone", "teamMemberIds"] as const;

const validate: Validate<Values> = ({ name, email, phone }) => ({
  name: !name.trim()
    ? "Enter the client's name."
    : name.trim().length > NAME_MAX_LENGTH
      ? `Use at most ${NAME_MAX_LENGTH} characters.`
      : undefined,
  email: !email.trim()
    ? "Enter the client's email address."
    : !isValidEmail(email.trim())
      ? "Enter a valid email address."
      : undefined,
  phone:
    phone.trim() && !isValidPhone(phone.trim())
      ? "Enter a phone number: digits, spaces, +, -, ( and )."
      : undefined,
});

const NO_TEAM = "Choose at least one person for the team.";

function InviteClientForm({ onDone }: { onDone: () => void }) {
  const [inviteClient, { loading }] = useInviteClient();
  const form = useFormFields<Values>({ name: "", email: "", title: "", phone: "" }, validate);
  const [team, setTeam] = useState<string[]>([]);
  const [teamError, setTeamError] = useState<string | undefined>();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);
  const teamInputId = useId();

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setFormErrors([]);
    setRetryable(false);
    const fieldsValid = form.validateAll();
    if (team.length === 0) {
      setTeamError(NO_TEAM);
      if (fieldsValid) document.getElementById(teamInputId)?.focus();
      return;
    }
    if (!fieldsValid) return;
    const { name, email, title, phone } = form.values;
    try {
      const { data } = await inviteClient({
        variables: {
          input: {
            name: name.trim(),
            email: email.trim(),
            ...(title.trim() ? { title: title.trim() } : {}),
            ...(phone.trim() ? { phone: phone.trim() } : {}),
            teamMemberIds: team,
          },
        },
      });
      const payload = data?.inviteClient;
      const userErrors = payload?.userErrors ?? [];
      if (userErrors.length > 0) {
        const { fieldErrors, formErrors: general } = splitUserErrors(userErrors, FIELDS);
        form.showErrors({
          name: fieldErrors.name,
          email: fieldErrors.email,
          title: fieldErrors.title,
          phone: fieldErrors.phone,
        });
        setTeamError(fieldErrors.teamMemberIds);
        setFormErrors(general);
        return;
      }
      notifications.show({
        color: "green",
        title: "Client invited",
        message: `${payload?.client?.name ?? "The client"} gets an email with a link to join.`,
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
          The client gets an email with a link to join and sees the team that serves them.
        </Text>
        <FormAlert messages={formErrors} onRetry={retryable ? () => void submit() : undefined} />
        <TextInput
          maxLength={TEXT_LIMITS.name}
          label="Name"
          autoComplete="off"
          {...form.getInputProps("name")}
        />
        <TextInput
          maxLength={TEXT_LIMITS.email}
          label="Email"
          type="email"
          autoComplete="off"
          {...form.getInputProps("email")}
        />
        <TextInput
          maxLength={TEXT_LIMITS.title}
          label="Title"
          description="Optional: their role at their company."
          autoComplete="off"
          {...form.getInputProps("title")}
        />
        <TextInput
          maxLength={TEXT_LIMITS.phone}
          label="Phone"
          description="Optional."
          type="tel"
          autoComplete="off"
          {...form.getInputProps("phone")}
        />
        <TeamMembersPicker
          id={teamInputId}
          value={team}
          onChange={(ids) => {
            setTeam(ids);
            setTeamError(undefined);
          }}
          error={teamError}
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
