import { Button, Group, Text, TextInput } from "@mantine/core";
import { TEXT_LIMITS } from "@pn/shared";
import { type FormEvent, useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import { describeError } from "../../../lib/errors";
import { splitUserErrors } from "../../../lib/user-errors";
import { useUpdateClient } from "../api/update-client";

export interface ClientTitleFormProps {
  clientId: string;
  clientName: string;
  title: string | null;
}

/** EDITOR and up: the client's title, saved on its own (empty removes it). */
export function ClientTitleForm({ clientId, clientName, title }: ClientTitleFormProps) {
  const [updateClient, { loading }] = useUpdateClient();
  const [value, setValue] = useState(title ?? "");
  const [error, setError] = useState<string | undefined>();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);
  const [saved, setSaved] = useState(false);
  const changed = value.trim() !== (title ?? "");

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!changed) return;
    setFormErrors([]);
    setRetryable(false);
    setSaved(false);
    try {
      const { data } = await updateClient({
        variables: { input: { clientId, title: value.trim() } },
      });
      const { fieldErrors, formErrors: general } = splitUserErrors(
        data?.updateClient.userErrors ?? [],
        ["title"] as const,
      );
      if (general.length > 0 || fieldErrors.title) {
        setError(fieldErrors.title);
        setFormErrors(general);
        return;
      }
      setValue(data?.updateClient.client?.title ?? "");
      setSaved(true);
    } catch (failure) {
      const described = describeError(failure);
      setFormErrors([described.message]);
      setRetryable(described.retryable);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={`Title of ${clientName}`}>
      <FormAlert messages={formErrors} onRetry={retryable ? () => void submit() : undefined} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label="Title"
          description="Their role at their company, e.g. “Head of purchasing”; empty for none."
          maxLength={TEXT_LIMITS.title}
          value={value}
          error={error}
          style={{ flex: 1, minWidth: 220 }}
          onChange={(event) => {
            setValue(event.currentTarget.value);
            setError(undefined);
            setSaved(false);
          }}
        />
        <Button type="submit" variant="default" loading={loading} disabled={!changed}>
          Save title
        </Button>
      </Group>
      <Text size="sm" c="var(--pn-color-text-success)" role="status" mt={4}>
        {saved ? "Title saved." : ""}
      </Text>
    </form>
  );
}
