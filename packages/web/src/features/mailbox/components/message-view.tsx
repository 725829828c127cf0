import { Card, Stack, Text, Title } from "@mantine/core";
import { useId } from "react";
import { formatDateTime } from "../../../lib/format";
import type { MailboxMessage } from "../api/get-mailbox";
import { LinkifiedText } from "./linkified-text";

/** One email: subject, recipient, time and its text part with clickable links. */
export function MessageView({ message }: { message: MailboxMessage }) {
  const headingId = useId();
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {message.subject}
        </Title>
        <Text size="sm" c="dimmed">
          To {message.to} · {formatDateTime(message.sentAt)}
        </Text>
        <Text
          component="div"
          size="sm"
          style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}
          data-testid="mailbox-message-text"
        >
          <LinkifiedText text={message.text} />
        </Text>
      </Stack>
    </Card>
  );
}
