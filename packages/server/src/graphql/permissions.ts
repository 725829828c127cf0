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
  return requireAnyPermission(context, [permission]);
}

/**
 * A signed-in viewer acting inside an account whose role has at least one of the
 * permissions; the one that applies is checked once the target is known.
 */
export function requireAnyPermission(
  context: Context,
  permissions: readonly Permission[],
): AccountViewer {
  const viewer = requireViewer(context);
  if (
    !viewer.accountId ||
    !viewer.memberId ||
    !permissions.some((permission) => can(viewer.role, permission))
  )
    throw new ForbiddenError();
  return viewer as AccountViewer;
}
