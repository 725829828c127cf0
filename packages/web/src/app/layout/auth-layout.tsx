import { Anchor, Box, Container, Group, Paper } from "@mantine/core";
import { Link, Outlet } from "react-router";
import { ColorSchemeSwitch } from "./color-scheme-switch";

/** Frame of the public log-in, sign-up and invitation pages: a banner with the product name, then the form. */
export function AuthLayout() {
  return (
    <Box mih="100dvh" bg="var(--pn-color-surface-subtle)" py="xl">
      <Container size={440}>
        <Box component="header" mb="lg" ta="center">
          <Anchor component={Link} to="/" fw={700} size="xl" c="bright" underline="never">
            Partner Network
          </Anchor>
          {/* In the banner: content outside a landmark fails axe's region rule. */}
          <Group justify="center" mt="xs">
            <ColorSchemeSwitch />
          </Group>
        </Box>
        <Paper component="main" withBorder shadow="xs" p="xl" radius="md">
          <Outlet />
        </Paper>
      </Container>
    </Box>
  );
}
