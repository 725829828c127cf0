/**
 * Sessions and API tokens looked up in the last few seconds (CREDENTIAL_CACHE_SECONDS), kept
 * in this process's memory by the SHA-256 of their secret, so a busy integration's request
 * costs no lookup. SECURITY.md "Credential cache" states the rules; in short:
 *
 * - Every write that changes what a lookup answers notifies channel `pn_credentials` from a
 *   trigger (migration 1765420000000), and every process drops what it names at once.
 * - The cache vouches only while its LISTEN connection is in place: before it is, and from
 *   the moment it is lost until it is back, every lookup goes to the database, and
 *   reconnecting empties the cache (what was missed meanwhile is unknown).
 * - A lookup still on its way when any notification arrives is answered but not kept: its
 *   row may predate the change the notification announced.
 * - Expiry is checked against the clock on every hit; `last_used_at` (to the minute) and a
 *   session's hourly extension are written off the request path on hits.
 * - What memory answered is re-checked in the request's BEGIN round trip (`recheckSql`):
 *   a notification still on its way when the next request arrives cannot let a revoked
 *   credential through, and the app looks a viewer that failed it up again.
 */
import type { EntityManager } from "typeorm";
import { clock } from "../../clock";
import { hashSecret } from "../../crypto/secret-token";
import { startNotificationListener } from "../../db/notification-listener";
import type { Viewer } from "../../graphql/context";
import type { Logger } from "../../logger";
import { apiTokensService, LAST_USED_RESOLUTION_MS } from "./api-tokens.service";
import { SESSION_LIFETIME_MS, sessionsService } from "./sessions.service";

export const CREDENTIALS_CHANNEL = "pn_credentials";
/** Beyond this many live entries the oldest go first; a lookup costs no more than it does today. */
const MAX_ENTRIES = 10_000;

type Entry = {
  viewer: Viewer;
  /** When this process stops trusting its memory of it (Date.now() ms). */
  trustedUntil: number;
  /** The credential's own end; a hit past it is a miss (tokens: the injectable clock, sessions: the wall clock, as their lookups). */
  expiresAt: number | null;
  /** Tokens: when this process last recorded a use. Sessions: when it was last extended. */
  touchedAt: number;
};

/** Each request gets its own copy: nothing a request does to its viewer may reach the next one. */
function copyOf(viewer: Viewer): Viewer {
  return {
    ...viewer,
    credential: { ...viewer.credential },
    account: viewer.account ? { ...viewer.account } : viewer.account,
  } as Viewer;
}

export type SessionLookup = { viewer: Viewer; extendedUntil: Date | null };

/** How authentication finds a credential's viewer: through the cache, or straight from the database. */
export type CredentialSource = {
  viewerForBearer(secret: string): Promise<Viewer | null>;
  viewerForSession(token: string): Promise<SessionLookup | null>;
};

/** Every lookup from the database, no memory: routes outside /graphql and tests. */
export function uncachedCredentials(systemDb: EntityManager): CredentialSource {
  return {
    viewerForBearer: (secret) => apiTokensService.viewerForSecret(systemDb, secret),
    viewerForSession: (token) => sessionsService.viewerForToken(systemDb, token),
  };
}

export type CredentialCache = CredentialSource & {
  /** Whether a hit would be answered from memory now (listener in place, cache enabled). */
  readonly vouching: boolean;
  /**
   * For a viewer this cache answered from memory, the statement that re-checks it inside the
   * request's transaction (credential-check.ts); null for one a lookup answered just now.
   */
  recheckSql(viewer: Viewer): string | null;
  /** The re-check failed: what memory holds for this viewer's credential goes. */
  forget(viewer: Viewer): void;
  stop(): Promise<void>;
};

/** The statement re-checking `viewer` against what its lookup would answer now. */
function recheckStatement(viewer: Viewer): string {
  const credential = viewer.credential;
  return credential.kind === "apiToken"
    ? apiTokensService.inForceSql(credential.apiTokenId, viewer)
    : sessionsService.inForceSql(credential.sessionId, viewer);
}

/**
 * The cache of one process (or one app in a test), with its own LISTEN connection on
 * `listenUrl`. `ttlSeconds` 0 opens no connection and looks everything up.
 */
