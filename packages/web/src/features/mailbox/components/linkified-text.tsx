import { Anchor } from "@mantine/core";
import type { ReactNode } from "react";

const URL_PATTERN = /https?:\/\/[^\s<>"')\]]+/g;

/** Plain text with every http(s) address turned into a link; line breaks kept by the caller. */
export function LinkifiedText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    // A sentence's full stop or comma right after an address is not part of it.
    const url = match[0].replace(/[.,;:!?]+$/, "");
    if (start > last) parts.push(text.slice(last, start));
    parts.push(
      <Anchor key={start} href={url} style={{ overflowWrap: "anywhere" }}>
        {url}
      </Anchor>,
    );
    last = start + url.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}
