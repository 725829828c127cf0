import { Stack } from "@mantine/core";
import {
  ConnectionList,
  ExportCsvButton,
  FilterBar,
  listExportPath,
  SearchBox,
  useListState,
} from "../../../components/list";
import { PageEmpty } from "../../../components/page-status";
import { MEMBER_ORDER_FIELDS, useActiveMembers } from "../api/get-members";
import { countText } from "../../../lib/format";
import { MembersTable } from "./members-table";

export interface ActiveMembersProps {
  onOpenMember: (memberId: string) => void;
  /** Roles that read the whole list: "Export CSV". */
  canExport: boolean;
}

/**
 * Active members of the current account: search by name or email, sortable columns, cursor
 * pagination, all kept in the URL.
 */
export function ActiveMembers({ onOpenMember, canExport }: ActiveMembersProps) {
  const list = useListState({ sortFields: MEMBER_ORDER_FIELDS });
  const { search, order, paging } = list;

  const { data, previousData, loading, error, refetch } = useActiveMembers({
    search,
    order,
    cursor: paging.cursor,
  });
  // While the next page or search loads, keep the last one on screen (marked busy).
  const connection = (data ?? previousData)?.viewer?.currentAccount?.members;

  return (
    <Stack gap="md">
      <FilterBar align="flex-end">
        <SearchBox search={list.searchBox} description="Name or email" w={360} />
        {canExport && (
          <ExportCsvButton
            what="members"
            path={listExportPath("members", {
              status: "ACTIVE",
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
        errorOverRows
        errorTitle="Could not load members"
        loadingLabel="Loading members"
        empty={
          <PageEmpty
            title="No members match"
            message={
              search
                ? `Nobody active matches “${search}”. Try another name or email.`
                : "There are no active members yet."
            }
          />
        }
        paging={paging}
        summary={(total) => countText(total, "member", "members")}
        pagerLabel="Members pages"
      >
        {(members) => (
          <MembersTable
            caption="Active members"
            members={members}
            busy={loading}
            order={order}
            onSort={list.toggleSort}
            onOpenMember={onOpenMember}
          />
        )}
      </ConnectionList>
    </Stack>
  );
}
