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

export function requestLogFields(req: IncomingMessage & { id?: unknown }): RequestLogFields {
  const url = req.url ?? "";
  const queryStart = url.indexOf("?");
  return {
    id: String(req.id),
    method: req.method,
    // The query string can carry tokens (invitation links); the path alone names the route.
    path: queryStart === -1 ? url : url.slice(0, queryStart),
    userAgent: req.headers["user-agent"],
  };
}

export function responseLogFields(res: ServerResponse): { status: number } {
  return { status: res.statusCode };
}
