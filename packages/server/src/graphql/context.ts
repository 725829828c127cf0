/**
 * The per-request context: who is asking, in which account, and a fresh set of
 * DataLoaders so batching and caching never cross requests or tenants.
 *
 * The kernel names no module. What the modules put in the context (their loaders,
 * the mail outbox, the rate limits) is declared by the wiring layer, which adds it
 * to `Loaders` and `Context` by interface merging (app/loaders.ts, app/context.ts)
 * and builds it for each request.
 */
import type { ApiScope, Plan, Role } from "@pn/shared";
import type { Request } from "express";
import type { EntityManager } from "typeorm";
import type { Logger } from "../logger";

export type Credential =
  | { kind: "session"; sessionId: string }
  | { kind: "apiToken"; apiTokenId: string; scopes: ApiScope[] };

/** The account a viewer acts in, as the credential's lookup read it (the `accounts` row). */
export type ViewerAccount = { id: string; name: string; handle: string; plan: Plan };

export type Viewer = {
  userId: string;
  /** The account the session or token acts in; null when the user has no account to enter. */
  accountId: string | null;
  memberId: string | null;
  role: Role | null;
  credential: Credential;
  /**
   * That account's row, read with the credential (and cached with it, dropped when the
   * account changes), so `viewer.currentAccount` costs no statement; absent where the viewer
   * was made otherwise (tests, sign-in within the request).
   */
  account?: ViewerAccount | null;
};

/** What a mutation may do to the caller's cookie: sign-in sets it, sign-out clears it. */
export type SessionCookie = {
  set(token: string, expiresAt: Date): void;
  clear(): void;
};

/** The per-request DataLoaders, one per name; app/loaders.ts declares and builds the set. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by app/loaders.ts
export interface Loaders {}

export interface Context {
  requestId: string;
  /** The caller's address, for the audit trail. */
  ip: string | null;
  /** The caller's User-Agent header (cut to a sane length), so a person can tell their sessions apart. */
  userAgent: string | null;
  /** Base URL for links in emails (APP_URL). */
  appUrl: string;
  logger: Logger;
  db: EntityManager;
  viewer: Viewer | null;
  sessionCookie: SessionCookie;
  loaders: Loaders;
}

/**
 * Runs a REST route's work (logo upload, backup export) with a context built by the HTTP layer
 * like /graphql's: its `db` is a tenant transaction of the app role, committed when `work`
 * succeeds and rolled back when it throws.
 */
export type RestContextRunner = <T>(
  req: Request,
  viewer: Viewer,
  work: (context: Context) => Promise<T>,
) => Promise<T>;
