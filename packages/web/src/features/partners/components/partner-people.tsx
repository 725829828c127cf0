import { Badge, Button, Card, Group, Stack, Table, Title } from "@mantine/core";
import { useState } from "react";
import { ConnectionList, SortableTh, useListState } from "../../../components/list";
import { PageEmpty } from "../../../components/page-status";
import { MEMBER_STATUS_LABELS, toMemberStatus } from "../../../lib/enum-labels";
import { PARTNER_MEMBER_ORDER_FIELDS, usePartnerMembers } from "../api/get-partner-members";
import { peopleCount } from "../labels";
import { AddExternalMemberDialog } from "./add-external-member-dialog";

export interface PartnerPeopleProps {
  partner: { id: string; companyName: string; allowLogin: boolean };
  /** EDITOR and up, while the partner is in the network. */
  canAdd: boolean;
}

const STATUS_COLORS = { ACTIVE: "green", PENDING: "yellow", ARCHIVED: "gray" } as const;

/** The partner's people in this account, and "Add external member". */
export function PartnerPeople({ partner, canAdd }: PartnerPeopleProps) {
  // Order and page in the URL like every list (`/partners/<id>?sort=NAME&dir=ASC`).
  const { order, toggleSort, paging } = useListState({ sortFields: PARTNER_MEMBER_ORDER_FIELDS });
  const sort = { order, onSort: toggleSort };
  const [adding, setAdding] = useState(false);
  const { data, previousData, loading, error, refetch } = usePartnerMembers(
    partner.id,
    order,
    paging.cursor,
  );
  const node = (data ?? previousData)?.node;
  const connection = node?.__typename === "Partner" ? node.members : null;

  const content = (
    <ConnectionList
      connection={connection}
      loading={loading}
      error={error}
      refetch={refetch}
      errorTitle="Could not load the partner's people"
      loadingLabel="Loading people"
      empty={
        <PageEmpty
          title="No people yet"
          message={
            canAdd
              ? "People appear here when the partner's account joins, or add them yourself."
              : "People appear here when the partner's account joins."
          }
        />
      }
      paging={paging}
      summary={peopleCount}
      pagerLabel="People pages"
    >
      {(members) => (
        <Table.ScrollContainer minWidth={600}>
          <Table striped aria-busy={loading} captionSide="top">
            <Table.Caption>External members from {partner.companyName}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <SortableTh field="NAME" {...sort}>
                  Name
                </SortableTh>
                <SortableTh field="EMAIL" {...sort}>
                  Email
                </SortableTh>
                <Table.Th scope="col">Title</Table.Th>
                <SortableTh field="STATUS" {...sort}>
                  Status
                </SortableTh>
                <Table.Th scope="col">Login</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((member) => (
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
      )}
    </ConnectionList>
  );

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
