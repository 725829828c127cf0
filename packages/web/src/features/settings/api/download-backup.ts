import { useFileDownload } from "../../../components/use-file-download";

/** The REST download of the account backup (a ZIP streamed by the server). */
export const BACKUP_URL = "/api/account/export";

const BACKUP_DOWNLOAD = {
  fallbackName: "account-backup.zip",
  type: "application/zip",
  refusals: {
    401: "Your session has ended. Sign in again to download the backup.",
    403: "Only owners and administrators may download the backup.",
  },
  failure: "The server could not produce the backup",
};

/** Downloads the backup with progress (the bytes received so far). */
export function useDownloadBackup() {
  const { download, start } = useFileDownload(BACKUP_DOWNLOAD);
  return { download, start: () => start(BACKUP_URL) };
}
