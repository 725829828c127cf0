import { Navigate, Outlet, useSearchParams } from "react-router";
import { Page } from "../../components/page";
import { PageLoading } from "../../components/page-status";
import { QueryError } from "../../components/query-error";
import { HOME_PATH, safeNextPath } from "../../lib/safe-redirect";
import { useShellViewer } from "../viewer-query";

/**
 * For /login and /signup: a signed-in visitor goes on to `?next=` (a safe relative path) or
 * the home page. Logging in or signing up resets the Apollo store, the viewer reloads, and
 * this redirect takes the user where they were going.
 */
export function RedirectIfSignedIn() {
  const { data, loading, error, refetch } = useShellViewer();
  const [searchParams] = useSearchParams();

  if (data?.viewer) {
    return <Navigate to={safeNextPath(searchParams.get("next")) ?? HOME_PATH} replace />;
  }
  if (data) return <Outlet />;
  if (loading) return <PageLoading label="Loading" />;
  if (error) {
    return (
      <Page title="Could not reach Partner Network">
        <QueryError title="The server did not answer" error={error} refetch={refetch} />
      </Page>
    );
  }
  return <Outlet />;
}
