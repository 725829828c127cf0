/** Service-side guards: not signed in is UNAUTHENTICATED, a role that may not act is FORBIDDEN. */
import { can, type Permission } from "@pn/shared";
import type { Context, Viewer } from "./context";
import { ForbiddenError, UnauthenticatedError } from "./errors";

export type AccountViewer = Viewer & { accountId: string; memberId: string };

export function requireViewer(context: Context): Viewer {
  if (!context.viewer) throw new UnauthenticatedError();
  return context.viewer;
}

/** A signed-in viewer acting inside an account, whose role has the permission. */
export function requirePermission(context: Context, permission: Permission): AccountViewer {
  const viewer = requireViewer(context);
  if (!viewer.accountId || !viewer.memberId || !can(viewer.role, permission)) throw new ForbiddenError();
  return viewer as AccountViewer;
}
