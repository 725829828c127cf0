import { Navigate, Outlet } from "react-router";
import { CLIENT_HOME_PATH, HOME_PATH } from "../../lib/safe-redirect";
import { useShellViewer } from "../viewer-query";

/** True when the viewer acts as a client (role CLIENT) in the current account. */
export function useActsAsClient(): boolean {
  const { data } = useShellViewer();
  return data?.viewer?.currentMember?.role === "CLIENT";
}

/*
 * Each role sees its own part of the app: a client (role CLIENT) sees only their team, never the
 * account's pages, and the account's people have no "your team" page. The server enforces the
 * same; these guards keep the screens from offering what would be refused. They run inside
 * RequireAuth, so the viewer is loaded.
 */

/** The account's own pages: a client is sent to their team. */
export function StaffArea() {
  return useActsAsClient() ? <Navigate to={CLIENT_HOME_PATH} replace /> : <Outlet />;
}

/** A client's pages: anyone else is sent to the home page. */
export function ClientArea() {
  return useActsAsClient() ? <Outlet /> : <Navigate to={HOME_PATH} replace />;
}
