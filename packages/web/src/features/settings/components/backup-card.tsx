import { Button, Card, Progress, Stack, Text, Title } from "@mantine/core";
import { FormAlert } from "../../../components/form-alert";
import { formatBytes } from "../../../lib/format";
import { useDownloadBackup } from "../api/download-backup";

/** OWNER/ADMINISTRATOR: download the account's data as a ZIP of CSV files. */
export function BackupCard() {
  const { download, start } = useDownloadBackup();
  const downloading = download.state === "downloading";

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="backup-heading">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h3" id="backup-heading">
          Backup
        </Title>
        <Text size="sm">
          A ZIP file with your members, partners, clients, teams, invitations and audit trail as CSV
          files, plus the account&apos;s details. Large accounts take a while.
        </Text>
        <FormAlert
          messages={download.state === "failed" ? [download.message] : []}
          onRetry={() => void start()}
        />
        <Button loading={downloading} onClick={() => void start()}>
          Download backup
        </Button>
        {downloading && (
          <Stack gap={4} w="100%" maw={360}>
            <Progress value={100} striped animated aria-label="Downloading backup" />
            <Text size="sm" role="status" data-testid="backup-progress">
              Downloading… {formatBytes(download.receivedBytes)} received
            </Text>
          </Stack>
        )}
        {download.state === "done" && (
          <Text size="sm" role="status" data-testid="backup-progress">
            Saved {download.fileName} ({formatBytes(download.receivedBytes)}).
          </Text>
        )}
      </Stack>
    </Card>
  );
}
