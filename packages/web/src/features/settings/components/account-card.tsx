import {
  Button,
  Card,
  Code,
  Group,
  Loader,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { handleProblem, NAME_MAX_LENGTH, normalizeHandle, type Role } from "@pn/shared";
import { type FormEvent, useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import { describeError } from "../../../lib/errors";
import { ROLE_LABELS } from "../../../lib/enum-labels";
import { splitUserErrors } from "../../../lib/user-errors";
import { useHandleAvailability } from "../api/get-handle-availability";
import { useUpdateAccount } from "../api/update-account";

/** Wait for a pause in typing before asking the server about a handle. */
const HANDLE_CHECK_DEBOUNCE_MS = 300;

export interface AccountCardProps {
  name: string;
  handle: string;
  /** The viewer's role here, shown so a role change (ownership transfer) is visible. */
  role: Role | null;
  /** OWNER/ADMINISTRATOR: rename and change the handle. */
  canEdit: boolean;
}

export function AccountCard({ name, handle, role, canEdit }: AccountCardProps) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="account-heading">
      <Stack gap="xs">
        <Title order={2} size="h3" id="account-heading">
          Account
        </Title>
        {role && (
          <Text>
            Your role: <strong data-testid="viewer-role">{ROLE_LABELS[role]}</strong>
          </Text>
        )}
        {canEdit ? (
          <AccountForm name={name} handle={handle} />
        ) : (
          <>
            <Text>
              Name: <strong>{name}</strong>
            </Text>
            <Text>
              Account ID: <Code>{handle}</Code>
            </Text>
          </>
        )}
        <Text size="sm" c="dimmed">
          Partners invite your company by its account ID.
        </Text>
      </Stack>
    </Card>
  );
}

function AccountForm({ name: savedName, handle: savedHandle }: { name: string; handle: string }) {
  const [updateAccount, { loading }] = useUpdateAccount();
  const [name, setName] = useState(savedName);
  const [handleInput, setHandleInput] = useState(savedHandle);
  const [fieldErrors, setFieldErrors] = useState<{ name?: string; handle?: string }>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);

  const handle = normalizeHandle(handleInput);
  const localProblem = handle === savedHandle ? null : handleProblem(handle);
  const [debouncedHandle] = useDebouncedValue(handle, HANDLE_CHECK_DEBOUNCE_MS);
  const checkable = debouncedHandle !== savedHandle && handleProblem(debouncedHandle) === null;
  const availability = useHandleAvailability(checkable ? debouncedHandle : null);
  const answer =
    availability.data?.handleAvailability.handle === handle
      ? availability.data.handleAvailability
      : null;
  const checking = handle !== savedHandle && !localProblem && !answer && !availability.error;

  const nameChanged = name.trim() !== savedName;
  const handleChanged = handle !== savedHandle;
  const handleError =
    fieldErrors.handle ?? localProblem ?? (answer && !answer.available ? answer.reason : null);

  let handleDescription = "3-40 lowercase letters, digits and hyphens.";
  if (checking) handleDescription = "Checking availability…";
  else if (handleChanged && answer?.available) handleDescription = `${handle} is available.`;

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setFieldErrors({});
    setFormErrors([]);
    setRetryable(false);
    const trimmed = name.trim();
    if (!trimmed) {
      setFieldErrors({ name: "The company name is required." });
      return;
    }
    if (localProblem) return;
    try {
      const { data } = await updateAccount({
        variables: {
          input: {
            ...(nameChanged ? { name: trimmed } : {}),
            ...(handleChanged ? { handle } : {}),
          },
        },
      });
      const payload = data?.updateAccount;
      const split = splitUserErrors(payload?.userErrors ?? [], ["name", "handle"] as const);
      if (split.fieldErrors.name || split.fieldErrors.handle || split.formErrors.length > 0) {
        setFieldErrors(split.fieldErrors);
        setFormErrors(split.formErrors);
        return;
      }
      if (payload?.account) {
        setName(payload.account.name);
        setHandleInput(payload.account.handle);
      }
      notifications.show({
        color: "green",
        title: "Account saved",
        message: "Your changes are saved.",
      });
    } catch (error) {
      const described = describeError(error);
      setFormErrors([described.message]);
      setRetryable(described.retryable);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Account details">
      <Stack gap="sm" maw={420}>
        <FormAlert messages={formErrors} onRetry={retryable ? () => void submit() : undefined} />
        <TextInput
          label="Company name"
          value={name}
          maxLength={NAME_MAX_LENGTH}
          required
          error={fieldErrors.name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setFieldErrors((errors) => ({ ...errors, name: undefined }));
          }}
        />
        <TextInput
          label="Account ID"
          value={handleInput}
          required
          autoComplete="off"
          spellCheck={false}
          description={handleError ? undefined : handleDescription}
          error={handleError}
          rightSection={checking ? <Loader size="xs" aria-label="Checking availability" /> : null}
          onChange={(event) => {
            setHandleInput(event.currentTarget.value);
            setFieldErrors((errors) => ({ ...errors, handle: undefined }));
          }}
        />
        {/* The availability answer arrives while typing: announce it without moving focus. */}
        <VisuallyHidden aria-live="polite">
          {handleChanged && !checking ? (handleError ?? handleDescription) : ""}
        </VisuallyHidden>
        {handleChanged && (
          <Text size="sm" c="dimmed">
            Partners who use the old account ID ({savedHandle}) will need the new one.
          </Text>
        )}
        <Group>
          <Button
            type="submit"
            loading={loading}
            disabled={(!nameChanged && !handleChanged) || Boolean(handleError) || checking}
          >
            Save account
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
