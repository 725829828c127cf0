import { useRef, useState } from "react";

/** A REST download's progress: the server streams, so only the bytes received so far are known. */
export type FileDownload =
  | { state: "idle" }
  | { state: "downloading"; receivedBytes: number }
  | { state: "done"; receivedBytes: number; fileName: string }
  | { state: "failed"; message: string };

export interface FileDownloadOptions {
  /** The file's name when the response names none. */
  fallbackName: string;
  /** The blob's type, e.g. "application/zip" or "text/csv". */
  type: string;
  /** What a refused download says, by HTTP status (401, 403); others use the body's `error`. */
  refusals?: Partial<Record<number, string>>;
  /** What a failure the body does not explain says, e.g. "The server could not produce the backup". */
  failure: string;
}

function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get("content-disposition") ?? "";
  return /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallback;
}

async function failureMessage(response: Response, options: FileDownloadOptions): Promise<string> {
  const refusal = options.refusals?.[response.status];
  if (refusal) return refusal;
  try {
    const body = (await response.json()) as { error?: string };
    if (body.error) return body.error;
  } catch {
    // Not JSON: fall through to the generic message.
  }
  return `${options.failure} (HTTP ${response.status}). Try again.`;
}

/** Hands the bytes to the browser as a download through a temporary object URL. */
function save(chunks: Uint8Array<ArrayBuffer>[], fileName: string, type: string) {
  const url = URL.createObjectURL(new Blob(chunks, { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL is not needed after this tick.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Downloads a file the server streams (the account backup, a list's CSV) with the session
 * cookie, with progress: the response is read chunk by chunk so the bytes received so far can be
 * shown, then saved under the server's file name. A refusal (401, 403, 400) or a cut connection
 * is a `failed` state with a message, not a broken file.
 */
export function useFileDownload(options: FileDownloadOptions) {
  const [download, setDownload] = useState<FileDownload>({ state: "idle" });
  const running = useRef(false);
  async function start(path: string) {
    if (running.current) return;
    running.current = true;
    setDownload({ state: "downloading", receivedBytes: 0 });
    try {
      const response = await fetch(new URL(path, window.location.origin), {
        credentials: "same-origin",
      });
      if (!response.ok || !response.body) {
        setDownload({ state: "failed", message: await failureMessage(response, options) });
        return;
      }
      const reader = response.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let receivedBytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        receivedBytes += value.byteLength;
        setDownload({ state: "downloading", receivedBytes });
      }
      const fileName = fileNameOf(response, options.fallbackName);
      save(chunks, fileName, options.type);
      setDownload({ state: "done", receivedBytes, fileName });
    } catch {
      setDownload({
        state: "failed",
        message: "The download was interrupted. Check your connection and try again.",
      });
    } finally {
      running.current = false;
    }
  }

  return { download, start };
}
