import { Stack } from "@mantine/core";
import {
  ConnectionList,
  SearchBox,
  useCursorPaging,
  useDebouncedSearch,
} from "../../../components/list";
import { PageEmpty } from "../../../components/page-status";
import { useActiveMembers } from "../api/get-members";
import { countText } from "../../../lib/format";
import { MembersTable } from "./members-table";

export interface ActiveMembersProps {
  onOpenMember: (memberId: string) => void;
}

/** Active members of the current account: search by name or email, cursor pagination. */
export function ActiveMembers({ onOpenMember }: ActiveMembersProps) {
  const searchBox = useDebouncedSearch();
  const { search } = searchBox;
  const paging = useCursorPaging(search);

  const { data, previousData, loading, error, refetch } = useActiveMembers({
    search,
    cursor: paging.cursor,
  });
  // While the next page or search loads, keep the last one on screen (marked busy).
  const connection = (data ?? previousData)?.viewer?.currentAccount?.members;

  return (
    <Stack gap="md">
      <SearchBox search={searchBox} description="Name or email" maw={360} />
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
            onOpenMember={onOpenMember}
          />
        )}
      </ConnectionList>
    </Stack>
  );
}
