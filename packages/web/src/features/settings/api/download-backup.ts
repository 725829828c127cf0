import { useCallback, useRef, useState } from "react";

/** The REST download of the account backup (a ZIP streamed by the server). */
export const BACKUP_URL = "/api/account/export";

export type BackupDownload =
  | { state: "idle" }
  | { state: "downloading"; receivedBytes: number }
  | { state: "done"; receivedBytes: number; fileName: string }
  | { state: "failed"; message: string };

function fileNameOf(response: Response): string {
  const disposition = response.headers.get("content-disposition") ?? "";
  return /filename="([^"]+)"/.exec(disposition)?.[1] ?? "account-backup.zip";
}

async function failureMessage(response: Response): Promise<string> {
  if (response.status === 401)
    return "Your session has ended. Sign in again to download the backup.";
  if (response.status === 403) return "Only owners and administrators may download the backup.";
  try {
    const body = (await response.json()) as { error?: string };
    if (body.error) return body.error;
  } catch {
    // Not JSON: fall through to the generic message.
  }
  return `The server could not produce the backup (HTTP ${response.status}). Try again.`;
}

/** Hands the bytes to the browser as a download through a temporary object URL. */
function save(chunks: Uint8Array<ArrayBuffer>[], fileName: string) {
  const url = URL.createObjectURL(new Blob(chunks, { type: "application/zip" }));
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
 * Downloads the backup with progress: the response is read chunk by chunk so the bytes received
 * so far can be shown (the size is not known in advance: the server streams as it reads).
 */
export function useDownloadBackup() {
  const [download, setDownload] = useState<BackupDownload>({ state: "idle" });
  const running = useRef(false);

  const start = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setDownload({ state: "downloading", receivedBytes: 0 });
    try {
      const response = await fetch(new URL(BACKUP_URL, window.location.origin), {
        credentials: "same-origin",
      });
      if (!response.ok || !response.body) {
        setDownload({ state: "failed", message: await failureMessage(response) });
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
      const fileName = fileNameOf(response);
      save(chunks, fileName);
      setDownload({ state: "done", receivedBytes, fileName });
    } catch {
      setDownload({
        state: "failed",
        message: "The download was interrupted. Check your connection and try again.",
      });
    } finally {
      running.current = false;
    }
  }, []);

  return { download, start };
}
