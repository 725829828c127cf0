import { Button, Group, Modal, Select, Stack, Text } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import { PageError } from "../../../components/page-status";
import { describeError } from "../../../lib/errors";
import { useTeamCandidates } from "../api/get-team-candidates";

export interface MemberChoiceModalProps {
  opened: boolean;
  title: string;
  /** What choosing someone does, shown above the picker. */
  explanation: ReactNode;
  confirmLabel: string;
  /** People already in the team: not offered. */
  excludeIds: readonly string[];
  onClose: () => void;
  /** Resolves with problems to show (userErrors), or an empty list when done. */
  onConfirm: (memberId: string) => Promise<string[]>;
}

/** Picks one of the account's active people who is not in the team yet: add or replace. */
export function MemberChoiceModal(props: MemberChoiceModalProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      {props.opened && <MemberChoiceForm {...props} />}
    </Modal>
  );
}

function MemberChoiceForm({
  explanation,
  confirmLabel,
  excludeIds,
  onClose,
  onConfirm,
}: MemberChoiceModalProps) {
  const { data, previousData, loading, error, refetch } = useTeamCandidates();
  const people = ((data ?? previousData)?.viewer?.currentAccount?.members.nodes ?? []).filter(
    (person) => !excludeIds.includes(person.id),
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const [choiceError, setChoiceError] = useState<string | undefined>();
  const [problems, setProblems] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);
  const [saving, setSaving] = useState(false);

  async function confirm() {
    setProblems([]);
    setRetryable(false);
    if (!chosen) {
      setChoiceError("Choose a person.");
      return;
    }
    setSaving(true);
    try {
      const found = await onConfirm(chosen);
      if (found.length > 0) setProblems(found);
      else onClose();
    } catch (failure) {
      const described = describeError(failure);
      setProblems([described.message]);
      setRetryable(described.retryable);
    } finally {
      setSaving(false);
    }
  }

  const loadFailed = error && !loading && !data && !previousData;
  return (
    <Stack gap="md">
      <Text size="sm">{explanation}</Text>
      <FormAlert messages={problems} onRetry={retryable ? () => void confirm() : undefined} />
      {loadFailed ? (
        <PageError
          compact
          message={`Could not load your people: ${describeError(error).message}`}
          onRetry={() => {
            refetch().catch(() => undefined);
          }}
        />
      ) : (
        <Select
          label="Person"
          placeholder={
            loading && people.length === 0 ? "Loading people…" : "Search by name or email"
          }
          data={people.map((person) => ({
            value: person.id,
            label: `${person.name} (${person.email})`,
          }))}
          value={chosen}
          onChange={(value) => {
            setChosen(value);
            setChoiceError(undefined);
          }}
          searchable
          nothingFoundMessage={
            loading ? "Loading people…" : "Nobody else: everyone active is in the team"
          }
          error={choiceError}
          aria-invalid={choiceError ? true : undefined}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button loading={saving} onClick={() => void confirm()}>
          {confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}
