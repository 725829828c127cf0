import { Group, Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { ReactNode } from "react";

export const PRODUCT_NAME = "Partner Network";

export interface PageProps {
  /** Rendered as the page's single <h1> and used in the document title. */
  title: string;
  description?: ReactNode;
  /** Page-level actions shown beside the title, e.g. an "Invite people" button. */
  actions?: ReactNode;
  children?: ReactNode;
}

/** Standard page frame inside the app layout's <main>: one h1, optional lead text, content. */
export function Page({ title, description, actions, children }: PageProps) {
  useDocumentTitle(`${title} · ${PRODUCT_NAME}`);
  const heading = (
    <Stack gap={4}>
      <Title order={1}>{title}</Title>
      {description !== undefined && <Text c="dimmed">{description}</Text>}
    </Stack>
  );
  return (
    <Stack gap="md">
      {actions ? (
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          {heading}
          <Group gap="xs">{actions}</Group>
        </Group>
      ) : (
        heading
      )}
      {children}
    </Stack>
  );
}
