import type { ComponentType } from "react";
import type { RouteObject } from "react-router";
import { createBrowserRouter, Navigate } from "react-router";
import { PageLoading } from "../components/page-status";
import { AppLayout } from "./layout/app-layout";
import { PLAYGROUND_PATH } from "./layout/nav-items";
import { NotFoundPage } from "./routes/not-found";
import { RouteError } from "./routes/route-error";

function RouteLoading() {
  return <PageLoading label="Loading page" />;
}

/**
 * A route whose page is code-split. The fallback sits on the lazy route itself, so on a first
 * visit the app layout (header, navigation, viewer) renders at once with a loader in <main>.
 */
function lazyPage(path: string, load: () => Promise<ComponentType>): RouteObject {
  return {
    path,
    HydrateFallback: RouteLoading,
    lazy: async () => ({ Component: await load() }),
  };
}

export const routes: RouteObject[] = [
  {
    // Full screen, outside the app layout; GraphiQL (Monaco) never enters the initial bundle.
    ...lazyPage(
      PLAYGROUND_PATH,
      async () => (await import("../features/playground/graphiql-page")).GraphiQLPage,
    ),
    ErrorBoundary: RouteError,
  },
  {
    path: "/",
    Component: AppLayout,
    ErrorBoundary: RouteError,
    children: [
      { index: true, element: <Navigate to="/members" replace /> },
      lazyPage(
        "members",
        async () => (await import("../features/members/members-page")).MembersPage,
      ),
      lazyPage(
        "partners",
        async () => (await import("../features/partners/partners-page")).PartnersPage,
      ),
      lazyPage(
        "clients",
        async () => (await import("../features/clients/clients-page")).ClientsPage,
      ),
      lazyPage(
        "invitations",
        async () => (await import("../features/invitations/invitations-page")).InvitationsPage,
      ),
      lazyPage(
        "settings",
        async () => (await import("../features/settings/settings-page")).SettingsPage,
      ),
      { path: "*", Component: NotFoundPage },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
