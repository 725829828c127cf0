import { Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import { isRouteErrorResponse, Link, useRouteError } from "react-router";

/** Shown when a route fails to render or its lazy chunk cannot load (e.g. after a deploy). */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : "Unknown error";

  return (
    <main style={{ padding: "2rem" }}>
      <Stack gap="sm" align="flex-start">
        <Title order={1}>Something went wrong</Title>
        <Text c="dimmed">{message}</Text>
        <Group>
          <Button onClick={() => window.location.reload()}>Reload</Button>
          <Anchor component={Link} to="/">
            Go to the home page
          </Anchor>
        </Group>
      </Stack>
    </main>
  );
}
