import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { Page } from "../../components/page";
import { PageEmpty } from "../../components/page-status";
import { RecordStatus } from "../../components/record-status";
import { type MyClientRecord, useMyClient } from "./api/get-my-client";

/** `/my-team`: what a signed-in client sees: the people serving them and how to reach them. */
export function MyTeamPage() {
  const { data, loading, error, refetch } = useMyClient();
  const account = data?.viewer?.currentAccount;
  const record = account?.clients.nodes[0] ?? null;

  let content;
  if (record) {
    content = <TeamContacts record={record} accountName={account?.name ?? ""} />;
  } else {
    content = (
      <RecordStatus
        errorTitle="Could not load your team"
        loadingLabel="Loading your team"
        missing={
          <PageEmpty
            title="No team yet"
            message="You are not set up as a client of this account. Ask the person who invited you."
          />
        }
        loaded={data !== undefined}
        loading={loading}
        error={error}
        refetch={refetch}
      />
    );
  }

  return (
    <Page
      title="Your team"
      description={
        account ? `The people at ${account.name} who work for you.` : "The people who work for you."
      }
    >
      {content}
    </Page>
  );
}

function TeamContacts({ record, accountName }: { record: MyClientRecord; accountName: string }) {
  const members = record.team.members;
  const lead = members.find((membership) => membership.isLead)?.member;
  if (members.length === 0) {
    return (
      <PageEmpty title="No team yet" message={`Nobody at ${accountName} is assigned to you yet.`} />
    );
  }
  return (
    <Stack gap="md">
      {lead && (
        <Text>
          Your first contact is <strong>{lead.name}</strong>, who leads your team: write to{" "}
          <Anchor href={`mailto:${lead.email}`}>{lead.email}</Anchor>.
        </Text>
      )}
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 3 }}
        component="ul"
        m={0}
        p={0}
        style={{ listStyle: "none" }}
        aria-label="Team members"
      >
        {members.map(({ member, isLead }) => (
          <Card key={member.id} withBorder padding="md" component="li">
            <Stack gap={4}>
              <Group gap="xs">
                <Text fw={600}>{member.name}</Text>
                {isLead && (
                  <Badge color="blue" variant="filled" size="sm">
                    Lead
                  </Badge>
                )}
              </Group>
              {member.title && (
                <Text size="sm" c="dimmed">
                  {member.title}
                </Text>
              )}
              <Anchor href={`mailto:${member.email}`} size="sm">
                {member.email}
              </Anchor>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
