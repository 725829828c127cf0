import { Navigate, Outlet, useLocation } from "react-router";
import { Page } from "../../components/page";
import { PageError, PageLoading } from "../../components/page-status";
import { describeError } from "../../lib/errors";
import { logInPathFor } from "../../lib/safe-redirect";
import { useShellViewer } from "../viewer-query";

/** Guards the app's pages: a signed-out visit goes to the log-in page, which brings it back. */
export function RequireAuth() {
  const { data, loading, error, refetch } = useShellViewer();
  const location = useLocation();

  if (data?.viewer) return <Outlet />;
  if (loading) return <PageLoading label="Loading your account" />;
  if (error) {
    const { message, retryable } = describeError(error);
    return (
      <Page title="Could not load your account">
        <PageError
          title="Your account did not load"
          message={message}
          onRetry={
            retryable
              ? () => {
                  refetch().catch(() => undefined);
                }
              : undefined
          }
        />
      </Page>
    );
  }
  return (
    <Navigate to={logInPathFor(`${location.pathname}${location.search}${location.hash}`)} replace />
  );
}
