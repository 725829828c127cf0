import {
  Anchor,
  Box,
  Button,
  FileInput,
  Group,
  List,
  Modal,
  NativeSelect,
  Pill,
  Stack,
  TagsInput,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  emailKey,
  INVITABLE_ROLES,
  type InvitableRole,
  INVITE_BATCH_MAX,
  parseInvitableRole,
} from "@pn/shared";
import { type DragEvent, type FormEvent, useId, useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import { describeError } from "../../../lib/errors";
import { ROLE_LABELS } from "../../../lib/enum-labels";
import { useInviteUsers } from "../api/invite-users";
import {
  addInvitees,
  DEFAULT_INVITE_ROLE,
  EMAIL_SPLIT_CHARS,
  emailProblem,
  type Invitee,
  parseInviteesCsv,
  reconcileInvitees,
  SAMPLE_CSV_HREF,
  splitEmails,
} from "../invitees";
import { SeatLine, seatsOver } from "./seat-line";
import { countText } from "../../../lib/format";

export interface InviteDialogProps {
  opened: boolean;
  onClose: () => void;
  seatsUsed: number;
  /** Null: unlimited. */
  seatLimit: number | null;
}

const ROLE_OPTIONS = INVITABLE_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
const MIXED = "";

/** OWNER/ADMINISTRATOR: invite people by email, typed, pasted or from a CSV file. */
export function InviteDialog({ opened, onClose, seatsUsed, seatLimit }: InviteDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Invite people" size="lg">
      {/* Mounted only while open: every opening starts with an empty list. */}
      {opened && <InviteForm onDone={onClose} seatsUsed={seatsUsed} seatLimit={seatLimit} />}
    </Modal>
  );
}

interface InviteFormProps {
  onDone: () => void;
  seatsUsed: number;
  seatLimit: number | null;
}

