import { memberCountsQuery } from "./get-member-counts";
import { memberQueueQuery } from "./get-member-queue";
import { membersListQuery } from "./get-members";

/**
 * What a status change moves people between: every member list and the tab counts. Only the
 * queries on screen are refetched; the others revalidate when they are shown again.
 */
export const MEMBER_LIST_QUERIES = [memberCountsQuery, memberQueueQuery, membersListQuery];
