/**
 * The per-request context: who is asking, in which account, and a fresh set of
 * DataLoaders so batching and caching never cross requests or tenants.
 */
import type { ApiScope, Role } from "@pn/shared";
import type { Request } from "express";
import type { EntityManager } from "typeorm";
import type { Logger } from "../logger";
import type { MailQueue } from "../modules/mail/mail.service";
import type { RateLimits } from "../modules/rate-limits/rate-limits.service";
import { createLoaders, type Loaders } from "./loaders";

export type Credential =
  | { kind: "session"; sessionId: string }
  | { kind: "apiToken"; apiTokenId: string; scopes: ApiScope[] };

export type Viewer = {
  userId: string;
  /** The account the session or token acts in; null when the user has no account to enter. */
  accountId: string | null;
  memberId: string | null;
  role: Role | null;
  credential: Credential;
};

/** What a mutation may do to the caller's cookie: sign-in sets it, sign-out clears it. */
export type SessionCookie = {
  set(token: string, expiresAt: Date): void;
  clear(): void;
};

export type Context = {
  requestId: string;
  /** The caller's address, for the audit trail. */
  ip: string | null;
  /** Base URL for links in emails (APP_URL). */
  appUrl: string;
  /** Queues outbox emails for delivery inside the caller's transaction. */
  mail: MailQueue;
  logger: Logger;
  db: EntityManager;
  viewer: Viewer | null;
  sessionCookie: SessionCookie;
  /** Limits shared by every server process (kept in PostgreSQL). */
  rateLimits: RateLimits;
  loaders: Loaders;
};

export function createContext(input: Omit<Context, "loaders">): Context {
  return { ...input, loaders: createLoaders(input.db) };
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
