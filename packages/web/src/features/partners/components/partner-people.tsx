import { Badge, Button, Card, Group, Stack, Table, Title } from "@mantine/core";
import { useState } from "react";
import { PageEmpty, PageError, PageLoading } from "../../../components/page-status";
import { describeError } from "../../../lib/errors";
import { MEMBER_STATUS_LABELS, toMemberStatus } from "../../../lib/enum-labels";
import { usePartnerMembers } from "../api/get-partner-members";
import type { PageCursor } from "../api/get-partners";
import { peopleCount } from "../labels";
import { AddExternalMemberDialog } from "./add-external-member-dialog";
import { ListPager } from "../../../components/list-pager";

export interface PartnerPeopleProps {
  partner: { id: string; companyName: string; allowLogin: boolean };
  /** EDITOR and up, while the partner is in the network. */
  canAdd: boolean;
}

const STATUS_COLORS = { ACTIVE: "green", PENDING: "yellow", ARCHIVED: "gray" } as const;

/** The partner's people in this account, and "Add external member". */
export function PartnerPeople({ partner, canAdd }: PartnerPeopleProps) {
  const [cursor, setCursor] = useState<PageCursor>(null);
  const [adding, setAdding] = useState(false);
  const { data, previousData, loading, error, refetch } = usePartnerMembers(partner.id, cursor);
  const node = (data ?? previousData)?.node;
  const connection = node?.__typename === "Partner" ? node.members : null;

  let content;
  if (error && !loading && !connection) {
    const { message, retryable } = describeError(error);
    content = (
      <PageError
        title="Could not load the partner's people"
        message={message}
        onRetry={
          retryable
            ? () => {
                refetch().catch(() => undefined);
              }
            : undefined
        }
      />
    );
  } else if (!connection) {
    content = <PageLoading label="Loading people" />;
  } else if (connection.nodes.length === 0 && !loading) {
    content = (
      <PageEmpty
        title="No people yet"
        message={
          canAdd
            ? "People appear here when the partner's account joins, or add them yourself."
            : "People appear here when the partner's account joins."
        }
      />
    );
  } else {
    content = (
      <Stack gap="sm">
        <Table.ScrollContainer minWidth={600}>
          <Table striped aria-busy={loading} captionSide="top">
            <Table.Caption>External members from {partner.companyName}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Email</Table.Th>
                <Table.Th scope="col">Title</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Login</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {connection.nodes.map((member) => (
                <Table.Tr key={member.id}>
                  <Table.Td>{member.name}</Table.Td>
                  <Table.Td>{member.email}</Table.Td>
                  <Table.Td>{member.title ?? "—"}</Table.Td>
                  <Table.Td>
                    <Badge variant="dot" color={STATUS_COLORS[member.status]}>
                      {MEMBER_STATUS_LABELS[toMemberStatus(member.status)]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{member.canLogin ? "Can log in" : "No login"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ListPager
          summary={peopleCount(connection.totalCount)}
          pageInfo={connection.pageInfo}
          loading={loading}
          label="People pages"
          loadingLabel="Loading people"
          onPrevious={(before) => setCursor({ before })}
          onNext={(after) => setCursor({ after })}
        />
      </Stack>
    );
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="partner-people-heading">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3" id="partner-people-heading">
            People
          </Title>
          {canAdd && (
            <Button variant="default" onClick={() => setAdding(true)} aria-haspopup="dialog">
              Add external member
            </Button>
          )}
        </Group>
        {content}
      </Stack>
      {canAdd && (
        <AddExternalMemberDialog
          partner={partner}
          opened={adding}
          onClose={() => setAdding(false)}
        />
      )}
    </Card>
  );
}
