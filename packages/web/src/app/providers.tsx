import type { ApolloClient } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { localStorageColorSchemeManager, MantineProvider } from "@mantine/core";
import { lazy, Suspense, type ReactNode } from "react";
import { cssVariablesResolver, theme } from "./theme";

/**
 * The person's choice of scheme, kept in localStorage under this key; until they choose,
 * the system setting (prefers-color-scheme) decides. public/color-scheme.js reads the same
 * key before the app loads, so a dark page does not flash white first.
 */
export const COLOR_SCHEME_KEY = "pn-color-scheme";
// The toasts' renderer (transitions, portal) loads after the first render; nothing shows one
// before. `notifications.show()` only writes to a store, which it renders once it mounts.
const Notifications = lazy(async () => ({
  default: (await import("./notifications-renderer")).Notifications,
}));

const colorSchemeManager = localStorageColorSchemeManager({ key: COLOR_SCHEME_KEY });

export interface AppProvidersProps {
  client: ApolloClient;
  children: ReactNode;
  /**
   * "test" in jsdom: no transitions or portals, and popovers ignore jsdom's zero-size layout
   * (which would otherwise hide every menu and select dropdown).
   */
  mantineEnv?: "default" | "test";
}

export function AppProviders({ client, children, mantineEnv = "default" }: AppProvidersProps) {
  return (
    <ApolloProvider client={client}>
      <MantineProvider
        theme={theme}
        cssVariablesResolver={cssVariablesResolver}
        colorSchemeManager={colorSchemeManager}
        defaultColorScheme="auto"
        env={mantineEnv}
      >
        <Suspense fallback={null}>
          <Notifications />
        </Suspense>
        {children}
      </MantineProvider>
    </ApolloProvider>
  );
}
