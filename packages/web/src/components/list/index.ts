// The list kit: every searchable, filterable, paged list in the features is built from these.
export { ConnectionList, type ConnectionLike, type ConnectionListProps } from "./connection-list";
export { FilterBar, type FilterBarProps } from "./filter-bar";
export {
  ListPager,
  type ListPagerProps,
  ListSummary,
  type ListSummaryProps,
  type PageInfoLike,
} from "./list-pager";
export { ListStates, type ListStatesProps } from "./list-states";
export { type PageCursor, pageVariables } from "./page-cursor";
export { SearchBox, type SearchBoxProps } from "./search-box";
export { type CursorPaging, useCursorPaging } from "./use-cursor-paging";
export {
  type DebouncedSearch,
  SEARCH_DEBOUNCE_MS,
  useDebouncedSearch,
} from "./use-debounced-search";
export {
  ExportCsvButton,
  type ExportCsvButtonProps,
  type ExportList,
  type ExportParams,
  listExportPath,
} from "./export-csv-button";
export { SortableTh, type SortableThProps } from "./sortable-th";
export {
  enumFilter,
  type FilterParser,
  LIST_PARAMS,
  type ListOrder,
  type ListState,
  type ListStateOptions,
  opaqueIdFilter,
  type SortDirection,
  useListState,
  useListTab,
} from "./use-list-state";
