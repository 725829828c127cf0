/** Where a signed-in user lands by default. */
export const HOME_PATH = "/members";
/** Where a signed-in client (role CLIENT) lands: their team. */
export const CLIENT_HOME_PATH = "/my-team";
/** Where a company's admin lands on accepting a partner invitation: its clients, the inviter now among them. */
export const PARTNER_ACCEPTED_PATH = "/clients";

/**
 * The `next` target after logging in, accepted only as a same-origin relative path:
 * it must start with "/" but not "//" or "/\" (protocol-relative URLs leave the site).
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
    return null;
  }
  // Control characters (tabs, newlines) are stripped by URL parsers and could rebuild "//".
  for (const char of next) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return null;
  }
  return next;
}

/** The log-in URL that brings the user back to `path` afterwards. */
export function logInPathFor(path: string): string {
  const next = safeNextPath(path);
  return next && next !== "/" ? `/login?next=${encodeURIComponent(next)}` : "/login";
}
