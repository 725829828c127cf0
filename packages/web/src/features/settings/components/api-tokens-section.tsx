import { Card, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { ListStates } from "../../../components/list";
import { PageEmpty } from "../../../components/page-status";
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

  const list = (
    <ListStates
      items={tokens}
      loading={loading}
      error={error}
      refetch={refetch}
      emptyAfterLoading={false}
      errorTitle="Could not load API tokens"
      loadingLabel="Loading API tokens"
      empty={
        <PageEmpty
          title="No API tokens yet"
          message="Create one for each system that calls the API."
        />
      }
    >
      {(rows) => (
        <ApiTokensTable tokens={rows} onRevoke={(token) => setRevoking({ token, opened: true })} />
      )}
    </ListStates>
  );

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="api-tokens-heading">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3" id="api-tokens-heading">
            API tokens
          </Title>
          <Text size="sm" c="dimmed">
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
