import { TEXT_LIMITS } from "@pn/shared";
import {
  Button,
  Card,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import { QueryError } from "../../../components/query-error";
import { describeError } from "../../../lib/errors";
import { splitUserErrors } from "../../../lib/user-errors";
import { type TransferCandidate, useTransferCandidates } from "../api/get-transfer-candidates";
import { useTransferOwnership } from "../api/transfer-ownership";

/** OWNER only: hand the account to an active internal administrator. */
export function TransferOwnershipCard() {
  const { data, loading, error, refetch } = useTransferCandidates();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const administrators = (data?.viewer?.currentAccount?.members.nodes ?? []).filter(
    (member) => member.role === "ADMINISTRATOR",
  );
  const selected = administrators.find((member) => member.id === selectedId) ?? null;

  let body;
  if (error && !data) {
    body = (
      <QueryError title="Could not load your administrators" error={error} refetch={refetch} />
    );
  } else if (loading && !data) {
    body = <Text size="sm">Loading administrators…</Text>;
  } else if (administrators.length === 0) {
    body = (
      <Text size="sm">
        Ownership can go only to an active administrator of this account. Make someone an
        administrator on the Members page first.
      </Text>
    );
  } else {
    body = (
      <Group align="flex-end" wrap="nowrap" maw={520}>
        <Select
          label="New owner"
          placeholder="Choose an administrator"
          data={administrators.map((member) => ({
            value: member.id,
            label: `${member.name} (${member.email})`,
          }))}
          value={selectedId}
          onChange={setSelectedId}
          comboboxProps={{ withinPortal: false }}
          style={{ flex: 1 }}
        />
        <Button
          color="red"
          variant="outline"
          disabled={!selected}
          onClick={() => setConfirming(true)}
        >
          Transfer ownership…
        </Button>
      </Group>
    );
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="transfer-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="transfer-heading">
          Transfer ownership
        </Title>
        <Text size="sm" c="dimmed">
          The owner changes the plan and can hand the account on. There is exactly one owner.
        </Text>
        {body}
      </Stack>
      <TransferOwnershipModal
        target={selected}
        opened={confirming && selected !== null}
        onClose={() => setConfirming(false)}
        onDone={() => {
          setConfirming(false);
          setSelectedId(null);
        }}
      />
    </Card>
  );
}

interface TransferOwnershipModalProps {
  target: TransferCandidate | null;
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}

function TransferOwnershipModal({ target, opened, onClose, onDone }: TransferOwnershipModalProps) {
  const [transferOwnership, { loading }] = useTransferOwnership();
  const [password, setPassword] = useState("");
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const [problems, setProblems] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);

  function reset() {
    setPassword("");
    setPasswordError(undefined);
    setProblems([]);
    setRetryable(false);
  }

  function close() {
    reset();
    onClose();
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!target) return;
    setPasswordError(undefined);
    setProblems([]);
    setRetryable(false);
    if (!password) {
      setPasswordError("Enter your password to confirm.");
      return;
    }
    try {
      const { data } = await transferOwnership({
        variables: { input: { memberId: target.id, password } },
      });
      const payload = data?.transferOwnership;
      const { fieldErrors, formErrors } = splitUserErrors(payload?.userErrors ?? [], [
        "password",
      ] as const);
      if (fieldErrors.password || formErrors.length > 0) {
        setPasswordError(fieldErrors.password);
        setProblems(formErrors);
        return;
      }
      notifications.show({
        color: "green",
        title: "Ownership transferred",
        message: `${target.name} is now the owner. You are an administrator.`,
      });
      reset();
      onDone();
    } catch (error) {
      const described = describeError(error);
      setProblems([described.message]);
      setRetryable(described.retryable);
    }
  }

  return (
    <Modal opened={opened} onClose={close} title="Transfer ownership">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Text>
            You will become an administrator; <strong>{target?.name}</strong> becomes the owner.
            Only the owner can change the plan or transfer ownership, so you cannot undo this
            yourself.
          </Text>
          <FormAlert messages={problems} onRetry={retryable ? () => void submit() : undefined} />
          <PasswordInput
            maxLength={TEXT_LIMITS.password}
            label="Your password"
            description="Confirm it is you."
            autoComplete="current-password"
            data-autofocus
            value={password}
            error={passwordError}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
              setPasswordError(undefined);
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={loading}>
              Transfer ownership
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
