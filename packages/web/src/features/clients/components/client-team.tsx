import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useId, useState } from "react";
import { ConfirmActionModal } from "../../../components/confirm-action-modal";
import { FormAlert } from "../../../components/form-alert";
import { describeError } from "../../../lib/errors";
import { formatDateTime } from "../../../lib/format";
import type { ClientDetailsNode, TeamMembershipRow } from "../api/get-client";
import {
  useAddTeamMember,
  useMakeTeamLead,
  useRemoveTeamMember,
  useReplaceTeamMember,
} from "../api/team-operations";
import { MemberChoiceModal } from "./member-choice-modal";

export interface ClientTeamProps {
  client: ClientDetailsNode;
  /** EDITOR and up, and the client is not removed. */
  canManage: boolean;
}

type Person = TeamMembershipRow["member"];
type Dialog =
  | { kind: "add" }
  | { kind: "replace"; person: Person; isLead: boolean }
  | { kind: "remove"; person: Person }
  | null;

/** A member's name from a team a mutation returned. */
function nameOf(
  team: { members: readonly { member: { id: string; name: string } }[] } | null | undefined,
  memberId: string,
) {
  return team?.members.find((m) => m.member.id === memberId)?.member.name ?? "They";
}

export const LEAD_REMOVAL_REASON = "The lead cannot be removed: make someone else lead first.";
export const LAST_MEMBER_REASON = "A team needs at least one person: add someone first.";

