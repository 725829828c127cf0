import { Anchor, AppShell, Burger, Group, Loader, NavLink } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Link, NavLink as RouterNavLink, Outlet, useLocation, useNavigation } from "react-router";
import { can } from "@pn/shared";
import { toRole } from "../../lib/enum-labels";
import { useActsAsClient } from "../routes/require-role-area";
import { useShellViewer } from "../viewer-query";
import { CLIENT_NAV_ITEMS, NAV_ITEMS, PLAYGROUND_PATH, type NavItem } from "./nav-items";
import { ColorSchemeSwitch } from "./color-scheme-switch";
import { VerifyEmailBanner } from "./verify-email-banner";
import { ViewerStatus } from "./viewer-status";

function isActive(pathname: string, to: string) {
  return pathname === to || pathname.startsWith(`${to}/`);
}

/**
 * The main navigation links; items that need a permission show once the viewer's role allows
 * them. Its own component, so viewer updates re-render the links only, not the page.
 */
function MainNavLinks({
  items,
  pathname,
  onNavigate,
}: {
  items: readonly NavItem[];
  pathname: string;
  onNavigate: () => void;
}) {
  const role = useShellViewer().data?.viewer?.currentMember?.role;
  return items
    .filter((item) => !item.permission || can(role ? toRole(role) : null, item.permission))
    .map((item) => (
      <NavLink
        key={item.to}
        component={RouterNavLink}
        to={item.to}
        label={item.label}
        active={isActive(pathname, item.to)}
        // Filled: the light variant's hover (blue on blue.2) drops below 4.5:1 contrast.
        variant="filled"
        onClick={onNavigate}
      />
    ));
}

export function AppLayout() {
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const { pathname } = useLocation();
  const navigation = useNavigation();
  const actsAsClient = useActsAsClient();
  const navItems = actsAsClient ? CLIENT_NAV_ITEMS : NAV_ITEMS;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? "Close navigation" : "Open navigation"}
              aria-expanded={navOpened}
              aria-controls="app-navbar"
            />
            <Anchor component={Link} to="/" fw={700} size="lg" c="bright" underline="never">
              Partner Network
            </Anchor>
            {navigation.state === "loading" && (
              <Loader size="xs" type="dots" role="status" aria-label="Loading page" />
            )}
          </Group>
          <Group gap="md" wrap="nowrap">
            <ColorSchemeSwitch />
            <ViewerStatus />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar id="app-navbar" p="sm" aria-label="Main">
        {/* Native overflow, not Mantine's ScrollArea: that one pulls floating-ui into the first load. */}
        <AppShell.Section grow style={{ overflowY: "auto" }}>
          <MainNavLinks items={navItems} pathname={pathname} onNavigate={closeNav} />
        </AppShell.Section>
        {!actsAsClient && (
          <AppShell.Section>
            <NavLink component={Link} to={PLAYGROUND_PATH} label="GraphQL playground" />
          </AppShell.Section>
        )}
      </AppShell.Navbar>

      <AppShell.Main>
        <VerifyEmailBanner />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
