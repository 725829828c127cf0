import { useDebouncedCallback } from "@mantine/hooks";
import { TEXT_LIMITS } from "@pn/shared";
import { useState } from "react";
import { useSearchParams } from "react-router";
import type { PageCursor } from "./page-cursor";
import type { CursorPaging } from "./use-cursor-paging";
import { type DebouncedSearch, SEARCH_DEBOUNCE_MS } from "./use-debounced-search";

/**
 * The query-string parameters every list page uses (docs/lists.md): `/members?tab=pending&q=brandt
 * &partner=…&sort=NAME&dir=ASC&after=…`. A list's own filters (`status`, `partner`) come on top.
 */
export const LIST_PARAMS = {
  tab: "tab",
  search: "q",
  sort: "sort",
  direction: "dir",
  after: "after",
  before: "before",
} as const;

export type SortDirection = "ASC" | "DESC";

/** A list's order as its GraphQL `orderBy` takes it. */
export interface ListOrder<Field extends string> {
  field: Field;
  direction: SortDirection;
}

/** Reads one filter's value from the URL: null for anything the list cannot use. */
export type FilterParser<Value> = (raw: string) => Value | null;

type ParamChanges = Record<string, string | null>;

/** Cursors and IDs are opaque base64 text: anything else in the URL is not one of ours. */
const OPAQUE = /^[A-Za-z0-9_=+/-]{1,400}$/;

/** A filter for a global ID (a partner, say); its shape only: the server answers an unknown one with no rows. */
export function opaqueIdFilter(raw: string): string | null {
  return OPAQUE.test(raw) ? raw : null;
}

/** A filter for one value of an enum. */
export function enumFilter<Value extends string>(values: readonly Value[]): FilterParser<Value> {
  return (raw) => (values.includes(raw as Value) ? (raw as Value) : null);
}

function cursorFrom(params: URLSearchParams): PageCursor {
  const after = params.get(LIST_PARAMS.after);
  if (after && OPAQUE.test(after)) return { after };
  const before = params.get(LIST_PARAMS.before);
  if (before && OPAQUE.test(before)) return { before };
  return null;
}

function orderFrom<Field extends string>(
  params: URLSearchParams,
  fields: readonly Field[],
): ListOrder<Field> | null {
  const field = params.get(LIST_PARAMS.sort);
  if (!field || !fields.includes(field as Field)) return null;
  const direction = params.get(LIST_PARAMS.direction) === "DESC" ? "DESC" : "ASC";
  return { field: field as Field, direction };
}

function searchFrom(params: URLSearchParams): string {
  return (params.get(LIST_PARAMS.search) ?? "").trim().slice(0, TEXT_LIMITS.search);
}

/** Writes changes into the query string, keeping every other parameter (e.g. `invite=1`). */
function useParamWriter() {
  const [params, setParams] = useSearchParams();
  const write = (changes: ParamChanges, { replace }: { replace: boolean }) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [name, value] of Object.entries(changes)) {
          if (value === null || value === "") next.delete(name);
          else next.set(name, value);
        }
        return next;
      },
      { replace, preventScrollReset: true },
    );
  return [params, write] as const;
}

/** What a new view of the list clears: the page it was on belongs to the old one. */
const NO_CURSOR: ParamChanges = { [LIST_PARAMS.after]: null, [LIST_PARAMS.before]: null };

/**
 * A page's tab in the URL (`?tab=pending`); an unknown or missing value is `defaultTab`. Choosing
 * another tab is a history entry and starts that tab's list afresh: its search, filters, order
 * and page belong to the tab that was open.
 */
export function useListTab<Tab extends string>(
  tabs: readonly Tab[],
  defaultTab: Tab,
  filterNames: readonly string[] = [],
): [Tab, (tab: string | null) => void] {
  const [params, write] = useParamWriter();
  const raw = params.get(LIST_PARAMS.tab);
  const tab = raw && tabs.includes(raw as Tab) ? (raw as Tab) : defaultTab;
  const setTab = (next: string | null) => {
    const value = next && tabs.includes(next as Tab) ? (next as Tab) : defaultTab;
    if (value === tab) return;
    const cleared: ParamChanges = {
      ...NO_CURSOR,
      [LIST_PARAMS.search]: null,
      [LIST_PARAMS.sort]: null,
      [LIST_PARAMS.direction]: null,
    };
    for (const name of filterNames) cleared[name] = null;
    write(
      { ...cleared, [LIST_PARAMS.tab]: value === defaultTab ? null : value },
      { replace: false },
    );
  };
  return [tab, setTab];
}

