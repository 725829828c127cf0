import { Group, NativeSelect, Stack, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type ReactNode, useState } from "react";
import { PageEmpty, PageError, PageLoading } from "../../../components/page-status";
import type { PartnerStatus } from "../../../gql/graphql";
import { describeError } from "../../../lib/errors";
import { type PageCursor, usePartners } from "../api/get-partners";
import { isPartnerStatus, PARTNER_STATUS_FILTERS } from "../labels";
import { ListPager } from "../../../components/list-pager";
import { PartnersTable } from "./partners-table";
import { countText } from "../../../lib/format";

export const SEARCH_DEBOUNCE_MS = 300;

export interface PartnersListProps {
  /** Shown in the empty state of an unfiltered list, e.g. an "Invite partner" button. */
  emptyAction?: ReactNode;
}

/** The account's partners: search, status filter, cursor pagination. */
export function PartnersList({ emptyAction }: PartnersListProps) {
  const [searchInput, setSearchInput] = useState("");
  const [search] = useDebouncedValue(searchInput.trim(), SEARCH_DEBOUNCE_MS);
  const [status, setStatus] = useState<PartnerStatus | null>(null);
  const view = JSON.stringify([search, status]);
  // The cursor belongs to one search and filter: a new one starts at the first page.
  const [paging, setPaging] = useState<{ view: string; cursor: PageCursor }>({
    view,
    cursor: null,
  });
  const cursor = paging.view === view ? paging.cursor : null;

  const { data, previousData, loading, error, refetch } = usePartners({ search, status, cursor });
  const connection = (data ?? previousData)?.viewer?.currentAccount?.partners;
  const filtered = Boolean(search || status);

  let content;
  if (error && !loading && !connection) {
    const { message, retryable } = describeError(error);
    content = (
      <PageError
        title="Could not load partners"
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
    content = <PageLoading label="Loading partners" />;
  } else if (connection.nodes.length === 0 && !loading) {
    content = filtered ? (
      <PageEmpty title="No partners match" message="Try another name, or another status." />
    ) : (
      <PageEmpty
        title="No partners yet"
        message="Invite the companies you work with, or add a guest company you manage yourself."
        action={emptyAction}
      />
    );
  } else {
    const { totalCount } = connection;
    content = (
      <Stack gap="sm">
        <PartnersTable partners={connection.nodes} busy={loading} />
        <ListPager
          summary={countText(totalCount, "partner", "partners")}
          pageInfo={connection.pageInfo}
          loading={loading}
          label="Partners pages"
          loadingLabel="Loading partners"
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
          description="Company, contact or domain"
          type="search"
          value={searchInput}
          onChange={(event) => setSearchInput(event.currentTarget.value)}
          w={320}
        />
        <NativeSelect
          label="Status"
          description="Show partners in this status"
          data={PARTNER_STATUS_FILTERS.map(({ value, label }) => ({ value, label }))}
          value={status ?? ""}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setStatus(isPartnerStatus(value) ? value : null);
          }}
          w={200}
        />
      </Group>
      {content}
    </Stack>
  );
}
