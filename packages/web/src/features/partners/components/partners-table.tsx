import { Anchor, Badge, Group, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { Link } from "react-router";
import { type ListOrder, SortableTh } from "../../../components/list";
import type { PartnerOrderField } from "../../../gql/graphql";
import type { PartnerRow } from "../api/get-partners";
import { PartnerLogo } from "./partner-logo";
import { PartnerStatusBadge } from "./partner-status-badge";

export interface PartnersTableProps {
  partners: readonly PartnerRow[];
  busy: boolean;
  order: ListOrder<PartnerOrderField> | null;
  onSort: (field: PartnerOrderField) => void;
}

export function partnerPath(partnerId: string): string {
  return `/partners/${encodeURIComponent(partnerId)}`;
}

export function PartnersTable({ partners, busy, order, onSort }: PartnersTableProps) {
  const sort = { order, onSort };
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover aria-busy={busy} captionSide="top">
        <VisuallyHidden component="caption">Partners</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={48}>
              <VisuallyHidden>Logo</VisuallyHidden>
            </Table.Th>
            <SortableTh field="COMPANY_NAME" {...sort}>
              Company
            </SortableTh>
            <Table.Th scope="col">Contact</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            {/* By pending people: who is waiting for activation comes first, read DESC. */}
            <SortableTh field="PENDING_MEMBERS" {...sort}>
              People
            </SortableTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {partners.map((partner) => (
            <Table.Tr key={partner.id}>
              <Table.Td>
                <PartnerLogo companyName={partner.companyName} logoUrl={partner.logoUrl ?? null} />
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Group gap={6} wrap="nowrap">
                    <Anchor component={Link} to={partnerPath(partner.id)} fw={500}>
                      {partner.companyName}
                    </Anchor>
                    {partner.guest && (
                      <Badge size="xs" variant="outline" color="gray">
                        Guest
                      </Badge>
                    )}
                  </Group>
                  {partner.partnerAccount && (
                    <Text size="xs" c="dimmed">
                      Account ID: {partner.partnerAccount.handle}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                {partner.contactName || partner.contactEmail ? (
                  <Stack gap={2}>
                    {partner.contactName && <Text size="sm">{partner.contactName}</Text>}
                    {partner.contactEmail && (
                      <Text size="xs" c="dimmed">
                        {partner.contactEmail}
                      </Text>
                    )}
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <PartnerStatusBadge status={partner.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" data-testid="partner-member-counts">
                  {partner.memberCounts.pending} pending · {partner.memberCounts.active} active
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
