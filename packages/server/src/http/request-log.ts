/**
 * What one request's log line holds: an allow-list, so no header that carries a
 * credential (cookie, authorization, idempotency-key) or a query string can reach
 * the logs by default. pino-http adds `responseTime` (ms) itself.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export type RequestLogFields = {
  id: string;
  method: string | undefined;
  path: string;
  userAgent: string | undefined;
};

/**
 * SPA pages whose path carries a secret token (the emailed invitation link, and the
 * verification and password-reset links to come): the log names the page, not the token.
 */
const TOKEN_IN_PATH = /^(\/(?:invite|verify-email|reset-password)\/)[^/?#]+/;

/** The path as logged: no query string, no token. */
export function loggedPath(url: string): string {
  const queryStart = url.indexOf("?");
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  return path.replace(TOKEN_IN_PATH, "$1[redacted]");
}

export function requestLogFields(req: IncomingMessage & { id?: unknown }): RequestLogFields {
  return {
    id: String(req.id),
    method: req.method,
    path: loggedPath(req.url ?? ""),
    userAgent: req.headers["user-agent"],
  };
}

export function responseLogFields(res: ServerResponse): { status: number } {
  return { status: res.statusCode };
}
