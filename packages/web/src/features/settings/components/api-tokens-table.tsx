import { Badge, Button, Group, Table, VisuallyHidden } from "@mantine/core";
import { API_SCOPE_LABELS, toApiScope } from "../../../lib/enum-labels";
import { useNow } from "../../../hooks/use-now";
import { formatDateTime } from "../../../lib/format";
import type { ApiTokenRow } from "../api/get-api-tokens";

export interface ApiTokensTableProps {
  tokens: readonly ApiTokenRow[];
  onRevoke: (token: ApiTokenRow) => void;
}

export function ApiTokensTable({ tokens, onRevoke }: ApiTokensTableProps) {
  const now = useNow();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table captionSide="top">
        <VisuallyHidden component="caption">API tokens</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Scopes</Table.Th>
            <Table.Th scope="col">Created</Table.Th>
            <Table.Th scope="col">Last used</Table.Th>
            <Table.Th scope="col">Expires</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>{token.name}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {token.scopes.map((scope) => (
                    <Badge key={scope} variant="light" color="gray">
                      {API_SCOPE_LABELS[toApiScope(scope)]}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
              <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "never"}</Table.Td>
              <Table.Td>{token.expiresAt ? formatDateTime(token.expiresAt) : "never"}</Table.Td>
              <Table.Td>
                {token.revokedAt ? (
                  <Badge variant="dot" color="red" title={formatDateTime(token.revokedAt)}>
                    Revoked
                  </Badge>
                ) : token.expiresAt && new Date(token.expiresAt).getTime() <= now ? (
                  <Badge variant="dot" color="gray">
                    Expired
                  </Badge>
                ) : (
                  <Badge variant="dot" color="green">
                    Active
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {!token.revokedAt && (
                  <Button
                    size="compact-sm"
                    variant="default"
                    aria-label={`Revoke ${token.name}`}
                    onClick={() => onRevoke(token)}
                  >
                    Revoke
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
