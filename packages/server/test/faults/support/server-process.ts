/**
 * The BUILT server (`node dist/main.js`) as its own process for the fault and load tests:
 * a fresh DATA_DIR (embedded PostgreSQL on a known port, so the test can read the rows
 * and restart the cluster), a free HTTP port, and a direct `pg` connection to its database.
 * Everything started here is stopped by `cleanUpServers()` (afterEach).
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Client } from "pg";

const SERVER_MAIN = path.resolve(__dirname, "../../../dist/main.js");

/** Variables the server reads: never inherited from the shell that runs jest (e.g. DATABASE_URL in CI). */
const SERVER_VARIABLES = [
  "PORT",
  "DATABASE_URL",
  "DATA_DIR",
  "EMBEDDED_PG_PORT",
  "SMTP_URL",
  "APP_URL",
  "APP_SECRET",
  "SEED_DEMO_DATA",
  "LOG_LEVEL",
  "WEB_DIST_DIR",
  "NODE_ENV",
  "MAIL_RETRY_DELAY_SECONDS",
  "MAIL_FROM",
  "TRUST_PROXY",
  "METRICS_TOKEN",
  "MIGRATE_ON_START",
];

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type ServerProcess = {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  dataDir: string;
  pgPort: number;
  /** The app database of the embedded cluster, as the server itself reaches it. */
  databaseUrl: string;
  output: () => string;
  exit: Promise<Exit>;
};

const children: ChildProcess[] = [];
const dataDirs: string[] = [];
const tempPaths: string[] = [];

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === "object"
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

export function freshDataDir(): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "pn-fault-")), "data");
  tempPaths.push(path.dirname(dir));
  return dir;
}

/** Polls `condition` every 50 ms until it returns a value other than undefined/false; no fixed sleeps. */
export async function waitFor<T>(
  what: string,
  condition: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Starts the built server. Reusing `dataDir` and `pgPort` restarts on the same cluster.
 * LOG_LEVEL=warn keeps the output small; it is printed when a wait fails.
 */
export async function startServer(
  options: { dataDir?: string; pgPort?: number; env?: Record<string, string> } = {},
): Promise<ServerProcess> {
  if (!existsSync(SERVER_MAIN))
    throw new Error(
      `${SERVER_MAIN} is missing: build the server first (pnpm --filter @pn/server build)`,
    );
  const port = await freePort();
  const pgPort = options.pgPort ?? (await freePort());
  const dataDir = options.dataDir ?? freshDataDir();
  if (!dataDirs.includes(dataDir)) dataDirs.push(dataDir);
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SERVER_VARIABLES) delete env[name];
  Object.assign(
    env,
    {
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      LOG_LEVEL: "warn",
      SEED_DEMO_DATA: "false",
    },
    options.env,
  );
  const child = spawn(process.execPath, [SERVER_MAIN], { env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    // Only the tail matters for a failure message; a long run must not grow without bound.
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exit = new Promise<Exit>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    dataDir,
    pgPort,
    databaseUrl: `postgres://postgres:postgres@127.0.0.1:${pgPort}/partner_network`,
    output: () => output,
    exit,
  };
}

export async function healthStatus(server: ServerProcess): Promise<number | null> {
  try {
    const response = await fetch(`${server.baseUrl}/healthz`, {
      signal: AbortSignal.timeout(5_000),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
}

/** Waits for /healthz 200; fails at once (with the server's output) when the process exits first. */
export async function waitHealthy(server: ServerProcess, timeoutMs = 60_000): Promise<void> {
  let exited: Exit | null = null;
  void server.exit.then((exit) => (exited = exit));
  await waitFor(
    "/healthz to answer 200",
    async () => {
      if (exited)
        throw new Error(
          `server exited (${JSON.stringify(exited)}) before it was healthy:\n${server.output().slice(-5_000)}`,
        );
      return (await healthStatus(server)) === 200;
    },
    timeoutMs,
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${server.output().slice(-5_000)}`);
  });
}

export async function exitWithin(server: ServerProcess, timeoutMs: number): Promise<Exit> {
  let timer: NodeJS.Timeout | undefined;
  const result = await Promise.race([
    server.exit,
    new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (result === "timeout")
    throw new Error(
      `server did not exit within ${timeoutMs} ms:\n${server.output().slice(-5_000)}`,
    );
  return result;
}

/** SIGTERM: the server drains, stops its PostgreSQL and exits 0. */
export async function stopGracefully(server: ServerProcess): Promise<Exit> {
  server.child.kill("SIGTERM");
  return exitWithin(server, 15_000);
}

/** A direct connection to the server's database (as the test's observer, not through the app). */
export async function connectDatabase(server: ServerProcess): Promise<Client> {
  const client = new Client({
    connectionString: server.databaseUrl,
    application_name: "fault-test-observer",
  });
  await client.connect();
  return client;
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Pids (other than ours) whose command line mentions `needle`: the embedded postmaster runs `postgres -D <DATA_DIR>/pg`. */
export function pidsMentioning(needle: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(needle)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** The postmaster's pid from postmaster.pid, or null when the cluster is not running. */
export function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(
      readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0],
    );
    return Number.isInteger(pid) && pid > 0 && isRunning(pid) ? pid : null;
  } catch {
    return null;
  }
}

const run = promisify(execFile);

/**
 * pg_ctl from the same PostgreSQL build the server runs (next to the running `postgres`
 * binary), as the owner of the data directory: PostgreSQL refuses to run as root, and the
 * server runs it as the `postgres` user when it is root itself.
 */
export function pgCtlFor(dataDir: string): (args: string[]) => Promise<void> {
  const pid = postmasterPid(dataDir);
  if (pid === null) throw new Error(`no PostgreSQL running on ${dataDir}`);
  const postgresBinary = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0]!;
  const pgCtl = path.join(path.dirname(postgresBinary), "pg_ctl");
  const owner = statSync(path.join(dataDir, "pg"));
  const asOwner = process.getuid?.() === 0 ? { uid: owner.uid, gid: owner.gid } : {};
  return async (args) => {
    await run(pgCtl, args, { ...asOwner, timeout: 30_000 });
  };
}

/** Kills what a test left running: server processes, then PostgreSQL clusters (a killed server leaves its postmaster), then temp dirs. */
export async function cleanUpServers(): Promise<void> {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await gone;
    }
  }
  for (const dir of dataDirs.splice(0)) {
    const pids = pidsMentioning(path.join(dir, "pg"));
    for (const pid of pids) process.kill(pid, "SIGQUIT");
    await waitFor(
      "leftover PostgreSQL to stop",
      () => pids.every((pid) => !isRunning(pid)),
      10_000,
    ).catch(() => {
      for (const pid of pids) if (isRunning(pid)) process.kill(pid, "SIGKILL");
    });
  }
  for (const dir of tempPaths.splice(0)) rmSync(dir, { recursive: true, force: true });
}
