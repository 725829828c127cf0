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
  appUrl: string;
  production: boolean;
  logLevel: string;
  seedDemoData: boolean;
  /** Built SPA files to serve at `/`; null when they are not built. */
  webDistDir: string;
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
    appUrl: (parseUrl(env, "APP_URL", ["http:", "https:"]) ?? `http://localhost:${port}`).replace(
      /\/+$/,
      "",
    ),
    production,
    logLevel,
    seedDemoData: seed === "true",
    webDistDir: path.resolve(env.WEB_DIST_DIR?.trim() || path.join(__dirname, "../../web/dist")),
  };
}
