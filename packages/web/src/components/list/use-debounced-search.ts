import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";

/** How long typing pauses before a list searches: one request per word, not per key. */
export const SEARCH_DEBOUNCE_MS = 300;

export interface DebouncedSearch {
  /** What the search box shows, as typed. */
  input: string;
  setInput: (input: string) => void;
  /** What the list searches for: the input trimmed, once typing pauses. */
  search: string;
}

export function useDebouncedSearch(): DebouncedSearch {
  const [input, setInput] = useState("");
  const [search] = useDebouncedValue(input.trim(), SEARCH_DEBOUNCE_MS);
  return { input, setInput, search };
}
