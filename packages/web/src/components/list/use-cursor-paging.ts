import { useState } from "react";
import type { PageCursor } from "./page-cursor";

export interface CursorPaging {
  /** The page to ask for; null: the first one. */
  cursor: PageCursor;
  onPrevious: (startCursor: string) => void;
  onNext: (endCursor: string) => void;
  /** Back to the first page, e.g. when a drawer showing the list closes. */
  reset: () => void;
}

/**
 * Previous/Next by cursor for one view of a list. `view` names what the list shows (its search
 * and filters, serialised): a cursor belongs to one view, so a new search or filter starts at the
 * first page again instead of asking for a cursor from another result set.
 */
export function useCursorPaging(view: string): CursorPaging {
  const [paging, setPaging] = useState<{ view: string; cursor: PageCursor }>({
    view,
    cursor: null,
  });
  return {
    cursor: paging.view === view ? paging.cursor : null,
    onPrevious: (before) => setPaging({ view, cursor: { before } }),
    onNext: (after) => setPaging({ view, cursor: { after } }),
    reset: () => setPaging({ view, cursor: null }),
  };
}
