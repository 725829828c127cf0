import { Stack, Text, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { ReactNode } from "react";

export const PRODUCT_NAME = "Partner Network";

export interface PageProps {
  /** Rendered as the page's single <h1> and used in the document title. */
  title: string;
  description?: ReactNode;
  children?: ReactNode;
}

/** Standard page frame inside the app layout's <main>: one h1, optional lead text, content. */
export function Page({ title, description, children }: PageProps) {
  useDocumentTitle(`${title} · ${PRODUCT_NAME}`);
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1}>{title}</Title>
        {description !== undefined && <Text c="gray.7">{description}</Text>}
      </Stack>
      {children}
    </Stack>
  );
}
