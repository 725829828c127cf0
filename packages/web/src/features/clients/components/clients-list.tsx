import { Alert, Group, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { PageEmpty, PageError, PageLoading } from "../../../components/page-status";
import type { ClientStatus } from "../../../gql/graphql";
import { describeError } from "../../../lib/errors";
import { type ClientRow, type PageCursor, useClients } from "../api/get-clients";
import { CLIENT_STATUS_FILTERS, isClientStatus } from "../labels";
import { ClientsTable } from "./clients-table";
import { ListPager } from "../../../components/list-pager";
import { RemoveClientModal } from "./remove-client-modal";
import { countText } from "../../../lib/format";

export const SEARCH_DEBOUNCE_MS = 300;

export interface ClientsListProps {
  /** OWNER/ADMINISTRATOR: "Remove from network" on linked accounts. */
  canRemove: boolean;
}

/** The account's clients: search, status filter, removal of linked accounts. */
export function ClientsList({ canRemove }: ClientsListProps) {
  const [searchInput, setSearchInput] = useState("");
  const [search] = useDebouncedValue(searchInput.trim(), SEARCH_DEBOUNCE_MS);
  const [status, setStatus] = useState<ClientStatus | null>(null);
  const view = JSON.stringify([search, status]);
  const [paging, setPaging] = useState<{ view: string; cursor: PageCursor }>({
    view,
    cursor: null,
  });
  const cursor = paging.view === view ? paging.cursor : null;
  const [removing, setRemoving] = useState<{ client: ClientRow | null; opened: boolean }>({
    client: null,
    opened: false,
  });
  const [removed, setRemoved] = useState<{
    name: string;
    type: ClientRow["type"];
    archived: number;
  } | null>(null);

  const { data, previousData, loading, error, refetch } = useClients({ search, status, cursor });
  const connection = (data ?? previousData)?.viewer?.currentAccount?.clients;
  const filtered = Boolean(search || status);

  let content;
  if (error && !loading && !connection) {
    const { message, retryable } = describeError(error);
    content = (
      <PageError
        title="Could not load clients"
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
    content = <PageLoading label="Loading clients" />;
  } else if (connection.nodes.length === 0 && !loading) {
    content = filtered ? (
      <PageEmpty title="No clients match" message="Try another name, or another status." />
    ) : (
      <PageEmpty
        title="No clients yet"
        message="Invite people as clients, or import them from a CSV file. A company that adds yours as a partner shows here too."
      />
    );
  } else {
    const { totalCount } = connection;
    content = (
      <Stack gap="sm">
        <ClientsTable
          clients={connection.nodes}
          busy={loading}
          onRemove={canRemove ? (client) => setRemoving({ client, opened: true }) : null}
        />
        <ListPager
          summary={countText(totalCount, "client", "clients")}
          pageInfo={connection.pageInfo}
          loading={loading}
          label="Clients pages"
          loadingLabel="Loading clients"
          onPrevious={(before) => setPaging({ view, cursor: { before } })}
          onNext={(after) => setPaging({ view, cursor: { after } })}
        />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group align="flex-start" gap="md" wrap="wrap">
        <TextInput
          label="Search"
          description="Name or email"
          type="search"
          value={searchInput}
          onChange={(event) => setSearchInput(event.currentTarget.value)}
          w={320}
        />
        <NativeSelect
          label="Status"
          description="Show clients in this status"
          data={CLIENT_STATUS_FILTERS.map(({ value, label }) => ({ value, label }))}
          value={status ?? ""}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setStatus(isClientStatus(value) ? value : null);
          }}
          w={200}
        />
      </Group>
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
      {content}
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
