import { Card, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { PageEmpty, PageError, PageLoading } from "../../../components/page-status";
import { describeError } from "../../../lib/errors";
import { type ApiTokenRow, useApiTokens } from "../api/get-api-tokens";
import { ApiTokenSecretModal } from "./api-token-secret-modal";
import { ApiTokensTable } from "./api-tokens-table";
import { type CreatedApiToken, CreateApiTokenForm } from "./create-api-token-form";
import { RevokeApiTokenModal } from "./revoke-api-token-modal";

/** OWNER/ADMINISTRATOR: create, list and revoke the account's API tokens. */
export function ApiTokensSection() {
  const { data, loading, error, refetch } = useApiTokens();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<{ token: ApiTokenRow | null; opened: boolean }>({
    token: null,
    opened: false,
  });
  const tokens = data?.viewer?.currentAccount?.apiTokens;

  let list;
  if (tokens) {
    list =
      tokens.length === 0 ? (
        <PageEmpty
          title="No API tokens yet"
          message="Create one for each system that calls the API."
        />
      ) : (
        <ApiTokensTable
          tokens={tokens}
          onRevoke={(token) => setRevoking({ token, opened: true })}
        />
      );
  } else if (error && !loading) {
    const { message, retryable } = describeError(error);
    list = (
      <PageError
        title="Could not load API tokens"
        message={message}
        onRetry={
          retryable
            ? () => {
                refetch().catch(() => undefined);
              }
            : undefined
        }
      />
    );
  } else {
    list = <PageLoading label="Loading API tokens" />;
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="api-tokens-heading">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3" id="api-tokens-heading">
            API tokens
          </Title>
          <Text size="sm" c="gray.7">
            Partner systems call the GraphQL API with a token. Read tokens run queries; write tokens
            also run mutations.
          </Text>
        </Stack>
        <CreateApiTokenForm onCreated={setCreated} />
        {list}
      </Stack>
      <ApiTokenSecretModal token={created} onClose={() => setCreated(null)} />
      <RevokeApiTokenModal
        token={revoking.token}
        opened={revoking.opened}
        onClose={() => setRevoking((previous) => ({ ...previous, opened: false }))}
      />
    </Card>
  );
}
