import { Stack, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { PageEmpty, PageError, PageLoading } from "../../../components/page-status";
import { describeError } from "../../../lib/errors";
import { type PageCursor, useActiveMembers } from "../api/get-members";
import { ListPager } from "../../../components/list-pager";
import { countText } from "../../../lib/format";
import { MembersTable } from "./members-table";

export const SEARCH_DEBOUNCE_MS = 300;

export interface ActiveMembersProps {
  onOpenMember: (memberId: string) => void;
}

/** Active members of the current account: search by name or email, cursor pagination. */
export function ActiveMembers({ onOpenMember }: ActiveMembersProps) {
  const [searchInput, setSearchInput] = useState("");
  const [search] = useDebouncedValue(searchInput.trim(), SEARCH_DEBOUNCE_MS);
  // The cursor belongs to one search: a new search starts again at the first page.
  const [paging, setPaging] = useState<{ search: string; cursor: PageCursor }>({
    search: "",
    cursor: null,
  });
  const cursor = paging.search === search ? paging.cursor : null;

  const { data, previousData, loading, error, refetch } = useActiveMembers({ search, cursor });
  // While the next page or search loads, keep the last one on screen (marked busy).
  const connection = (data ?? previousData)?.viewer?.currentAccount?.members;

  let content;
  if (error && !loading) {
    const { message, retryable } = describeError(error);
    content = (
      <PageError
        title="Could not load members"
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
    content = <PageLoading label="Loading members" />;
  } else if (connection.nodes.length === 0 && !loading) {
    content = (
      <PageEmpty
        title="No members match"
        message={
          search
            ? `Nobody active matches “${search}”. Try another name or email.`
            : "There are no active members yet."
        }
      />
    );
  } else {
    content = (
      <Stack gap="sm">
        <MembersTable
          caption="Active members"
          members={connection.nodes}
          busy={loading}
          onOpenMember={onOpenMember}
        />
        <ListPager
          summary={countText(connection.totalCount, "member", "members")}
          pageInfo={connection.pageInfo}
          loading={loading}
          label="Members pages"
          loadingLabel="Loading members"
          onPrevious={(before) => setPaging({ search, cursor: { before } })}
          onNext={(after) => setPaging({ search, cursor: { after } })}
        />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <TextInput
        label="Search"
        description="Name or email"
        type="search"
        value={searchInput}
        onChange={(event) => setSearchInput(event.currentTarget.value)}
        maw={360}
      />
      {content}
    </Stack>
  );
}
