/**
 * Who is calling: an `Authorization: Bearer pn_…` API token, or the session
 * cookie. A bearer header that does not name a live token is refused outright
 * (UNAUTHENTICATED) rather than treated as signed out, so a revoked token fails loudly.
 */
import { parse as parseCookies, serialize as serializeCookie } from "cookie";
import type { Request, Response } from "express";
import type { EntityManager } from "typeorm";
import type { SessionCookie, Viewer } from "../graphql/context";
import { UnauthenticatedError } from "../graphql/errors";
import { uncachedCredentials, type CredentialSource } from "../modules/identity/credential-cache";
import { SESSION_COOKIE } from "../modules/identity/sessions.service";

export function sessionCookieFor(response: Response, secure: boolean): SessionCookie {
  const options = { httpOnly: true, sameSite: "lax" as const, secure, path: "/" };
  return {
    set(token, expiresAt) {
      response.append(
        "set-cookie",
        serializeCookie(SESSION_COOKIE, token, { ...options, expires: expiresAt }),
      );
    },
    clear() {
      response.append(
        "set-cookie",
        serializeCookie(SESSION_COOKIE, "", { ...options, expires: new Date(0) }),
      );
    },
  };
}

/** Looks the credential up in the database (no cache): the REST routes' sign-in check. */
export function authenticate(
  db: EntityManager,
  request: Request,
  cookie: SessionCookie,
): Promise<Viewer | null> {
  return authenticateWith(uncachedCredentials(db), request, cookie);
}

/** /graphql's: through the process's credential cache (modules/identity/credential-cache.ts). */
export async function authenticateWith(
  credentials: CredentialSource,
  request: Request,
  cookie: SessionCookie,
): Promise<Viewer | null> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const viewer = match ? await credentials.viewerForBearer(match[1]!) : null;
    if (!viewer) throw new UnauthenticatedError("The API token is invalid or revoked.", 401);
    return viewer;
  }
  const token = parseCookies(request.headers.cookie ?? "")[SESSION_COOKIE];
  if (!token) return null;
  const session = await credentials.viewerForSession(token);
  if (!session) {
    cookie.clear();
    return null;
  }
  if (session.extendedUntil) cookie.set(token, session.extendedUntil);
  return session.viewer;
}
