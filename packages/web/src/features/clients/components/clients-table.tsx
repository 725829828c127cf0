import { Anchor, Badge, Button, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { Link } from "react-router";
import { type ListOrder, SortableTh } from "../../../components/list";
import type { ClientOrderField } from "../../../gql/graphql";
import { formatDateTime } from "../../../lib/format";
import type { ClientRow } from "../api/get-clients";
import { CLIENT_STATUS_COLORS, CLIENT_STATUS_LABELS, CLIENT_TYPE_LABELS } from "../labels";

export interface ClientsTableProps {
  clients: readonly ClientRow[];
  busy: boolean;
  order: ListOrder<ClientOrderField> | null;
  onSort: (field: ClientOrderField) => void;
  /** Null: the role may not remove clients from the network. */
  onRemove: ((client: ClientRow) => void) | null;
}

export function ClientsTable({ clients, busy, order, onSort, onRemove }: ClientsTableProps) {
  const sort = { order, onSort };
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover aria-busy={busy} captionSide="top">
        <VisuallyHidden component="caption">Clients</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <SortableTh field="NAME" {...sort}>
              Client
            </SortableTh>
            <Table.Th scope="col">Team lead</Table.Th>
            <Table.Th scope="col">Type</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <SortableTh field="CREATED_AT" {...sort}>
              Since
            </SortableTh>
            {onRemove && (
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clients.map((client) => (
            <Table.Tr key={client.id}>
              <Table.Td>
                <Stack gap={2}>
                  <Anchor component={Link} to={`/clients/${client.id}`} size="sm" fw={500}>
                    {client.name}
                  </Anchor>
                  {client.clientAccount && (
                    <Text size="xs" c="dimmed">
                      Account ID: {client.clientAccount.handle}
                    </Text>
                  )}
                  {client.email && (
                    <Text size="xs" c="dimmed">
                      {client.email}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                {client.team.lead ? (
                  <Stack gap={2}>
                    <Text size="sm">{client.team.lead.name}</Text>
                    <Text size="xs" c="dimmed">
                      {client.team.lead.email}
                    </Text>
                  </Stack>
                ) : (
                  "—"
                )}
              </Table.Td>
              <Table.Td>{CLIENT_TYPE_LABELS[client.type]}</Table.Td>
              <Table.Td>
                <Badge
                  variant="dot"
                  color={CLIENT_STATUS_COLORS[client.status]}
                  title={
                    client.removedAt ? `Removed ${formatDateTime(client.removedAt)}` : undefined
                  }
                >
                  {CLIENT_STATUS_LABELS[client.status]}
                </Badge>
              </Table.Td>
              <Table.Td>{formatDateTime(client.createdAt)}</Table.Td>
              {onRemove && (
                <Table.Td>
                  {client.status !== "REMOVED" && (
                    <Button
                      size="compact-sm"
                      variant="default"
                      aria-label={`Remove ${client.name} from network`}
                      aria-haspopup="dialog"
                      onClick={() => onRemove(client)}
                    >
                      Remove
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
