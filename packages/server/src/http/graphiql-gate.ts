/**
 * In production the playground page is for signed-in callers, like introspection:
 * a signed-out browser is redirected to the log-in page, which brings it back to
 * /graphiql afterwards; an invalid API token gets 401.
 */
import type { Request, RequestHandler, Response } from "express";
import type { SessionCookie, Viewer } from "../graphql/context";
import { UnauthenticatedError } from "../graphql/errors";

export const GRAPHIQL_PATH = "/graphiql";
export const GRAPHIQL_LOGIN_REDIRECT = `/login?next=${encodeURIComponent(GRAPHIQL_PATH)}`;

export function graphiqlGate(
  resolveViewer: (request: Request, cookie: SessionCookie) => Promise<Viewer | null>,
  cookieFor: (response: Response) => SessionCookie,
): RequestHandler {
  return async (req, res, next) => {
    let viewer: Viewer | null;
    try {
      viewer = await resolveViewer(req, cookieFor(res));
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) return next(error);
      res.status(401).json({ error: error.message });
      return;
    }
    if (viewer) return next();
    res.setHeader("cache-control", "no-store");
    res.redirect(302, GRAPHIQL_LOGIN_REDIRECT);
  };
}
