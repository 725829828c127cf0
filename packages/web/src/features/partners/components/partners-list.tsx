import { NativeSelect, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import {
  ConnectionList,
  ExportCsvButton,
  FilterBar,
  listExportPath,
  SearchBox,
  useListState,
} from "../../../components/list";
import { PageEmpty } from "../../../components/page-status";
import { PARTNER_ORDER_FIELDS, usePartners } from "../api/get-partners";
import { isPartnerStatus, PARTNER_STATUS_FILTERS } from "../labels";
import { PartnersTable } from "./partners-table";
import { countText } from "../../../lib/format";

export interface PartnersListProps {
  /** Shown in the empty state of an unfiltered list, e.g. an "Invite partner" button. */
  emptyAction?: ReactNode;
  /** Roles that read the whole list: "Export CSV". */
  canExport: boolean;
}

/** The account's partners: search, status filter, cursor pagination. */
export function PartnersList({ emptyAction, canExport }: PartnersListProps) {
  const list = useListState({
    sortFields: PARTNER_ORDER_FIELDS,
    filters: { status: (raw: string) => (isPartnerStatus(raw) ? raw : null) },
  });
  const { search, order, paging } = list;
  const { status } = list.filters;

  const { data, previousData, loading, error, refetch } = usePartners({
    search,
    status,
    order,
    cursor: paging.cursor,
  });
  const connection = (data ?? previousData)?.viewer?.currentAccount?.partners;
  const filtered = Boolean(search || status);

  return (
    <Stack gap="md">
      <FilterBar align="flex-end">
        <SearchBox search={list.searchBox} description="Company, contact or domain" w={320} />
        <NativeSelect
          label="Status"
          description="Show partners in this status"
          data={PARTNER_STATUS_FILTERS.map(({ value, label }) => ({ value, label }))}
          value={status ?? ""}
          onChange={(event) => list.setFilter("status", event.currentTarget.value || null)}
          w={200}
        />
        {canExport && (
          <ExportCsvButton
            what="partners"
            path={listExportPath("partners", {
              status,
              q: search,
              orderBy: order?.field,
              direction: order?.direction,
            })}
          />
        )}
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
        {(partners) => (
          <PartnersTable
            partners={partners}
            busy={loading}
            order={order}
            onSort={list.toggleSort}
          />
        )}
      </ConnectionList>
    </Stack>
  );
}
