/**
 * Every environment variable the server reads, parsed and validated once at start.
 * A bad value throws a ConfigError naming the variable, and main() exits with it.
 */
import { isIP } from "node:net";
import path from "node:path";

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = "ConfigError";
  }
}

export type Config = {
  port: number;
  /** Unset means: start an embedded PostgreSQL under dataDir. */
  databaseUrl: string | null;
  /**
   * Where each process holds its one LISTEN connection (the credential cache's revocations,
   * SECURITY.md "Credential cache"); null: the main URL. Behind a transaction-pooling
   * PgBouncer it must name PostgreSQL directly: LISTEN does not survive transaction pooling.
   */
  databaseListenUrl: string | null;
  /** How long a looked-up session or API token is trusted from this process's memory; 0: never. */
  credentialCacheSeconds: number;
  dataDir: string;
  embeddedPgPort: number | null;
  smtpUrl: string | null;
  mailFrom: string;
  /** Key material for secrets kept encrypted in the database; null: main() keeps one under DATA_DIR (not in production). */
  appSecret: string | null;
  /** First retry delay of email delivery; later ones back off exponentially. */
  mailRetryDelaySeconds: number;
  appUrl: string;
  production: boolean;
  logLevel: string;
  seedDemoData: boolean;
  /** Built SPA files to serve at `/`; null when they are not built. */
  webDistDir: string;
  /** Origins (scheme://host[:port]) whose browser pages may call the API cross-origin; empty: none. */
  corsOrigins: string[];
  /** Lets webhook endpoints point at loopback/private addresses (tests, private networks). */
  webhookAllowPrivateUrls: boolean;
  /** First retry delay of a failed webhook delivery; later ones back off exponentially. */
  webhookRetryDelaySeconds: number;
  /** Webhook deliveries in flight at once in this process. */
  webhookConcurrency: number;
  /**
   * The connection budget of one process (README, "Connection budget"): requests' pool (app role)
   * `databasePoolMax`, the system pool (owner role: sign-in lookups, rate limits, background
   * jobs) half that, and the job runner's `jobRunnerPoolMax`.
   */
  databasePoolMax: number;
  jobRunnerPoolMax: number;
  rateLimits: RateLimitSettings;
  /** Server processes (node:cluster workers) sharing PORT; 1 runs the server in this process. */
  webConcurrency: number;
  /** Express's `trust proxy`: how many proxy hops, or which proxy addresses, may set X-Forwarded-For; false: none. */
  trustProxy: TrustProxy;
  /** Bearer token GET /metrics asks for in production; null there: /metrics answers 404. */
  metricsToken: string | null;
  /** Whether start applies pending migrations first (`pnpm migrate` is the separate step). */
  migrateOnStart: boolean;
};

/** A hop count, or a list of proxy addresses/subnets (CIDR) and Express's names (loopback, uniquelocal…). */
export type TrustProxy = false | number | string[];

/** Limits kept in PostgreSQL (shared by every server process); see modules/rate-limits. */
export type RateLimitSettings = {
  /** Query-cost budget per session and per API token: a leaky bucket of this many points... */
  costCapacity: number;
  /** ...refilled at this many points per second. */
  costRestorePerSecond: number;
  /** Failed log-ins allowed per email, and per client IP, within loginWindowSeconds. */
  loginFailuresPerEmail: number;
  loginFailuresPerIp: number;
  loginWindowSeconds: number;
  /** Invitation emails one account may queue per 24 hours (users, resends, clients, partners). */
  invitationSendsPerDay: number;
  /** Resends of one invitation to the same address per minute and per 24 hours. */
  invitationResendsPerMinute: number;
  invitationResendsPerDay: number;
  /** Unknown invitation tokens one IP may try (preview or accept) within tokenGuessWindowSeconds. */
  tokenGuessesPerIp: number;
  tokenGuessWindowSeconds: number;
  /** Password-reset emails asked for per email address, and per client IP, within passwordResetWindowSeconds. */
  passwordResetsPerEmail: number;
  passwordResetsPerIp: number;
  passwordResetWindowSeconds: number;
  /** Sign-ups one client IP may send within signUpWindowSeconds (each one, answered alike, costs an email). */
  signUpsPerIp: number;
  signUpWindowSeconds: number;
};

type Env = Record<string, string | undefined>;

function parsePort(env: Env, variable: string, fallback: number | null): number | null {
  const raw = env[variable]?.trim();
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) {
    throw new ConfigError(variable, `must be a whole number from 1 to 65535, got "${raw}"`);
  }
  return Number(raw);
}