export interface ListStateOptions<Field extends string, Filters extends Record<string, unknown>> {
  /** The fields the server can order this list by; any other `sort` is the default order. */
  sortFields: readonly Field[];
  /** The list's filters by parameter name, each read (and checked) by its parser. */
  filters?: { [Name in keyof Filters]: FilterParser<Filters[Name]> };
}

export interface ListState<Field extends string, Filters extends Record<string, unknown>> {
  /** The search box: `input` as typed, `search` as in the URL (trimmed, once typing pauses). */
  searchBox: DebouncedSearch;
  search: string;
  /** The filters' values, null when not set (or not valid). */
  filters: { [Name in keyof Filters]: Filters[Name] | null };
  setFilter: (name: keyof Filters & string, value: string | null) => void;
  /** The chosen order; null: the server's default (newest first). */
  order: ListOrder<Field> | null;
  /** Orders by `field` ascending, or flips the direction when it is the order already. */
  toggleSort: (field: Field) => void;
  /** Previous/Next, with the cursor in the URL (`after=` or `before=`). */
  paging: CursorPaging;
  /** The search, filters and order, serialised: a key for whatever belongs to one view (a selection). */
  view: string;
}

/**
 * A list's search, filters, order and page, kept in the query string so a reload, back/forward
 * and a pasted link show the same view. Values read from the URL are checked: an unknown sort
 * field, direction, filter value or a malformed cursor reads as not given.
 *
 * Typing in the search box replaces the current history entry once typing pauses (no entry per
 * word); a filter, an order or a page is a new entry. A new search, filter or order starts at the
 * first page again: a cursor belongs to the view it came from.
 */
export function useListState<
  Field extends string,
  Filters extends Record<string, unknown> = Record<never, never>,
>(options: ListStateOptions<Field, Filters>): ListState<Field, Filters> {
  const [params, write] = useParamWriter();
  const search = searchFrom(params);
  const order = orderFrom(params, options.sortFields);
  const cursor = cursorFrom(params);

  const parsers = (options.filters ?? {}) as Record<string, FilterParser<unknown>>;
  const filters: Record<string, unknown> = {};
  for (const [name, parse] of Object.entries(parsers)) {
    const raw = params.get(name);
    filters[name] = raw ? parse(raw) : null;
  }

  // The box shows what is typed while the URL's search is the one this box last wrote (or, before
  // its first write, the one it was typed over); when the URL's search changes otherwise (back,
  // forward, a link) it shows the URL's. Derived, not synced by an effect: no render shows a stale
  // box, and a slow typist loses no letters when a write lands.
  const [typed, setTyped] = useState<{ over: string; value: string; sent: string | null } | null>(
    null,
  );
  const input = typed && (typed.sent ?? typed.over) === search ? typed.value : search;
  const writeSearch = useDebouncedCallback((value: string) => {
    setTyped((previous) => previous && { ...previous, sent: value });
    write({ ...NO_CURSOR, [LIST_PARAMS.search]: value }, { replace: true });
  }, SEARCH_DEBOUNCE_MS);
  const searchBox: DebouncedSearch = {
    input,
    search,
    setInput: (value) => {
      setTyped((previous) => ({
        over: search,
        value,
        sent: previous && previous.sent === search ? previous.sent : null,
      }));
      writeSearch(value.trim().slice(0, TEXT_LIMITS.search));
    },
  };

  return {
    searchBox,
    search,
    filters: filters as ListState<Field, Filters>["filters"],
    setFilter: (name, value) => write({ ...NO_CURSOR, [name]: value }, { replace: false }),
    order,
    toggleSort: (field) => {
      const direction = order?.field === field && order.direction === "ASC" ? "DESC" : "ASC";
      write(
        { ...NO_CURSOR, [LIST_PARAMS.sort]: field, [LIST_PARAMS.direction]: direction },
        { replace: false },
      );
    },
    paging: {
      cursor,
      onNext: (after) =>
        write({ [LIST_PARAMS.after]: after, [LIST_PARAMS.before]: null }, { replace: false }),
      onPrevious: (before) =>
        write({ [LIST_PARAMS.before]: before, [LIST_PARAMS.after]: null }, { replace: false }),
      reset: () => write(NO_CURSOR, { replace: false }),
    },
    view: JSON.stringify([search, filters, order]),
  };
}
