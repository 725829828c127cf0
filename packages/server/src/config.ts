/**
 * Every environment variable the server reads, parsed and validated once at start.
 * A bad value throws a ConfigError naming the variable, and main() exits with it.
 */
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
  /** Server processes (node:cluster workers) sharing PORT; 1 runs the server in this process. */
  webConcurrency: number;
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
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new ConfigError(variable, `must be a whole number of at least 1, got "${raw}"`);
  return Number(raw);
}

function parseSecret(env: Env, production: boolean): string | null {
  const raw = env.APP_SECRET?.trim();
  if (raw && raw.length < 32) throw new ConfigError("APP_SECRET", "must be at least 32 characters");
  if (!raw && production) throw new ConfigError("APP_SECRET", "is required when NODE_ENV=production");
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
    throw new ConfigError(variable, `must start with ${protocols.map((p) => `${p}//`).join(" or ")}`);
  }
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
  const seed = env.SEED_DEMO_DATA?.trim() || "true";
  if (seed !== "true" && seed !== "false") {
    throw new ConfigError("SEED_DEMO_DATA", 'must be "true" or "false"');
  }
  return {
    port,
    databaseUrl: parseUrl(env, "DATABASE_URL", ["postgres:", "postgresql:"]),
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
    seedDemoData: seed === "true",
    webDistDir: path.resolve(env.WEB_DIST_DIR?.trim() || path.join(__dirname, "../../web/dist")),
    webConcurrency: parsePositiveInt(env, "WEB_CONCURRENCY", 1),
  };
}
