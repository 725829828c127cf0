import { Alert, NativeSelect, Stack, Text } from "@mantine/core";
import { useState } from "react";
import {
  ConnectionList,
  ExportCsvButton,
  FilterBar,
  listExportPath,
  SearchBox,
  useListState,
} from "../../../components/list";
import { PageEmpty } from "../../../components/page-status";
import { CLIENT_ORDER_FIELDS, type ClientRow, useClients } from "../api/get-clients";
import { CLIENT_STATUS_FILTERS, isClientStatus } from "../labels";
import { ClientsTable } from "./clients-table";
import { RemoveClientModal } from "./remove-client-modal";
import { countText } from "../../../lib/format";

export interface ClientsListProps {
  /** OWNER/ADMINISTRATOR: "Remove from network" on linked accounts. */
  canRemove: boolean;
  /** Roles that read the whole list: "Export CSV". */
  canExport: boolean;
}

/** The account's clients: search, status filter, removal of linked accounts. */
export function ClientsList({ canRemove, canExport }: ClientsListProps) {
  const list = useListState({
    sortFields: CLIENT_ORDER_FIELDS,
    filters: { status: (raw: string) => (isClientStatus(raw) ? raw : null) },
  });
  const { search, order, paging } = list;
  const { status } = list.filters;
  const [removing, setRemoving] = useState<{ client: ClientRow | null; opened: boolean }>({
    client: null,
    opened: false,
  });
  const [removed, setRemoved] = useState<{
    name: string;
    type: ClientRow["type"];
    archived: number;
  } | null>(null);

  const { data, previousData, loading, error, refetch } = useClients({
    search,
    status,
    order,
    cursor: paging.cursor,
  });
  const connection = (data ?? previousData)?.viewer?.currentAccount?.clients;
  const filtered = Boolean(search || status);

  return (
    <Stack gap="md">
      <FilterBar align="flex-end">
        <SearchBox search={list.searchBox} description="Name or email" w={320} />
        <NativeSelect
          label="Status"
          description="Show clients in this status"
          data={CLIENT_STATUS_FILTERS.map(({ value, label }) => ({ value, label }))}
          value={status ?? ""}
          onChange={(event) => list.setFilter("status", event.currentTarget.value || null)}
          w={200}
        />
        {canExport && (
          <ExportCsvButton
            what="clients"
            path={listExportPath("clients", {
              status,
              q: search,
              orderBy: order?.field,
              direction: order?.direction,
            })}
          />
        )}
      </FilterBar>
      {removed && (
        <Alert color="green" variant="light" role="status">
          <Text span size="sm" fw={700}>
            Removed from your network.
          </Text>{" "}
          {removed.type === "PERSON"
            ? `${removed.name} is no longer your client and can no longer sign in.`
            : `${removed.name} is no longer your client; ${
                removed.archived === 1
                  ? "1 of your people there was archived."
                  : `${removed.archived} of your people there were archived.`
              }`}
        </Alert>
      )}
      <ConnectionList
        connection={connection}
        loading={loading}
        error={error}
        refetch={refetch}
        errorTitle="Could not load clients"
        loadingLabel="Loading clients"
        empty={
          filtered ? (
            <PageEmpty title="No clients match" message="Try another name, or another status." />
          ) : (
            <PageEmpty
              title="No clients yet"
              message="Invite people as clients, or import them from a CSV file. A company that adds yours as a partner shows here too."
            />
          )
        }
        paging={paging}
        summary={(total) => countText(total, "client", "clients")}
        pagerLabel="Clients pages"
      >
        {(clients) => (
          <ClientsTable
            clients={clients}
            busy={loading}
            order={order}
            onSort={list.toggleSort}
            onRemove={canRemove ? (client) => setRemoving({ client, opened: true }) : null}
          />
        )}
      </ConnectionList>
      {canRemove && (
        <RemoveClientModal
          client={removing.client}
          opened={removing.opened}
          onClose={() => setRemoving((previous) => ({ ...previous, opened: false }))}
          onRemoved={(client, archived) =>
            setRemoved({ name: client.name, type: client.type, archived })
          }
        />
      )}
    </Stack>
  );
}
