/**
 * CORS, closed unless CORS_ORIGINS lists the calling page's origin. Same-origin
 * callers (the SPA, GraphiQL) and servers (partner systems with API tokens) do not
 * need it. A listed origin may send the headers our API reads; cookies are not
 * allowed cross-origin (no Access-Control-Allow-Credentials), so a listed page calls
 * with an API token. A preflight from any other origin is refused with 403.
 */
import type { RequestHandler } from "express";

const ALLOWED_METHODS = "GET, POST, OPTIONS";
const ALLOWED_HEADERS =
  "authorization, content-type, apollo-require-preflight, x-apollo-operation-name, x-request-id, idempotency-key";
/** What a partner's page needs to read: when to retry (429), whether a mutation was replayed, what to quote. */
const EXPOSED_HEADERS = "retry-after, idempotent-replayed, x-request-id";
const PREFLIGHT_MAX_AGE_SECONDS = 600;

export function corsPolicy(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    const preflight =
      req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
    if (origin === undefined) return preflight ? res.status(403).end() : next();
    res.vary("Origin");
    if (!allowed.has(origin)) {
      if (preflight)
        return res
          .status(403)
          .json({ error: "Cross-origin requests from this origin are not allowed." });
      // Not preflighted (a simple request): without an allow header the browser keeps the response from the page.
      return next();
    }
    res.setHeader("access-control-allow-origin", origin);
    res.setHeader("access-control-expose-headers", EXPOSED_HEADERS);
    if (!preflight) return next();
    res.setHeader("access-control-allow-methods", ALLOWED_METHODS);
    res.setHeader("access-control-allow-headers", ALLOWED_HEADERS);
    res.setHeader("access-control-max-age", String(PREFLIGHT_MAX_AGE_SECONDS));
    res.status(204).end();
  };
}
