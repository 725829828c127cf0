import type { ComponentType } from "react";
import type { RouteObject } from "react-router";
import { createBrowserRouter, Navigate } from "react-router";
import { PageLoading } from "../components/page-status";
import { HOME_PATH } from "../lib/safe-redirect";
import { AppLayout } from "./layout/app-layout";
import { AuthLayout } from "./layout/auth-layout";
import { PLAYGROUND_PATH } from "./layout/nav-items";
import { NotFoundPage } from "./routes/not-found";
import { RedirectIfSignedIn } from "./routes/redirect-if-signed-in";
import { RequireAuth } from "./routes/require-auth";
import { ClientArea, StaffArea } from "./routes/require-role-area";
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
    // Public: log in and sign up (a signed-in visitor is sent on to `?next=` or the home page),
    // and accepting an invitation.
    Component: AuthLayout,
    ErrorBoundary: RouteError,
    children: [
      {
        Component: RedirectIfSignedIn,
        children: [
          lazyPage("login", async () => (await import("../features/auth/log-in-page")).LogInPage),
          lazyPage(
            "signup",
            async () => (await import("../features/auth/sign-up-page")).SignUpPage,
          ),
        ],
      },
      // Public, for signed-in and signed-out visitors alike: a forgotten password, and the
      // emailed reset link (which signs the browser in as the link's person).
      lazyPage(
        "forgot-password",
        async () => (await import("../features/security/forgot-password-page")).ForgotPasswordPage,
      ),
      lazyPage(
        "reset-password",
        async () => (await import("../features/security/reset-password-page")).ResetPasswordPage,
      ),
      // Public, for signed-in and signed-out visitors alike: the page itself decides.
      lazyPage(
        "verify-email",
        async () => (await import("../features/auth/verify-email-page")).VerifyEmailPage,
      ),
      lazyPage(
        "invite/:token",
        async () =>
          (await import("../features/invitations/accept-invitation-page")).AcceptInvitationPage,
      ),
    ],
  },
  {
    path: "/",
    Component: AppLayout,
    ErrorBoundary: RouteError,
    children: [
      {
        // Signed-out visits go to /login?next=<path>.
        Component: RequireAuth,
        children: [
          // The person's own password and sessions: staff, clients and people with no account alike.
          lazyPage(
            "security",
            async () => (await import("../features/security/security-page")).SecurityPage,
          ),
          {
            // The account's own pages; a client is sent to their team.
            Component: StaffArea,
            children: [
              { index: true, element: <Navigate to={HOME_PATH} replace /> },
              lazyPage(
                "members",
                async () => (await import("../features/members/members-page")).MembersPage,
              ),
              lazyPage(
                "partners",
                async () => (await import("../features/partners/partners-page")).PartnersPage,
              ),
              lazyPage(
                "partners/:partnerId",
                async () => (await import("../features/partners/partner-page")).PartnerPage,
              ),
              lazyPage(
                "clients",
                async () => (await import("../features/clients/clients-page")).ClientsPage,
              ),
              lazyPage(
                "clients/:clientId",
                async () => (await import("../features/clients/client-page")).ClientPage,
              ),
              lazyPage(
                "network",
                async () => (await import("../features/network/network-page")).NetworkPage,
              ),
              lazyPage(
                "invitations",
                async () =>
                  (await import("../features/invitations/invitations-page")).InvitationsPage,
              ),
              lazyPage(
                "settings",
                async () => (await import("../features/settings/settings-page")).SettingsPage,
              ),
              lazyPage(
                "audit",
                async () => (await import("../features/audit/audit-page")).AuditPage,
              ),
              lazyPage(
                "webhooks",
                async () => (await import("../features/webhooks/webhooks-page")).WebhooksPage,
              ),
            ],
          },
          // The person's own pages, whatever their role (or with no account to enter yet).
          lazyPage(
            "profile",
            async () => (await import("../features/profile/profile-page")).ProfilePage,
          ),
          lazyPage(
            "invitations-to-join",
            async () =>
              (await import("../features/profile/invitations-to-join-page")).InvitationsToJoinPage,
          ),
          {
            // A client's own pages; the account's people are sent home.
            Component: ClientArea,
            children: [
              lazyPage(
                "my-team",
                async () => (await import("../features/clients/my-team-page")).MyTeamPage,
              ),
            ],
          },
        ],
      },
      // Public, inside the shell. The dev mailbox is a development tool (404 in production).
      lazyPage(
        "dev/mailbox",
        async () => (await import("../features/mailbox/mailbox-page")).MailboxPage,
      ),
      { path: "*", Component: NotFoundPage },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
