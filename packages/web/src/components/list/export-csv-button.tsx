import { Button, Stack, Text } from "@mantine/core";
import { formatBytes } from "../../lib/format";
import { useFileDownload } from "../use-file-download";

/** The lists the server exports as CSV (`GET /api/export/<list>.csv`). */
export type ExportList = "members" | "invitations" | "partners" | "clients";

/** An export parameter: absent (null, undefined or empty) parameters are left out. */
export type ExportParams = Record<string, string | null | undefined>;

/**
 * The export's URL for a list as its page shows it: the same filters and order as the list's
 * GraphQL field, under the export's parameter names (`status`, `q`, `partnerId`, `orderBy`,
 * `direction`; docs/api.md "List exports").
 */
export function listExportPath(list: ExportList, params: ExportParams): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  const text = query.toString();
  return `/api/export/${list}.csv${text ? `?${text}` : ""}`;
}

export interface ExportCsvButtonProps {
  /** The export URL, from listExportPath. */
  path: string;
  /** What is exported, for the button's accessible name: "members". */
  what: string;
}

/**
 * "Export CSV": downloads the list the page shows (its filters and order) as the server streams
 * it, with the bytes received while it runs and why it failed if it does. Offer it only to roles
 * that may read the whole list; the server refuses the others anyway.
 */
export function ExportCsvButton({ path, what }: ExportCsvButtonProps) {
  const { download, start } = useFileDownload({
    fallbackName: `${what}.csv`,
    type: "text/csv",
    refusals: {
      401: "Your session has ended. Sign in again to export.",
      403: `Your role may not export the ${what}.`,
    },
    failure: `The server could not export the ${what}`,
  });
  const downloading = download.state === "downloading";
  return (
    <Stack gap={4} align="flex-start">
      <Button
        variant="default"
        loading={downloading}
        loaderProps={{ "aria-hidden": true }}
        aria-label={`Export CSV of ${what}`}
        onClick={() => void start(path)}
      >
        Export CSV
      </Button>
      <Text size="xs" role="status" data-testid="export-status">
        {downloading && `Exporting… ${formatBytes(download.receivedBytes)}`}
        {download.state === "done" && `Saved ${download.fileName}.`}
      </Text>
      {download.state === "failed" && (
        <Text size="sm" role="alert" c="var(--pn-color-text-danger)" maw={320}>
          Could not export: {download.message}
        </Text>
      )}
    </Stack>
  );
}