/** "View team": the people serving a client, the lead marked; editors change the team here. */
export function ClientTeam({ client, canManage }: ClientTeamProps) {
  const team = client.team;
  const members = team.members;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [open, setOpen] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  /** The last change made here, announced in the section (a toast could cover the table). */
  const [notice, setNotice] = useState<string | null>(null);
  const [addTeamMember] = useAddTeamMember();
  const [replaceTeamMember] = useReplaceTeamMember();
  const [makeTeamLead, { loading: makingLead }] = useMakeTeamLead();
  const headingId = useId();

  function show(next: Dialog) {
    setProblems([]);
    setNotice(null);
    setDialog(next);
    setOpen(true);
  }

  async function makeLead(person: Person) {
    setProblems([]);
    setNotice(null);
    try {
      const { data } = await makeTeamLead({
        variables: { input: { clientId: client.id, memberId: person.id } },
      });
      const errors = data?.makeTeamLead.userErrors ?? [];
      if (errors.length) {
        setProblems(errors.map((error) => error.message));
        return;
      }
      setNotice(`${person.name} now leads ${client.name}'s team.`);
    } catch (error) {
      setProblems([describeError(error).message]);
    }
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between" align="center">
          <Title order={2} size="h3" id={headingId}>
            Team
          </Title>
          {canManage && (
            <Button variant="default" aria-haspopup="dialog" onClick={() => show({ kind: "add" })}>
              Add member
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          Your people serving {client.name}. The lead is their first contact; the client sees
          everyone here with their email.
        </Text>
        <FormAlert messages={problems} />
        {notice && (
          <Alert color="green" variant="light" role="status">
            <Text size="sm">{notice}</Text>
          </Alert>
        )}
        {members.length === 0 ? (
          <Text size="sm">
            {client.type === "ACCOUNT"
              ? "Nobody is assigned: a linked company works with your account as a whole."
              : "Nobody serves this client yet."}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table captionSide="top">
              <VisuallyHidden component="caption">Team of {client.name}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Person</Table.Th>
                  <Table.Th scope="col">Email</Table.Th>
                  <Table.Th scope="col">In the team since</Table.Th>
                  {canManage && (
                    <Table.Th scope="col">
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.map(({ member: person, isLead, addedAt }) => {
                  const reason = isLead
                    ? LEAD_REMOVAL_REASON
                    : members.length <= 1
                      ? LAST_MEMBER_REASON
                      : null;
                  const reasonId = `${headingId}-${person.id}-reason`;
                  return (
                    <Table.Tr key={person.id}>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Text size="sm" fw={500}>
                            {person.name}
                          </Text>
                          {isLead && (
                            <Badge color="blue" variant="filled" size="sm">
                              Lead
                            </Badge>
                          )}
                        </Group>
                        {person.title && (
                          <Text size="xs" c="dimmed">
                            {person.title}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ overflowWrap: "anywhere" }}>{person.email}</Table.Td>
                      <Table.Td>{formatDateTime(addedAt)}</Table.Td>
                      {canManage && (
                        <Table.Td>
                          <Stack gap={4}>
                            <Group gap="xs" wrap="nowrap">
                              {!isLead && (
                                <Button
                                  size="compact-sm"
                                  variant="default"
                                  loading={makingLead}
                                  aria-label={`Make lead: ${person.name}`}
                                  onClick={() => void makeLead(person)}
                                >
                                  Make lead
                                </Button>
                              )}
                              <Button
                                size="compact-sm"
                                variant="default"
                                aria-haspopup="dialog"
                                aria-label={`Replace ${person.name}`}
                                onClick={() => show({ kind: "replace", person, isLead })}
                              >
                                Replace
                              </Button>
                              <Button
                                size="compact-sm"
                                variant="default"
                                color="red"
                                aria-haspopup="dialog"
                                aria-label={`Remove ${person.name}`}
                                disabled={reason !== null}
                                aria-describedby={reason ? reasonId : undefined}
                                onClick={() => show({ kind: "remove", person })}
                              >
                                Remove
                              </Button>
                            </Group>
                            {reason && (
                              <Text size="xs" c="dimmed" id={reasonId}>
                                {reason}
                              </Text>
                            )}
                          </Stack>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {canManage && (
        <>
          <MemberChoiceModal
            opened={open && dialog?.kind === "add"}
            title="Add team member"
            explanation={`They join ${client.name}'s team; the lead stays as it is.`}
            confirmLabel="Add to team"
            excludeIds={members.map((m) => m.member.id)}
            onClose={() => setOpen(false)}
            onConfirm={async (memberId) => {
              const { data } = await addTeamMember({
                variables: { input: { clientId: client.id, memberId } },
              });
              const errors = data?.addTeamMember.userErrors ?? [];
              if (!errors.length)
                setNotice(`${nameOf(data?.addTeamMember.team, memberId)} joined the team.`);
              return errors.map((error) => error.message);
            }}
          />
          <MemberChoiceModal
            opened={open && dialog?.kind === "replace"}
            title={dialog?.kind === "replace" ? `Replace ${dialog.person.name}` : "Replace"}
            explanation={
              dialog?.kind === "replace"
                ? `${dialog.person.name} leaves ${client.name}'s team and the person you choose takes their place${dialog.isLead ? ", as the lead" : ""}.`
                : ""
            }
            confirmLabel="Replace"
            excludeIds={members.map((m) => m.member.id)}
            onClose={() => setOpen(false)}
            onConfirm={async (replacementMemberId) => {
              if (dialog?.kind !== "replace") return [];
              const { data } = await replaceTeamMember({
                variables: {
                  input: { clientId: client.id, memberId: dialog.person.id, replacementMemberId },
                },
              });
              const errors = data?.replaceTeamMember.userErrors ?? [];
              if (!errors.length) {
                setNotice(
                  `${nameOf(data?.replaceTeamMember.team, replacementMemberId)} replaced ${dialog.person.name}.`,
                );
              }
              return errors.map((error) => error.message);
            }}
          />
          <RemoveTeamMemberModal
            clientId={client.id}
            clientName={client.name}
            person={dialog?.kind === "remove" ? dialog.person : null}
            opened={open && dialog?.kind === "remove"}
            onClose={() => setOpen(false)}
            onRemoved={(person) => setNotice(`${person.name} left the team.`)}
          />
        </>
      )}
    </Card>
  );
}

function RemoveTeamMemberModal({
  clientId,
  clientName,
  person,
  opened,
  onClose,
  onRemoved,
}: {
  clientId: string;
  clientName: string;
  person: Person | null;
  opened: boolean;
  onClose: () => void;
  onRemoved: (person: Person) => void;
}) {
  const [removeTeamMember] = useRemoveTeamMember();
  const name = person?.name ?? "this person";

  async function remove() {
    if (!person) return [];
    const { data } = await removeTeamMember({
      variables: { input: { clientId, memberId: person.id } },
    });
    const errors = data?.removeTeamMember.userErrors ?? [];
    if (!errors.length) onRemoved(person);
    return errors;
  }

  return (
    <ConfirmActionModal
      opened={opened}
      onClose={onClose}
      title="Remove from team"
      confirmLabel="Remove from team"
      onConfirm={remove}
    >
      <Text>
        Remove <strong>{name}</strong> from {clientName}&apos;s team? They no longer serve{" "}
        {clientName}, and {clientName} no longer sees them as a contact. They stay in your account.
      </Text>
    </ConfirmActionModal>
  );
}
