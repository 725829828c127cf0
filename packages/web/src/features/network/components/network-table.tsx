import { Anchor, Badge, Table } from "@mantine/core";
import { Link } from "react-router";
import { formatNumber } from "../../../lib/format";
import type { NetworkMapNode } from "../api/get-network";
import { KIND_LABELS, nodePath, STATUS_LABELS } from "../node-text";

export interface NetworkTableProps {
  nodes: readonly NetworkMapNode[];
}

/** Every node of the map as a row: the same links and counts, for reading and for screen readers. */
export function NetworkTable({ nodes }: NetworkTableProps) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover captionSide="top" aria-label="Partners and clients">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col" ta="right">
              Active
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Pending
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {nodes.map((node) => (
            <Table.Tr key={node.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={nodePath(node)}>
                  {node.name}
                </Anchor>
              </Table.Th>
              <Table.Td>{KIND_LABELS[node.kind]}</Table.Td>
              <Table.Td>
                <Badge variant="dot" color={node.status === "ACTIVE" ? "green" : "gray"}>
                  {STATUS_LABELS[node.status]}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{formatNumber(node.activeCount)}</Table.Td>
              <Table.Td ta="right">{formatNumber(node.pendingCount)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
