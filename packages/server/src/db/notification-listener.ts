/**
 * One dedicated connection per process that LISTENs on a channel, for caches that must hear
 * every invalidation (modules/identity/credential-cache.ts). A plain `pg.Client`, not a pool
 * connection: LISTEN belongs to one session, which is why it needs a URL that reaches
 * PostgreSQL directly (DATABASE_LISTEN_URL behind a transaction-pooling PgBouncer).
 *
 * `onUp` runs each time LISTEN is in place (at start and after every reconnect), `onDown`
 * the moment the connection is lost or a heartbeat goes unanswered; whoever relies on the
 * notifications must trust nothing between the two. It reconnects with a growing delay.
 */
import { Client } from "pg";
import type { Logger } from "../logger";

export type NotificationListener = {
  /** Whether LISTEN is in place right now. */
  readonly listening: boolean;
  /** Resolves once LISTEN is first in place, or with false if `timeoutMs` passes first. */
  ready(timeoutMs: number): Promise<boolean>;
  stop(): Promise<void>;
};

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;

export function startNotificationListener(options: {
  url: string;
  channel: string;
  logger: Logger;
  onNotification(payload: string): void;
  onUp(): void;
  onDown(): void;
  /** How often the connection is asked `SELECT 1`; a half-open TCP connection says nothing otherwise. */
  heartbeatMs?: number;
}): NotificationListener {
  const { url, channel, logger } = options;
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error("channel must be a plain identifier");
  const heartbeatMs = options.heartbeatMs ?? 10_000;
  let client: Client | null = null;
  let listening = false;
  let stopped = false;
  let delay = RECONNECT_MIN_MS;
  let reconnectTimer: NodeJS.Timeout | null = null;
  let heartbeatTimer: NodeJS.Timeout | null = null;
  const waiters = new Set<(up: boolean) => void>();

  const down = (reason: unknown) => {
    const wasListening = listening;
    listening = false;
    if (heartbeatTimer) clearInterval(heartbeatTimer);
    heartbeatTimer = null;
    const current = client;
    client = null;
    current?.removeAllListeners();
    // An error after `end` is of no interest; keep one handler so it is not an unhandled 'error'.
    current?.on("error", () => undefined);
    current?.end().catch(() => undefined);
    options.onDown();
    if (stopped) return;
    if (wasListening)
      logger.warn({ err: reason, channel }, "notification listener lost; reconnecting");
    reconnectTimer = setTimeout(connect, delay);
    reconnectTimer.unref();
    delay = Math.min(delay * 2, RECONNECT_MAX_MS);
  };

  const connect = async () => {
    reconnectTimer = null;
    if (stopped) return;
    const next = new Client({
      connectionString: url,
      keepAlive: true,
      application_name: "partner-network-listen",
    });
    client = next;
    next.on("error", (error) => {
      if (client === next) down(error);
    });
    next.on("end", () => {
      if (client === next) down(new Error("connection ended"));
    });
    next.on("notification", (message) => {
      if (client === next && message.channel === channel)
        options.onNotification(message.payload ?? "");
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      if (client === next) {
        logger.warn({ err: error, channel }, "notification listener could not connect; retrying");
        down(error);
      }
      return;
    }
    if (client !== next || stopped) return;
    listening = true;
    delay = RECONNECT_MIN_MS;
    options.onUp();
    for (const resolve of waiters) resolve(true);
    waiters.clear();
    heartbeatTimer = setInterval(() => {
      const timeout = setTimeout(() => {
        if (client === next) down(new Error("heartbeat unanswered"));
      }, heartbeatMs);
      timeout.unref();
      next
        .query("SELECT 1")
        .then(() => clearTimeout(timeout))
        .catch((error: unknown) => {
          clearTimeout(timeout);
          if (client === next) down(error);
        });
    }, heartbeatMs);
    heartbeatTimer.unref();
  };

  void connect();

  return {
    get listening() {
      return listening;
    },
    ready(timeoutMs) {
      if (listening) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(done);
          resolve(false);
        }, timeoutMs);
        timer.unref();
        const done = (up: boolean) => {
          clearTimeout(timer);
          resolve(up);
        };
        waiters.add(done);
      });
    },
    async stop() {
      stopped = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      for (const resolve of waiters) resolve(false);
      waiters.clear();
      const current = client;
      if (current) down(new Error("stopped"));
      await current?.end().catch(() => undefined);
    },
  };
}
