import { Navigate, Outlet, useLocation } from "react-router";
import { Page } from "../../components/page";
import { PageLoading } from "../../components/page-status";
import { QueryError } from "../../components/query-error";
import { logInPathFor } from "../../lib/safe-redirect";
import { useShellViewer } from "../viewer-query";

/** Guards the app's pages: a signed-out visit goes to the log-in page, which brings it back. */
export function RequireAuth() {
  const { data, loading, error, refetch } = useShellViewer();
  const location = useLocation();

  if (data?.viewer) return <Outlet />;
  if (loading) return <PageLoading label="Loading your account" />;
  if (error) {
    return (
      <Page title="Could not load your account">
        <QueryError title="Your account did not load" error={error} refetch={refetch} />
      </Page>
    );
  }
  return (
    <Navigate to={logInPathFor(`${location.pathname}${location.search}${location.hash}`)} replace />
  );
}