function parsePositiveInt(env: Env, variable: string, fallback: number): number {
  const raw = env[variable]?.trim();
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw new ConfigError(variable, `must be a whole number of at least 1, got "${raw}"`);
  return Number(raw);
}

function parseNonNegativeInt(env: Env, variable: string, fallback: number): number {
  const raw = env[variable]?.trim();
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw))
    throw new ConfigError(variable, `must be a whole number of at least 0, got "${raw}"`);
  return Number(raw);
}

function parseBoolean(env: Env, variable: string, fallback: boolean): boolean {
  const raw = env[variable]?.trim();
  if (raw === undefined || raw === "") return fallback;
  if (raw !== "true" && raw !== "false")
    throw new ConfigError(variable, `must be "true" or "false", got "${raw}"`);
  return raw === "true";
}

function parsePositiveNumber(env: Env, variable: string, fallback: number): number {
  const raw = env[variable]?.trim();
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+(\.\d+)?$/.test(raw) || Number(raw) <= 0)
    throw new ConfigError(variable, `must be a number above 0, got "${raw}"`);
  return Number(raw);
}

function parseRateLimits(env: Env): RateLimitSettings {
  return {
    // Shopify's 1,000 points at 50 a second, times 5: our fields cost 1 each, scalars too, where
    // Shopify prices objects only. The capacity is also the per-query limit's ceiling
    // (graphql/limits.ts), and the SPA's costliest query (2,404 at page size 100) must fit.
    costCapacity: parsePositiveInt(env, "RATE_LIMIT_COST_CAPACITY", 5000),
    costRestorePerSecond: parsePositiveNumber(env, "RATE_LIMIT_COST_RESTORE_RATE", 250),
    loginFailuresPerEmail: parsePositiveInt(env, "RATE_LIMIT_LOGIN_FAILURES_PER_EMAIL", 10),
    loginFailuresPerIp: parsePositiveInt(env, "RATE_LIMIT_LOGIN_FAILURES_PER_IP", 50),
    loginWindowSeconds: parsePositiveInt(env, "RATE_LIMIT_LOGIN_WINDOW_SECONDS", 900),
    invitationSendsPerDay: parsePositiveInt(env, "RATE_LIMIT_INVITATION_SENDS_PER_DAY", 10_000),
    invitationResendsPerMinute: parsePositiveInt(
      env,
      "RATE_LIMIT_INVITATION_RESENDS_PER_MINUTE",
      1,
    ),
    invitationResendsPerDay: parsePositiveInt(env, "RATE_LIMIT_INVITATION_RESENDS_PER_DAY", 5),
    tokenGuessesPerIp: parsePositiveInt(env, "RATE_LIMIT_TOKEN_GUESSES_PER_IP", 30),
    tokenGuessWindowSeconds: parsePositiveInt(env, "RATE_LIMIT_TOKEN_GUESS_WINDOW_SECONDS", 900),
    // Each request sends an email: a few per address keep a mailbox from being flooded, and the
    // per-IP count keeps one caller from flooding many.
    passwordResetsPerEmail: parsePositiveInt(env, "RATE_LIMIT_PASSWORD_RESETS_PER_EMAIL", 3),
    passwordResetsPerIp: parsePositiveInt(env, "RATE_LIMIT_PASSWORD_RESETS_PER_IP", 20),
    passwordResetWindowSeconds: parsePositiveInt(env, "RATE_LIMIT_RESET_WINDOW_SECONDS", 3600),
    signUpsPerIp: parsePositiveInt(env, "RATE_LIMIT_SIGN_UPS_PER_IP", 10),
    signUpWindowSeconds: parsePositiveInt(env, "RATE_LIMIT_SIGN_UP_WINDOW_SECONDS", 3600),
  };
}

function parseSecret(env: Env, production: boolean): string | null {
  const raw = env.APP_SECRET?.trim();
  if (raw && raw.length < 32) throw new ConfigError("APP_SECRET", "must be at least 32 characters");
  if (!raw && production)
    throw new ConfigError("APP_SECRET", "is required when NODE_ENV=production");
  return raw || null;
}

function parseUrl(env: Env, variable: string, protocols: string[]): string | null {
  const raw = env[variable]?.trim();
  if (raw === undefined || raw === "") return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(variable, "is not a valid URL");
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(
      variable,
      `must start with ${protocols.map((p) => `${p}//`).join(" or ")}`,
    );
  }
  return raw;
}

