import type { UnavailableReason } from "./components/invitation-unavailable";

interface CodedUserError {
  code: string;
}

/** userErrors codes that mean the link itself no longer works. */
const DEAD_LINK: Partial<Record<string, UnavailableReason>> = {
  EXPIRED: "expired",
  REVOKED: "revoked",
  ALREADY_ACCEPTED: "accepted",
  NOT_FOUND: "unknown",
  INVALID_STATE: "unsupported",
  ISSUER_NOT_AUTHORIZED: "issuer",
};

/**
 * Why the link is dead, when acceptInvitation says so. NOT_FOUND counts only for the token: a
 * partner invitation also answers NOT_FOUND for an account the viewer does not administer.
 */
export function deadLinkReason(
  userErrors: readonly (CodedUserError & { field?: readonly string[] | null })[],
): UnavailableReason | null {
  for (const error of userErrors) {
    const reason = DEAD_LINK[error.code];
    const field = error.field?.[0];
    if (reason && (field === undefined || field === "token")) return reason;
  }
  return null;
}
