import { NativeSelect, Stack } from "@mantine/core";
import { type ReactNode, useState } from "react";
import {
  ConnectionList,
  FilterBar,
  SearchBox,
  useCursorPaging,
  useDebouncedSearch,
} from "../../../components/list";
import { PageEmpty } from "../../../components/page-status";
import type { PartnerStatus } from "../../../gql/graphql";
import { usePartners } from "../api/get-partners";
import { isPartnerStatus, PARTNER_STATUS_FILTERS } from "../labels";
import { PartnersTable } from "./partners-table";
import { countText } from "../../../lib/format";

export interface PartnersListProps {
  /** Shown in the empty state of an unfiltered list, e.g. an "Invite partner" button. */
  emptyAction?: ReactNode;
}

/** The account's partners: search, status filter, cursor pagination. */
export function PartnersList({ emptyAction }: PartnersListProps) {
  const searchBox = useDebouncedSearch();
  const { search } = searchBox;
  const [status, setStatus] = useState<PartnerStatus | null>(null);
  const paging = useCursorPaging(JSON.stringify([search, status]));

  const { data, previousData, loading, error, refetch } = usePartners({
    search,
    status,
    cursor: paging.cursor,
  });
  const connection = (data ?? previousData)?.viewer?.currentAccount?.partners;
  const filtered = Boolean(search || status);

  return (
    <Stack gap="md">
      <FilterBar>
        <SearchBox search={searchBox} description="Company, contact or domain" w={320} />
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
      </FilterBar>
      <ConnectionList
        connection={connection}
        loading={loading}
        error={error}
        refetch={refetch}
        errorTitle="Could not load partners"
        loadingLabel="Loading partners"
        empty={
          filtered ? (
            <PageEmpty title="No partners match" message="Try another name, or another status." />
          ) : (
            <PageEmpty
              title="No partners yet"
              message="Invite the companies you work with, or add a guest company you manage yourself."
              action={emptyAction}
            />
          )
        }
        paging={paging}
        summary={(total) => countText(total, "partner", "partners")}
        pagerLabel="Partners pages"
      >
        {(partners) => <PartnersTable partners={partners} busy={loading} />}
      </ConnectionList>
    </Stack>
  );
}