/** CORS_ORIGINS: a comma-separated list of exact origins such as `https://partners.example.com`. */
function parseOrigins(env: Env, variable: string): string[] {
  const raw = env[variable]?.trim();
  if (!raw) return [];
  return raw.split(",").map((entry) => {
    const candidate = entry.trim();
    let url: URL | null = null;
    try {
      url = new URL(candidate);
    } catch {
      // reported below
    }
    // An origin only: no wildcard, path, query or credentials, so the allow-list means exactly what it says.
    if (
      !url ||
      !["http:", "https:"].includes(url.protocol) ||
      url.origin !== candidate.replace(/\/$/, "")
    ) {
      throw new ConfigError(
        variable,
        `"${candidate}" is not an origin like https://app.example.com (comma-separated, no paths or wildcards)`,
      );
    }
    return url.origin;
  });
}

const PROXY_NAMES = ["loopback", "linklocal", "uniquelocal"];

/** TRUST_PROXY: unset (trust no proxy), a hop count such as `1`, or `10.0.0.0/8, 192.168.1.7`. */
function parseTrustProxy(env: Env): TrustProxy {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw || raw === "false") return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw.split(",").map((entry) => {
    const candidate = entry.trim();
    const [address, prefix, ...rest] = candidate.split("/");
    const family = isIP(address ?? "");
    const prefixOk =
      prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (PROXY_NAMES.includes(candidate)) return candidate;
    if (!family || !prefixOk || rest.length) {
      throw new ConfigError(
        "TRUST_PROXY",
        `"${candidate}" is neither a hop count nor an address or CIDR subnet (comma-separated)`,
      );
    }
    return candidate;
  });
}

/** METRICS_TOKEN: a long random string; short ones are guessable. */
function parseMetricsToken(env: Env): string | null {
  const raw = env.METRICS_TOKEN?.trim();
  if (!raw) return null;
  if (raw.length < 16) throw new ConfigError("METRICS_TOKEN", "must be at least 16 characters");
  return raw;
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

export function loadConfig(env: Env = process.env): Config {
  const port = parsePort(env, "PORT", 4000) as number;
  const production = env.NODE_ENV === "production";
  const logLevel = env.LOG_LEVEL?.trim() || "info";
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError("LOG_LEVEL", `must be one of ${LOG_LEVELS.join(", ")}`);
  }
  return {
    port,
    databaseUrl: parseUrl(env, "DATABASE_URL", ["postgres:", "postgresql:"]),
    databaseListenUrl: parseUrl(env, "DATABASE_LISTEN_URL", ["postgres:", "postgresql:"]),
    credentialCacheSeconds: parseNonNegativeInt(env, "CREDENTIAL_CACHE_SECONDS", 30),
    dataDir: path.resolve(env.DATA_DIR?.trim() || "./.data"),
    embeddedPgPort: parsePort(env, "EMBEDDED_PG_PORT", null),
    smtpUrl: parseUrl(env, "SMTP_URL", ["smtp:", "smtps:"]),
    mailFrom: env.MAIL_FROM?.trim() || "Partner Network <no-reply@partner-network.invalid>",
    appSecret: parseSecret(env, production),
    mailRetryDelaySeconds: parsePositiveInt(env, "MAIL_RETRY_DELAY_SECONDS", 30),
    appUrl: (parseUrl(env, "APP_URL", ["http:", "https:"]) ?? `http://localhost:${port}`).replace(
      /\/+$/,
      "",
    ),
    production,
    logLevel,
    // The demo owner's known password must never reach a production database by default.
    seedDemoData: parseBoolean(env, "SEED_DEMO_DATA", !production),
    webDistDir: path.resolve(env.WEB_DIST_DIR?.trim() || path.join(__dirname, "../../web/dist")),
    corsOrigins: parseOrigins(env, "CORS_ORIGINS"),
    webhookAllowPrivateUrls: parseBoolean(env, "WEBHOOK_ALLOW_PRIVATE_URLS", false),
    webhookRetryDelaySeconds: parsePositiveInt(env, "WEBHOOK_RETRY_DELAY_SECONDS", 60),
    rateLimits: parseRateLimits(env),
    webConcurrency: parsePositiveInt(env, "WEB_CONCURRENCY", 1),
    webhookConcurrency: parsePositiveInt(env, "WEBHOOK_CONCURRENCY", 8),
    databasePoolMax: parsePositiveInt(env, "DATABASE_POOL_MAX", 10),
    jobRunnerPoolMax: parsePositiveInt(env, "JOB_RUNNER_POOL_MAX", 4),
    trustProxy: parseTrustProxy(env),
    metricsToken: parseMetricsToken(env),
    migrateOnStart: parseBoolean(env, "MIGRATE_ON_START", true),
  };
}
