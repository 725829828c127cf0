import type { ApolloClient } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import type { ReactNode } from "react";
import { cssVariablesResolver, theme } from "./theme";

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
        defaultColorScheme="light"
        env={mantineEnv}
      >
        <Notifications />
        {children}
      </MantineProvider>
    </ApolloProvider>
  );
}
