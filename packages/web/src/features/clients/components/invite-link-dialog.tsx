import { Button, CopyButton, Group, Modal, Stack, Text, TextInput, Tooltip } from "@mantine/core";
import { CLIENT_LINK_LIFETIME_DAYS } from "@pn/shared";
import { type FormEvent, useId, useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import { describeError } from "../../../lib/errors";
import { formatDateTime } from "../../../lib/format";
import { splitUserErrors } from "../../../lib/user-errors";
import { useCreateClientInviteLink } from "../api/create-client-invite-link";
import { TeamMembersPicker } from "./team-members-picker";

export interface InviteLinkDialogProps {
  opened: boolean;
  onClose: () => void;
}

/** EDITOR and up: a shareable sign-up link; everyone signing up through it gets this team. */
export function InviteLinkDialog({ opened, onClose }: InviteLinkDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Copy invite link">
      {opened && <InviteLinkForm onDone={onClose} />}
    </Modal>
  );
}

const FIELDS = ["teamMemberIds"] as const;
const NO_TEAM = "Choose at least one person for the team.";

function InviteLinkForm({ onDone }: { onDone: () => void }) {
  const [createLink, { loading }] = useCreateClientInviteLink();
  const [team, setTeam] = useState<string[]>([]);
  const [teamError, setTeamError] = useState<string | undefined>();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);
  const [link, setLink] = useState<{ url: string; expiresAt: string | null } | null>(null);
  const teamInputId = useId();

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setFormErrors([]);
    setRetryable(false);
    if (team.length === 0) {
      setTeamError(NO_TEAM);
      document.getElementById(teamInputId)?.focus();
      return;
    }
    try {
      const { data } = await createLink({ variables: { input: { teamMemberIds: team } } });
      const payload = data?.createClientInviteLink;
      const userErrors = payload?.userErrors ?? [];
      if (userErrors.length > 0 || !payload?.url) {
        const { fieldErrors, formErrors: general } = splitUserErrors(userErrors, FIELDS);
        setTeamError(fieldErrors.teamMemberIds);
        setFormErrors(
          general.length || fieldErrors.teamMemberIds ? general : ["No link came back; try again."],
        );
        return;
      }
      setLink({ url: payload.url, expiresAt: payload.invitation?.expiresAt ?? null });
    } catch (error) {
      const described = describeError(error);
      setFormErrors([described.message]);
      setRetryable(described.retryable);
    }
  }

  if (link) {
    return (
      <Stack gap="md">
        <Text size="sm">
          Share this link with your clients. Everyone who signs up through it becomes a client with
          the team you chose. It is shown only now.
        </Text>
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            label="Invite link"
            value={link.url}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            style={{ flex: 1 }}
            data-testid="client-invite-link"
          />
          <CopyButton value={link.url}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? "Copied" : "Copy"} withArrow>
                <Button variant={copied ? "light" : "filled"} onClick={copy}>
                  {copied ? "Copied" : "Copy link"}
                </Button>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Text size="sm" c="dimmed">
          {link.expiresAt
            ? `Valid until ${formatDateTime(link.expiresAt)}, for any number of sign-ups.`
            : `Valid for ${CLIENT_LINK_LIFETIME_DAYS} days, for any number of sign-ups.`}{" "}
          Anyone with the link can sign up: share it only with your clients.
        </Text>
        <Group justify="flex-end">
          <Button onClick={onDone}>Done</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          A link anyone can use to sign up as your client, for {CLIENT_LINK_LIFETIME_DAYS} days.
          Each sign-up gets this team.
        </Text>
        <FormAlert messages={formErrors} onRetry={retryable ? () => void submit() : undefined} />
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
            Create link
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
