import { TEXT_LIMITS } from "@pn/shared";
import { Button, Checkbox, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import type { WebhookEventType } from "../../../gql/graphql";
import { describeError } from "../../../lib/errors";
import { splitUserErrors, type FieldErrors } from "../../../lib/user-errors";
import { useCreateWebhookEndpoint } from "../api/create-webhook-endpoint";
import { EVENT_GROUPS } from "../event-types";

export type CreatedEndpoint = { url: string; secret: string };

type Field = "url" | "description" | "eventTypes";
const FIELDS: readonly Field[] = ["url", "description", "eventTypes"];

export interface CreateWebhookEndpointModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (created: CreatedEndpoint) => void;
}

/** URL, a note, and the events to send; the server checks the URL is a public address. */
export function CreateWebhookEndpointModal({
  opened,
  onClose,
  onCreated,
}: CreateWebhookEndpointModalProps) {
  const [createEndpoint, { loading }] = useCreateWebhookEndpoint();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [eventTypes, setEventTypes] = useState<WebhookEventType[]>([]);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<Field>>({});
  const [problems, setProblems] = useState<string[]>([]);

  function close() {
    setUrl("");
    setDescription("");
    setEventTypes([]);
    setFieldErrors({});
    setProblems([]);
    onClose();
  }

  async function submit() {
    setProblems([]);
    if (eventTypes.length === 0) {
      setFieldErrors({ eventTypes: "Choose at least one event." });
      return;
    }
    try {
      const { data } = await createEndpoint({
        variables: {
          input: { url: url.trim(), description: description.trim() || null, eventTypes },
        },
      });
      const payload = data?.createWebhookEndpoint;
      const split = splitUserErrors(payload?.userErrors ?? [], FIELDS);
      setFieldErrors(split.fieldErrors);
      setProblems(split.formErrors);
      if (payload?.secret && payload.webhookEndpoint) {
        onCreated({ url: payload.webhookEndpoint.url, secret: payload.secret });
        close();
      }
    } catch (error) {
      setProblems([describeError(error).message]);
    }
  }

  return (
    <Modal opened={opened} onClose={close} title="Add webhook endpoint" size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <TextInput
            maxLength={TEXT_LIMITS.url}
            label="URL"
            description="Events are POSTed here as JSON, signed as Standard Webhooks."
            placeholder="https://partner.example.com/webhooks"
            required
            value={url}
            onChange={(event) => setUrl(event.currentTarget.value)}
            error={fieldErrors.url}
            data-autofocus
          />
          <TextInput
            maxLength={TEXT_LIMITS.description}
            label="Description"
            placeholder="Which system receives it"
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={fieldErrors.description}
          />
          <Checkbox.Group
            label="Events"
            description="Send only what the receiver needs."
            value={eventTypes}
            onChange={(value) => setEventTypes(value as WebhookEventType[])}
            error={fieldErrors.eventTypes}
            withAsterisk
          >
            <Stack gap="sm" mt="xs">
              {EVENT_GROUPS.map((group) => (
                <Stack gap={4} key={group.label}>
                  <Text size="sm" fw={500}>
                    {group.label}
                  </Text>
                  <Group gap="md">
                    {group.events.map((event) => (
                      <Checkbox key={event.value} value={event.value} label={event.name} />
                    ))}
                  </Group>
                </Stack>
              ))}
            </Stack>
          </Checkbox.Group>
          <FormAlert messages={problems} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              Add endpoint
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
