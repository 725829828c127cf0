import { Button, Grid, Group, NavLink, Stack, Text, Title } from "@mantine/core";
import { useId, useState } from "react";
import { ListSummary } from "../../components/list";
import { Page } from "../../components/page";
import { PageEmpty, PageError, PageLoading } from "../../components/page-status";
import { countText, formatDateTime } from "../../lib/format";
import { useMailbox } from "./api/get-mailbox";
import { MessageView } from "./components/message-view";

/** `/dev/mailbox`: what the server would have emailed, when it has no SMTP server. A dev tool. */
export function MailboxPage() {
  const { state, refresh } = useMailbox();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const listHeadingId = useId();

  let content;
  if (state.status === "loading") {
    content = <PageLoading label="Loading the mailbox" />;
  } else if (state.status === "off") {
    content = (
      <PageEmpty
        title="The dev mailbox is off (SMTP is configured)"
        message="Emails go out through the SMTP server; check the recipient's inbox instead."
      />
    );
  } else if (state.status === "error") {
    content = (
      <PageError title="Could not load the mailbox" message={state.message} onRetry={refresh} />
    );
  } else if (state.messages.length === 0) {
    content = (
      <PageEmpty
        title="No emails yet"
        message="Invite someone and the email shows up here."
        action={
          <Button variant="default" onClick={refresh} loading={state.refreshing}>
            Refresh
          </Button>
        }
      />
    );
  } else {
    const selected = state.messages.find((message) => message.id === selectedId) ?? null;
    content = (
      <Stack gap="sm">
        <Group gap="xs">
          <Button variant="default" onClick={refresh} loading={state.refreshing}>
            Refresh
          </Button>
          <ListSummary
            summary={countText(state.messages.length, "email", "emails")}
            loading={state.refreshing}
            loadingLabel="Loading the mailbox"
          />
        </Group>
        <Grid>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <section aria-labelledby={listHeadingId}>
              <Title order={2} size="h4" id={listHeadingId} mb="xs">
                Emails
              </Title>
              <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
                {state.messages.map((message) => (
                  <li key={message.id}>
                    <NavLink
                      component="button"
                      type="button"
                      label={message.subject}
                      description={`To ${message.to} · ${formatDateTime(message.sentAt)}`}
                      active={message.id === selected?.id}
                      aria-current={message.id === selected?.id ? "true" : undefined}
                      variant="filled"
                      onClick={() => setSelectedId(message.id)}
                    />
                  </li>
                ))}
              </Stack>
            </section>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            {selected ? (
              <MessageView message={selected} />
            ) : (
              <Text c="dimmed" py="md">
                Choose an email to read it.
              </Text>
            )}
          </Grid.Col>
        </Grid>
      </Stack>
    );
  }

  return (
    <Page
      title="Dev mailbox"
      description="Emails the server would have sent. It keeps them here only when no SMTP server is set."
    >
      {content}
    </Page>
  );
}