export function startCredentialCache(options: {
  systemDb: EntityManager;
  listenUrl: string;
  ttlSeconds: number;
  logger: Logger;
}): CredentialCache {
  const { systemDb, ttlSeconds, logger } = options;
  const entries = new Map<string, Entry>();
  /** The copies handed out from memory, which their request re-checks. */
  const fromMemory = new WeakSet<Viewer>();
  const handOut = (viewer: Viewer): Viewer => {
    const copy = copyOf(viewer);
    fromMemory.add(copy);
    return copy;
  };
  let listening = false;
  /** Bumped by every notification, connect and loss: a lookup that saw it change keeps nothing. */
  let epoch = 0;

  const dropWhere = (matches: (viewer: Viewer) => boolean) => {
    for (const [key, entry] of entries) if (matches(entry.viewer)) entries.delete(key);
  };
  const flush = () => {
    epoch += 1;
    entries.clear();
  };

  const onNotification = (payload: string) => {
    epoch += 1;
    const separator = payload.indexOf(":");
    const kind = payload.slice(0, separator);
    const ids = new Set(payload.slice(separator + 1).split(","));
    if (kind === "token")
      dropWhere((v) => v.credential.kind === "apiToken" && ids.has(v.credential.apiTokenId));
    else if (kind === "session")
      dropWhere((v) => v.credential.kind === "session" && ids.has(v.credential.sessionId));
    else if (kind === "user") dropWhere((v) => ids.has(v.userId));
    // The account's row rides in its viewers (name, handle, plan: migration 1765422000000).
    else if (kind === "account") dropWhere((v) => v.accountId !== null && ids.has(v.accountId));
    // "all" (a TRUNCATE), and anything this version does not know: drop everything.
    else flush();
  };

  const listener =
    ttlSeconds > 0
      ? startNotificationListener({
          url: options.listenUrl,
          channel: CREDENTIALS_CHANNEL,
          logger,
          onNotification,
          onUp() {
            flush();
            listening = true;
          },
          onDown() {
            listening = false;
            flush();
          },
        })
      : null;

  const remember = (key: string, seenEpoch: number, entry: Omit<Entry, "trustedUntil">) => {
    if (!listening || seenEpoch !== epoch) return;
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, { ...entry, trustedUntil: Date.now() + ttlSeconds * 1000 });
  };

  /** A live entry, or undefined; a stale or expired one is deleted on the way. */
  const hit = (key: string, now: number): Entry | undefined => {
    if (!listening) return undefined;
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.trustedUntil <= Date.now() || (entry.expiresAt !== null && entry.expiresAt <= now)) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  const offRequestPath = (what: string, write: Promise<void>) => {
    write.catch((error: unknown) => logger.warn({ err: error }, `${what} failed`));
  };

  return {
    get vouching() {
      return listening;
    },

    async viewerForBearer(secret) {
      const key = `t:${hashSecret(secret).toString("base64")}`;
      const cached = hit(key, clock.now().getTime());
      if (cached) {
        const credential = cached.viewer.credential;
        if (
          credential.kind === "apiToken" &&
          Date.now() - cached.touchedAt >= LAST_USED_RESOLUTION_MS
        ) {
          cached.touchedAt = Date.now();
          offRequestPath(
            "recording an API token's use",
            apiTokensService.recordUse(systemDb, credential.apiTokenId),
          );
        }
        return handOut(cached.viewer);
      }
      const seenEpoch = epoch;
      const found = await apiTokensService.findBearer(systemDb, secret);
      if (!found) return null;
      // The lookup recorded the use when it was due.
      remember(key, seenEpoch, {
        viewer: found.viewer,
        expiresAt: found.expiresAt?.getTime() ?? null,
        touchedAt: Date.now(),
      });
      return found.viewer;
    },

    async viewerForSession(token) {
      const key = `s:${hashSecret(token).toString("base64")}`;
      const now = Date.now();
      const cached = hit(key, now);
      if (cached) {
        const credential = cached.viewer.credential;
        let extendedUntil: Date | null = null;
        if (
          credential.kind === "session" &&
          sessionsService.extensionDue(new Date(cached.touchedAt), now)
        ) {
          extendedUntil = new Date(now + SESSION_LIFETIME_MS);
          cached.touchedAt = now;
          cached.expiresAt = extendedUntil.getTime();
          offRequestPath(
            "extending a session",
            sessionsService.extend(systemDb, credential.sessionId, extendedUntil),
          );
        }
        return { viewer: handOut(cached.viewer), extendedUntil };
      }
      const seenEpoch = epoch;
      const found = await sessionsService.viewerForToken(systemDb, token);
      if (!found) return null;
      remember(key, seenEpoch, {
        viewer: found.viewer,
        expiresAt: found.expiresAt.getTime(),
        touchedAt: found.lastSeenAt.getTime(),
      });
      return { viewer: found.viewer, extendedUntil: found.extendedUntil };
    },

    recheckSql(viewer) {
      return fromMemory.has(viewer) ? recheckStatement(viewer) : null;
    },

    // As if the notification still on its way had arrived.
    forget(viewer) {
      const credential = viewer.credential;
      onNotification(
        credential.kind === "apiToken"
          ? `token:${credential.apiTokenId}`
          : `session:${credential.sessionId}`,
      );
    },

    async stop() {
      await listener?.stop();
      listening = false;
      flush();
    },
  };
}
