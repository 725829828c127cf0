import { Alert, Button, Card, FileInput, Group, Image, Stack, Text, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { LOGO_ACCEPT, LOGO_MAX_KB, useUploadPartnerLogo } from "../api/upload-partner-logo";

export interface PartnerLogoSectionProps {
  partner: { id: string; companyName: string; logoUrl: string | null };
  /** OWNER/ADMINISTRATOR: choose and upload a new logo. */
  canManage: boolean;
}

interface Choice {
  file: File;
  /** An object URL (or data URL) of the chosen file; null until it can be shown. */
  previewUrl: string | null;
}

function objectUrl(file: File): string | null {
  try {
    return URL.createObjectURL(file);
  } catch {
    return null;
  }
}

function sizeText(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${Math.round(bytes / 1024)} KB`;
}

/** The current logo; admins choose an image, see it previewed, and upload it. */
export function PartnerLogoSection({ partner, canManage }: PartnerLogoSectionProps) {
  const { upload, uploading } = useUploadPartnerLogo(partner.id);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState(false);
  const previewUrl = choice?.previewUrl ?? null;

  // An object URL holds the file in memory until it is revoked.
  useEffect(
    () => () => {
      if (previewUrl?.startsWith("blob:")) URL.revokeObjectURL(previewUrl);
    },
    [previewUrl],
  );

  function choose(file: File | null) {
    setProblem(null);
    setUploaded(false);
    if (!file) {
      setChoice(null);
      return;
    }
    const url = objectUrl(file);
    setChoice({ file, previewUrl: url });
    if (url === null && typeof FileReader !== "undefined") {
      // No object URLs (e.g. an older browser): read the image as a data URL instead.
      const reader = new FileReader();
      reader.onload = () =>
        setChoice((current) =>
          current?.file === file ? { file, previewUrl: String(reader.result) } : current,
        );
      reader.readAsDataURL(file);
    }
  }

  async function send() {
    if (!choice) return;
    setProblem(null);
    const result = await upload(choice.file);
    if (result.ok) {
      setChoice(null);
      setUploaded(true);
    } else {
      setProblem(result.message);
    }
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="partner-logo-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="partner-logo-heading">
          Logo
        </Title>
        {partner.logoUrl ? (
          <Image
            src={partner.logoUrl}
            alt={`${partner.companyName} logo`}
            h={72}
            w="auto"
            maw={240}
            fit="contain"
            data-testid="partner-logo"
          />
        ) : (
          <Text c="dimmed">No logo yet.</Text>
        )}
        {canManage && (
          <Stack gap="sm" maw={420}>
            <FileInput
              label="New logo"
              description={`PNG, JPEG or WebP, at most ${LOGO_MAX_KB} KB.`}
              placeholder="Choose an image"
              // Mantine's placeholder grey is 2.9:1 on white; this one is an element axe checks.
              styles={{ placeholder: { color: "var(--mantine-color-placeholder)" } }}
              accept={LOGO_ACCEPT}
              value={choice?.file ?? null}
              onChange={choose}
              clearable
              clearButtonProps={{ "aria-label": "Clear the chosen image" }}
              disabled={uploading}
            />
            {choice && (
              <Group gap="md" align="center" wrap="nowrap">
                {choice.previewUrl && (
                  <Image
                    src={choice.previewUrl}
                    alt={`Preview of the new logo (${choice.file.name})`}
                    h={72}
                    w={72}
                    fit="contain"
                    radius="sm"
                    bd="1px solid var(--mantine-color-default-border)"
                  />
                )}
                <Stack gap={4}>
                  <Text size="sm">
                    {choice.file.name} · {sizeText(choice.file.size)}
                  </Text>
                  <Group gap="xs">
                    <Button size="sm" loading={uploading} onClick={() => void send()}>
                      Upload logo
                    </Button>
                    <Button
                      size="sm"
                      variant="default"
                      disabled={uploading}
                      onClick={() => choose(null)}
                    >
                      Cancel
                    </Button>
                  </Group>
                </Stack>
              </Group>
            )}
            {problem && (
              <Alert color="red" variant="light" role="alert">
                <Text span size="sm" fw={700}>
                  The logo was not uploaded.
                </Text>{" "}
                {problem}
              </Alert>
            )}
            <Text size="sm" c="var(--pn-color-text-success)" role="status">
              {uploaded ? "Logo updated." : ""}
            </Text>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
