/** Where a page of a connection starts: after a cursor (forwards) or before one (backwards). */
export type PageCursor = { after: string } | { before: string } | null;

/** The connection arguments for one page: `first`/`after` forwards, `last`/`before` backwards. */
export function pageVariables(
  cursor: PageCursor,
  pageSize: number,
): { first: number; after?: string } | { last: number; before: string } {
  if (cursor && "before" in cursor) return { last: pageSize, before: cursor.before };
  return { first: pageSize, ...(cursor ? { after: cursor.after } : {}) };
}
