import { memberCountsQuery } from "./get-member-counts";
import { memberQueueQuery } from "./get-member-queue";
import { memberSeatsQuery } from "./get-member-seats";
import { membersListQuery } from "./get-members";

/**
 * What a status change moves people between: every member list, the tab counts and the seats. Only the
 * queries on screen are refetched; the others revalidate when they are shown again.
 */
export const MEMBER_LIST_QUERIES = [
  memberCountsQuery,
  memberQueueQuery,
  membersListQuery,
  memberSeatsQuery,
];
