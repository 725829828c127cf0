import {
  Alert,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  Modal,
  Progress,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from "@mantine/core";
import { CLIENT_CSV_COLUMNS, CLIENT_CSV_OPTIONAL_COLUMNS, CLIENT_CSV_TEMPLATE } from "@pn/shared";
import { useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import { describeError } from "../../../lib/errors";
import { countText } from "../../../lib/format";
import { clientsListQuery } from "../api/get-clients";
import {
  type ImportClientsResult,
  type ImportClientsRow,
  useImportClients,
} from "../api/import-clients";
import { IMPORT_OUTCOME_COLORS, IMPORT_OUTCOME_LABELS, importOutcomeLabel } from "../labels";

export interface ImportClientsDialogProps {
  opened: boolean;
  onClose: () => void;
}

/** Lines shown in the table; a larger file is summarised by counts, problems first. */
export const IMPORT_ROWS_SHOWN = 200;
const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(CLIENT_CSV_TEMPLATE)}`;

/** EDITOR and up: preview a CSV of clients (a dry run), then import it. */
export function ImportClientsDialog({ opened, onClose }: ImportClientsDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Import clients" size="xl">
      {opened && <ImportClientsForm onDone={onClose} />}
    </Modal>
  );
}

interface Loaded {
  fileName: string;
  csv: string;
}

type Stage =
  | { kind: "idle" }
  | { kind: "previewing" }
  | { kind: "preview"; result: ImportClientsResult }
  | { kind: "importing"; rows: number }
  | { kind: "done"; result: ImportClientsResult };

function counts(rows: readonly ImportClientsRow[]) {
  const byOutcome = new Map<string, number>();
  for (const row of rows) byOutcome.set(row.outcome, (byOutcome.get(row.outcome) ?? 0) + 1);
  return byOutcome;
}

function ImportClientsForm({ onDone }: { onDone: () => void }) {
  const [importClients] = useImportClients();
  const [file, setFile] = useState<File | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [updateExisting, setUpdateExisting] = useState(false);
  const [stage, setStage] = useState<Stage>({ kind: "idle" });
  const [fileError, setFileError] = useState<string | undefined>();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [retry, setRetry] = useState<(() => void) | null>(null);

  async function run(source: Loaded, update: boolean, dryRun: boolean) {
    setFormErrors([]);
    setRetry(null);
    setStage(dryRun ? { kind: "previewing" } : { kind: "importing", rows: countLines(source.csv) });
    try {
      const { data } = await importClients({
        variables: { input: { csv: source.csv, updateExisting: update, dryRun } },
        // A dry run changes nothing; an import may add clients to the list on screen.
        refetchQueries: dryRun ? [] : [clientsListQuery],
      });
      const result = data?.importClients;
      if (!result) throw new Error("The server sent no result.");
      if (result.userErrors.length > 0) {
        setFileError(result.userErrors.map((error) => error.message).join(" "));
        setStage({ kind: "idle" });
        return;
      }
      if (dryRun) setStage({ kind: "preview", result });
      else setStage({ kind: "done", result });
    } catch (error) {
      const described = describeError(error);
      setFormErrors([described.message]);
      setRetry(described.retryable ? () => () => void run(source, update, dryRun) : null);
      setStage(dryRun ? { kind: "idle" } : { kind: "preview", result: lastPreview(stage) });
    }
  }

  async function choose(chosen: File | null) {
    setFile(chosen);
    setFileError(undefined);
    setFormErrors([]);
    setLoaded(null);
    setStage({ kind: "idle" });
    if (!chosen) return;
    let csv: string;
    try {
      csv = await chosen.text();
    } catch {
      setFileError("This file could not be read.");
      return;
    }
    if (!csv.trim()) {
      setFileError("This file is empty.");
      return;
    }
    const source = { fileName: chosen.name, csv };
    setLoaded(source);
    await run(source, updateExisting, true);
  }

  const busy = stage.kind === "previewing" || stage.kind === "importing";
  const result = stage.kind === "preview" || stage.kind === "done" ? stage.result : null;

  if (stage.kind === "done") {
    const byOutcome = counts(stage.result.rows);
    const errors = byOutcome.get("ERROR") ?? 0;
    const skipped = byOutcome.get("SKIPPED") ?? 0;
    return (
      <Stack gap="md">
        <Alert color={errors ? "orange" : "green"} variant="light" role="status">
          <Text size="sm">
            <strong>Import finished.</strong> {countText(stage.result.created, "client", "clients")}{" "}
            invited, {stage.result.updated} updated
            {skipped ? `, ${skipped} skipped` : ""}
            {errors
              ? `; ${countText(errors, "line has", "lines have")} errors and ${errors === 1 ? "was" : "were"} not imported.`
              : "."}
          </Text>
        </Alert>
        <ImportRowsTable rows={stage.result.rows} caption="Import result" />
        <Group justify="flex-end">
          <Button onClick={onDone}>Done</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        A CSV file with the header <code>{CLIENT_CSV_COLUMNS.join(",")}</code>, optionally with{" "}
        <code>{CLIENT_CSV_OPTIONAL_COLUMNS.join(",")}</code>. Team: the emails of your active
        people, separated by <code>;</code>; the first leads. Everyone imported is invited by email
        as a client.
      </Text>
      <Group>
        <Button
          component="a"
          href={TEMPLATE_HREF}
          download="clients-template.csv"
          variant="default"
        >
          Download template
        </Button>
      </Group>
      <FormAlert messages={formErrors} onRetry={retry ?? undefined} />
      <FileInput
        label="CSV file"
        description="Checked at once; nothing is imported until you press Import."
        accept=".csv,text/csv"
        value={file}
        onChange={(chosen) => void choose(chosen)}
        error={fileError}
        clearable
        clearButtonProps={{ "aria-label": "Remove the file" }}
        disabled={busy}
      />
      <Checkbox
        label="Update existing clients"
        description="Clients with the same email get the file's names and phones, and its titles when it has a Title column. Otherwise they are skipped."
        checked={updateExisting}
        disabled={busy}
        onChange={(event) => {
          const checked = event.currentTarget.checked;
          setUpdateExisting(checked);
          if (loaded) void run(loaded, checked, true);
        }}
      />
      {stage.kind === "previewing" && (
        <Stack gap={4} role="status" aria-live="polite">
          <Text size="sm">Checking {loaded?.fileName ?? "the file"}…</Text>
          <Progress value={100} animated striped aria-label="Checking the file" />
        </Stack>
      )}
      {stage.kind === "importing" && (
        <Stack gap={4} role="status" aria-live="polite">
          <Text size="sm">Importing {countText(stage.rows, "line", "lines")}…</Text>
          <Progress value={100} animated striped aria-label="Importing clients" />
        </Stack>
      )}
      {result && <PreviewSummary result={result} />}
      {result && <ImportRowsTable rows={result.rows} caption="Preview" />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone} disabled={stage.kind === "importing"}>
          Cancel
        </Button>
        <Button
          onClick={() => loaded && void run(loaded, updateExisting, false)}
          disabled={!result || !loaded || willChange(result) === 0}
          loading={stage.kind === "importing"}
        >
          Import
        </Button>
      </Group>
    </Stack>
  );
}

function lastPreview(stage: Stage): ImportClientsResult {
  return stage.kind === "preview" || stage.kind === "done"
    ? stage.result
    : { __typename: "ImportPayload", created: 0, updated: 0, rows: [], userErrors: [] };
}

function willChange(result: ImportClientsResult) {
  return result.rows.filter((row) => row.outcome === "CREATED" || row.outcome === "UPDATED").length;
}

/** Data lines in a CSV: a hint for the progress text, not a parse. */
function countLines(csv: string) {
  return Math.max(0, csv.split(/\r?\n/).filter((line) => line.trim()).length - 1);
}

function PreviewSummary({ result }: { result: ImportClientsResult }) {
  const byOutcome = counts(result.rows);
  const parts = [...byOutcome.entries()].map(
    ([outcome, count]) => `${count} ${importOutcomeLabel(outcome).toLowerCase()}`,
  );
  const errors = byOutcome.get("ERROR") ?? 0;
  return (
    <Text size="sm" data-testid="import-summary">
      <strong>Preview:</strong> {parts.length ? parts.join(", ") : "no data lines"}.
      {errors > 0 && " Lines with errors are left out; the others can be imported."}
    </Text>
  );
}

function ImportRowsTable({
  rows,
  caption,
}: {
  rows: readonly ImportClientsRow[];
  caption: string;
}) {
  // Problems first, so a long file still shows every line that needs attention.
  const ordered = [...rows].sort(
    (a, b) => Number(b.errors.length > 0) - Number(a.errors.length > 0) || a.line - b.line,
  );
  const shown = ordered.slice(0, IMPORT_ROWS_SHOWN);
  return (
    <Stack gap={4}>
      <Table.ScrollContainer minWidth={560} maxHeight={320}>
        <Table striped captionSide="top">
          <VisuallyHidden component="caption">{caption}</VisuallyHidden>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Line</Table.Th>
              <Table.Th scope="col">Email</Table.Th>
              <Table.Th scope="col">Outcome</Table.Th>
              <Table.Th scope="col">Problems</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) => (
              <Table.Tr key={row.line}>
                <Table.Td>{row.line}</Table.Td>
                <Table.Td style={{ overflowWrap: "anywhere" }}>{row.email ?? "—"}</Table.Td>
                <Table.Td>
                  <Badge variant="dot" color={IMPORT_OUTCOME_COLORS[row.outcome] ?? "gray"}>
                    {IMPORT_OUTCOME_LABELS[row.outcome] ?? row.outcome}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {row.errors.length === 0 ? (
                    "—"
                  ) : (
                    <Stack gap={2}>
                      {row.errors.map((error) => (
                        <Text key={error.message} size="sm">
                          {error.message}
                        </Text>
                      ))}
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length > shown.length && (
        <Text size="xs" c="dimmed">
          Showing {shown.length} of {rows.length} lines, problems first.
        </Text>
      )}
    </Stack>
  );
}