function InviteForm({ onDone, seatsUsed, seatLimit }: InviteFormProps) {
  const [inviteUsers, { loading }] = useInviteUsers();
  const [invitees, setInvitees] = useState<Invitee[]>([]);
  const [search, setSearch] = useState("");
  const [defaultRole, setDefaultRole] = useState<InvitableRole>(DEFAULT_INVITE_ROLE);
  /** Problems the server found, by address (emailKey). */
  const [serverProblems, setServerProblems] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);
  const [notes, setNotes] = useState<{ message: string; problems: string[] } | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const hintId = useId();

  const problemOf = (email: string): string | null =>
    emailProblem(email) ?? serverProblems[emailKey(email)] ?? null;
  const problemCount = invitees.filter((invitee) => problemOf(invitee.email)).length;
  const over = seatsOver(seatsUsed, seatLimit, invitees.length);
  const tooMany = invitees.length > INVITE_BATCH_MAX;
  const commonRole = invitees.length
    ? invitees.every((invitee) => invitee.role === invitees[0]?.role)
      ? (invitees[0]?.role ?? defaultRole)
      : MIXED
    : defaultRole;

  let hint: string | null = null;
  if (invitees.length === 0) hint = "Add at least one email address.";
  else if (problemCount > 0)
    hint = `Fix or remove ${countText(problemCount, "address", "addresses")} before sending.`;
  else if (tooMany)
    hint = `Invite at most ${INVITE_BATCH_MAX} people at once; remove ${invitees.length - INVITE_BATCH_MAX}.`;
  else if (over) hint = "There are not enough free seats for everyone in the list.";

  function changeInvitees(next: Invitee[]) {
    setInvitees(next);
    // A server problem belongs to an address still in the list; drop the others.
    const keys = new Set(next.map((invitee) => emailKey(invitee.email)));
    setServerProblems((previous) =>
      Object.fromEntries(Object.entries(previous).filter(([key]) => keys.has(key))),
    );
    setFormErrors([]);
  }

  function noteDuplicates(duplicates: readonly string[], message: string | null = null) {
    if (duplicates.length === 0 && !message) return;
    setNotes({
      message: message ?? "",
      problems: duplicates.map((email) => `${email} is in the list already.`),
    });
  }

  function handleChipsChange(emails: string[]) {
    changeInvitees(reconcileInvitees(invitees, emails, defaultRole));
  }

  /** Text that arrives without a key press (autofill, drag and drop, `fill`) is split too. */
  function handleSearchChange(value: string) {
    const lastSeparator = Math.max(...EMAIL_SPLIT_CHARS.map((char) => value.lastIndexOf(char)));
    if (lastSeparator < 0) {
      setSearch(value);
      return;
    }
    const complete = splitEmails(value.slice(0, lastSeparator));
    const { invitees: next, duplicates } = addInvitees(
      invitees,
      complete.map((email) => ({ email, role: defaultRole })),
    );
    changeInvitees(next);
    noteDuplicates(duplicates);
    setSearch(value.slice(lastSeparator + 1));
  }

  function setRoleForAll(value: string) {
    const role = parseInvitableRole(value);
    if (!role) return;
    setDefaultRole(role);
    changeInvitees(invitees.map((invitee) => ({ ...invitee, role })));
  }

  function setRole(email: string, value: string) {
    const role = parseInvitableRole(value);
    if (!role) return;
    changeInvitees(
      invitees.map((invitee) => (invitee.email === email ? { ...invitee, role } : invitee)),
    );
  }

  function remove(email: string) {
    changeInvitees(invitees.filter((invitee) => invitee.email !== email));
  }

  async function readCsv(chosen: File | null) {
    setFile(chosen);
    if (!chosen) return;
    let text: string;
    try {
      text = await chosen.text();
    } catch {
      setNotes({ message: `Could not read ${chosen.name}.`, problems: [] });
      return;
    }
    const parsed = parseInviteesCsv(text, defaultRole);
    const { invitees: next, duplicates } = addInvitees(invitees, parsed.invitees);
    changeInvitees(next);
    const added = next.length - invitees.length;
    setNotes({
      message: `Added ${countText(added, "person", "people")} from ${chosen.name}.`,
      problems: [
        ...parsed.problems,
        ...duplicates.map((email) => `${email} is in the list already.`),
      ],
    });
  }

  function handleDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) void readCsv(dropped);
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setFormErrors([]);
    setRetryable(false);
    if (hint || over) return;
    const sent = invitees;
    try {
      const { data } = await inviteUsers({
        variables: {
          input: { invitees: sent.map(({ email, role }) => ({ email: email.trim(), role })) },
        },
      });
      const userErrors = data?.inviteUsers.userErrors ?? [];
      if (userErrors.length > 0) {
        const byEmail: Record<string, string> = {};
        const general: string[] = [];
        for (const error of userErrors) {
          const [root, index] = error.field ?? [];
          const invitee =
            root === "invitees" && index !== undefined ? sent[Number(index)] : undefined;
          if (invitee) {
            const key = emailKey(invitee.email);
            byEmail[key] = byEmail[key] ? `${byEmail[key]} ${error.message}` : error.message;
          } else {
            general.push(error.message);
          }
        }
        setServerProblems(byEmail);
        setFormErrors(general);
        return;
      }
      const count = data?.inviteUsers.invitations.length ?? sent.length;
      notifications.show({
        color: "green",
        title: `${countText(count, "invitation", "invitations")} sent`,
        message: "Each link works once, for 48 hours.",
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
        <SeatLine seatsUsed={seatsUsed} seatLimit={seatLimit} adding={invitees.length} />
        <FormAlert messages={formErrors} onRetry={retryable ? () => void submit() : undefined} />
        <TagsInput
          label="Email addresses"
          description="Press Enter, comma or space after each address, or paste a list."
          data={[]}
          value={invitees.map((invitee) => invitee.email)}
          onChange={handleChipsChange}
          searchValue={search}
          onSearchChange={handleSearchChange}
          splitChars={EMAIL_SPLIT_CHARS}
          onDuplicate={(email) => noteDuplicates([email])}
          error={
            problemCount > 0
              ? `${countText(problemCount, "address needs", "addresses need")} attention.`
              : undefined
          }
          comboboxProps={{ withinPortal: false }}
          renderPill={({ value, onRemove, disabled }) => {
            const email = value ?? "";
            const problem = problemOf(email);
            return (
              <Pill
                withRemoveButton={!disabled}
                onRemove={onRemove}
                disabled={disabled}
                data-testid="email-chip"
                data-invalid={problem ? "true" : undefined}
                title={problem ?? undefined}
                style={
                  problem
                    ? {
                        backgroundColor: "var(--pn-color-surface-danger)",
                        color: "var(--pn-color-text-danger)",
                        boxShadow: "inset 0 0 0 1px var(--pn-color-border-danger)",
                      }
                    : undefined
                }
              >
                {email}
                {problem && <VisuallyHidden> ({problem})</VisuallyHidden>}
              </Pill>
            );
          }}
        />
        <NativeSelect
          label="Role for all"
          description="New addresses get this role; change one person's role in the list."
          data={
            commonRole === MIXED
              ? [{ value: MIXED, label: "Mixed", disabled: true }, ...ROLE_OPTIONS]
              : ROLE_OPTIONS
          }
          value={commonRole}
          onChange={(event) => setRoleForAll(event.currentTarget.value)}
          maw={260}
        />
        <Box
          p="sm"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={handleDrop}
          style={{
            border: `1px dashed ${dragging ? "var(--mantine-color-blue-8)" : "var(--pn-color-border-dashed)"}`,
            borderRadius: "var(--mantine-radius-sm)",
            background: dragging ? "var(--pn-color-surface-selected)" : undefined,
          }}
        >
          <Stack gap="xs">
            <Group align="flex-end" gap="md" wrap="wrap">
              <FileInput
                label="CSV file"
                description="Drop a file here or choose one. Columns: email, role."
                placeholder="Choose a CSV file"
                accept=".csv,text/csv"
                value={file}
                onChange={(chosen) => void readCsv(chosen)}
                style={{ flex: 1, minWidth: 220 }}
              />
              <Anchor href={SAMPLE_CSV_HREF} download="invitations-sample.csv" size="sm" pb={8}>
                Download sample CSV
              </Anchor>
            </Group>
            <Box aria-live="polite">
              {notes && (
                <Stack gap={4}>
                  {notes.message && <Text size="sm">{notes.message}</Text>}
                  {notes.problems.length > 0 && (
                    <List size="sm" c="var(--pn-color-text-danger)">
                      {notes.problems.map((problem) => (
                        <List.Item key={problem}>{problem}</List.Item>
                      ))}
                    </List>
                  )}
                </Stack>
              )}
            </Box>
          </Stack>
        </Box>
        {invitees.length > 0 && (
          <InviteeList
            invitees={invitees}
            problemOf={problemOf}
            onRole={setRole}
            onRemove={remove}
          />
        )}
        <Group justify="space-between" align="center" wrap="wrap">
          <Text size="sm" c={hint ? "var(--pn-color-text-danger)" : "dimmed"} id={hintId}>
            {hint ?? `Ready to invite ${countText(invitees.length, "person", "people")}.`}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button
              type="submit"
              loading={loading}
              disabled={Boolean(hint) || over}
              aria-describedby={hintId}
            >
              Send invitations
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

interface InviteeListProps {
  invitees: readonly Invitee[];
  problemOf: (email: string) => string | null;
  onRole: (email: string, role: string) => void;
  onRemove: (email: string) => void;
}

/** One line per address: its role, what is wrong with it, and a way to remove it. */
function InviteeList({ invitees, problemOf, onRole, onRemove }: InviteeListProps) {
  const headingId = useId();
  return (
    <Stack gap={4}>
      <Title order={3} size="h5" id={headingId}>
        People to invite ({invitees.length})
      </Title>
      <Box
        component="ul"
        m={0}
        p={0}
        style={{ listStyle: "none", maxHeight: 260, overflowY: "auto" }}
        aria-labelledby={headingId}
      >
        {invitees.map(({ email, role }) => {
          const problem = problemOf(email);
          return (
            <Box
              component="li"
              key={emailKey(email)}
              py={6}
              data-testid="invitee"
              style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}
            >
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                  <Text
                    size="sm"
                    truncate="end"
                    c={problem ? "var(--pn-color-text-danger)" : undefined}
                  >
                    {email}
                  </Text>
                  {problem && (
                    <Text size="xs" c="var(--pn-color-text-danger)">
                      {problem}
                    </Text>
                  )}
                </Stack>
                <NativeSelect
                  aria-label={`Role for ${email}`}
                  data={ROLE_OPTIONS}
                  value={role}
                  onChange={(event) => onRole(email, event.currentTarget.value)}
                  size="xs"
                  w={150}
                />
                <Button
                  size="compact-sm"
                  variant="default"
                  aria-label={`Remove ${email}`}
                  onClick={() => onRemove(email)}
                >
                  Remove
                </Button>
              </Group>
            </Box>
          );
        })}
      </Box>
    </Stack>
  );
}
