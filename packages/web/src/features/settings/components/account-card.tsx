import { Card, Code, Stack, Text, Title } from "@mantine/core";

export interface AccountCardProps {
  name: string;
  handle: string;
}

export function AccountCard({ name, handle }: AccountCardProps) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="account-heading">
      <Stack gap="xs">
        <Title order={2} size="h3" id="account-heading">
          Account
        </Title>
        <Text>
          Name: <strong>{name}</strong>
        </Text>
        <Text>
          Account ID: <Code>{handle}</Code>
        </Text>
        <Text size="sm" c="gray.7">
          Partners invite your company by this account ID.
        </Text>
      </Stack>
    </Card>
  );
}
