import { Alert, Button, Group, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { can, type Role } from "@pn/shared";
import { useId, useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import { describeError } from "../../../lib/errors";
import { useActivateMembers } from "../api/activate-members";
import { useArchiveMembers } from "../api/archive-members";
import type { MemberDetailsNode } from "../api/get-member-details";
import { useMemberSeats } from "../api/get-member-seats";
import { useRestoreMembers } from "../api/restore-members";
import { type BulkAction, BULK_ACTION_TEXT } from "./bulk-status";

export interface MemberStatusActionsProps {
  member: MemberDetailsNode;
  viewerRole: Role | null;
  /** The viewer's own member: they cannot archive themselves. */
  isSelf: boolean;
}

const CONFIRM_TEXT: Record<"archive" | "restore", (name: string) => string> = {
  archive: (name) =>
    `Archive ${name}? They lose access to this account at once and their sessions here end. You can restore them later.`,
  restore: (name) => `Restore ${name}? They become an active member of this account again.`,
};

type Seats = { seatsUsed: number; seatLimit: number | null };

function ofLimit(used: number, limit: number | null): string {
  return limit === null ? `${used} used (unlimited plan)` : `${used} of ${limit} used`;
}

/**
 * What the change does to the seats: only active internal members use one. Archiving an active
 * one frees it ("frees 1 seat: 6 of 10 used"); restoring an internal one takes one.
 */
function seatEffect(
  action: "archive" | "restore",
  member: Pick<MemberDetailsNode, "type" | "status">,
  seats: Seats | null | undefined,
): string | null {
  if (member.type !== "INTERNAL" || !seats) return null;
  if (action === "archive") {
    if (member.status !== "ACTIVE") return null;
    return `This frees 1 seat: ${ofLimit(seats.seatsUsed - 1, seats.seatLimit)}.`;
  }
  if (seats.seatLimit !== null && seats.seatsUsed >= seats.seatLimit) {
    return `This needs 1 seat, but all ${seats.seatLimit} are used: archive someone or change the plan first.`;
  }
  return `This uses 1 seat: ${ofLimit(seats.seatsUsed + 1, seats.seatLimit)}.`;
}

/** Activate a pending member; archive or restore one, after a confirmation. Admins only. */
export function MemberStatusActions({ member, viewerRole, isSelf }: MemberStatusActionsProps) {
  const [activateMembers] = useActivateMembers();
  const [archiveMembers] = useArchiveMembers();
  const [restoreMembers] = useRestoreMembers();
  const [confirming, setConfirming] = useState<"archive" | "restore" | null>(null);
  const [running, setRunning] = useState<BulkAction | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [retry, setRetry] = useState<BulkAction | null>(null);
  const headingId = useId();
  const allowed = can(viewerRole, "activateMembers");
  const seats = useMemberSeats(!allowed || member.type !== "INTERNAL").data?.viewer?.currentAccount;

  if (!allowed) return null;
  if (member.role === "OWNER") {
    return (
      <Stack gap="sm" component="section" aria-labelledby={headingId}>
        <Title order={3} size="h5" id={headingId}>
          Status
        </Title>
        <Text size="sm" c="dimmed">
          The owner cannot be archived or removed, and only the owner changes their own status.
          Transferring ownership (in Settings) is the only way to hand the account over.
        </Text>
      </Stack>
    );
  }
  const canArchive = member.status !== "ARCHIVED" && !isSelf;
  const actions: BulkAction[] = [
    ...(member.status === "PENDING" ? (["activate"] as const) : []),
    ...(canArchive ? (["archive"] as const) : []),
    ...(member.status === "ARCHIVED" ? (["restore"] as const) : []),
  ];
  if (actions.length === 0) return null;

  async function send(action: BulkAction) {
    const input = { memberIds: [member.id] };
    switch (action) {
      case "activate":
        return (await activateMembers({ variables: { input } })).data?.activateMembers;
      case "archive":
        return (await archiveMembers({ variables: { input } })).data?.archiveMembers;
      case "restore":
        return (await restoreMembers({ variables: { input } })).data?.restoreMembers;
    }
  }

  async function run(action: BulkAction) {
    setRunning(action);
    setProblems([]);
    setRetry(null);
    try {
      const result = await send(action);
      const userErrors = result?.userErrors ?? [];
      if (userErrors.length > 0) {
        setProblems(userErrors.map((error) => error.message));
        return;
      }
      setConfirming(null);
      notifications.show({
        color: "green",
        title: `Member ${BULK_ACTION_TEXT[action].done}`,
        message: `${member.name} is ${BULK_ACTION_TEXT[action].done}.`,
      });
    } catch (error) {
      const described = describeError(error);
      setProblems([described.message]);
      setRetry(described.retryable ? action : null);
    } finally {
      setRunning(null);
    }
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId}>
        Status
      </Title>
      <FormAlert messages={problems} onRetry={retry ? () => void run(retry) : undefined} />
      {confirming ? (
        // No Alert title: Mantine colours it, below 4.5:1 on the light background.
        <Alert color="orange" variant="light">
          <Stack gap="sm">
            <Text size="sm" fw={700}>
              {BULK_ACTION_TEXT[confirming].label} member
            </Text>
            <Text size="sm">{CONFIRM_TEXT[confirming](member.name)}</Text>
            {seatEffect(confirming, member, seats) && (
              <Text size="sm" data-testid="seat-effect">
                {seatEffect(confirming, member, seats)}
              </Text>
            )}
            <Group gap="sm">
              <Button
                variant="default"
                size="sm"
                // The question just appeared: focus stays next to it, on the safe choice.
                autoFocus
                onClick={() => setConfirming(null)}
              >
                Cancel
              </Button>
              <Button
                size="sm"
                color={confirming === "archive" ? "red" : undefined}
                loading={running === confirming}
                onClick={() => void run(confirming)}
              >
                Yes, {confirming}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        <Group gap="sm">
          {actions.map((action) => (
            <Button
              key={action}
              variant={action === "activate" ? "filled" : "default"}
              color={action === "archive" ? "red" : undefined}
              loading={running === action}
              disabled={running !== null && running !== action}
              onClick={() => (action === "activate" ? void run(action) : setConfirming(action))}
            >
              {BULK_ACTION_TEXT[action].label}
            </Button>
          ))}
        </Group>
      )}
    </Stack>
  );
}
