import { TEXT_LIMITS } from "@pn/shared";
import { TextInput, type TextInputProps } from "@mantine/core";
import type { DebouncedSearch } from "./use-debounced-search";

export interface SearchBoxProps extends Pick<TextInputProps, "w" | "maw"> {
  search: DebouncedSearch;
  /** What the search matches, e.g. "Name or email". */
  description: string;
}

/** A list's search field (labelled "Search"), fed by `useDebouncedSearch`. */
export function SearchBox({ search, description, ...size }: SearchBoxProps) {
  return (
    <TextInput
      maxLength={TEXT_LIMITS.search}
      label="Search"
      description={description}
      type="search"
      value={search.input}
      onChange={(event) => search.setInput(event.currentTarget.value)}
      {...size}
    />
  );
}
