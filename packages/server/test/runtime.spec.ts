/**
 * Process-level tests of the BUILT server (`node dist/main.js`; `pnpm test` builds it
 * before the server tests run). Each test spawns the server with its own environment,
 * a fresh temporary DATA_DIR (embedded PostgreSQL) and a free port, and checks what an
 * operator sees: exit codes, the one-line `partner-network: ...` errors on stderr, the
 * start-up lines on stdout, and that no PostgreSQL is left running afterwards.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";

const SERVER_MAIN = path.resolve(__dirname, "../dist/main.js");
const TEST_TIMEOUT_MS = 60_000;
const DEMO_LINE = "Demo data created.";

/** Variables the server reads: never inherited from the shell that runs jest (e.g. DATABASE_URL in CI). */
const SERVER_VARIABLES = [
  "PORT",
  "DATABASE_URL",
  "DATA_DIR",
  "EMBEDDED_PG_PORT",
  "SMTP_URL",
  "APP_URL",
  "SEED_DEMO_DATA",
  "LOG_LEVEL",
  "WEB_DIST_DIR",
  "NODE_ENV",
];

type Exit = { code: number | null; signal: NodeJS.Signals | null };

type ServerProcess = {
  child: ChildProcess;
  port: number;
  dataDir: string;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<Exit>;
};

const children: ChildProcess[] = [];
const tempPaths: string[] = [];
const dataDirs: string[] = [];
const listeners: net.Server[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempPaths.push(dir);
  return dir;
}

function freshDataDir(): string {
  const dir = path.join(tempDir("pn-runtime-"), "data");
  dataDirs.push(dir);
  return dir;
}

async function freePort(): Promise<number> {
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

/** Pids (other than ours) whose command line mentions `needle`: the embedded postmaster runs `postgres -D <DATA_DIR>/pg`. */
function pidsMentioning(needle: string): number[] {
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

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls `condition` every 100 ms until it holds or the deadline passes; no fixed sleeps. */
async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (await condition()) return;
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

function startServer(
  options: { dataDir?: string; port?: number; env?: Record<string, string> } = {},
): Promise<ServerProcess> {
  return (async () => {
    const port = options.port ?? (await freePort());
    const dataDir = options.dataDir ?? freshDataDir();
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of SERVER_VARIABLES) delete env[name];
    Object.assign(env, { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "info" }, options.env);

    const child = spawn(process.execPath, [SERVER_MAIN], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exit = new Promise<Exit>((resolve) =>
      child.once("exit", (code, signal) => resolve({ code, signal })),
    );
    return { child, port, dataDir, stdout: () => stdout, stderr: () => stderr, exit };
  })();
}

async function exitWithin(server: ServerProcess, timeoutMs: number): Promise<Exit> {
  let timer: NodeJS.Timeout | undefined;
  const result = await Promise.race([
    server.exit,
    new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (result === "timeout") {
    throw new Error(
      `server did not exit within ${timeoutMs} ms\nstdout:\n${server.stdout()}\nstderr:\n${server.stderr()}`,
    );
  }
  return result;
}

async function waitHealthy(server: ServerProcess): Promise<void> {
  let exited = false;
  void server.exit.then(() => (exited = true));
  await waitUntil(
    async () => {
      if (exited) {
        throw new Error(
          `server exited before it was healthy\nstdout:\n${server.stdout()}\nstderr:\n${server.stderr()}`,
        );
      }
      try {
        return (await fetch(`http://127.0.0.1:${server.port}/healthz`)).status === 200;
      } catch {
        return false;
      }
    },
    45_000,
    "/healthz to answer 200",
  );
  const response = await fetch(`http://127.0.0.1:${server.port}/healthz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
}

/** The pino JSON lines the server wrote to stdout. */
function logMessages(stdout: string): string[] {
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => {
      try {
        return String((JSON.parse(line) as { msg?: unknown }).msg ?? "");
      } catch {
        return "";
      }
    });
}

/** stderr of a failed start: exactly one `partner-network: ...` line. */
function singleErrorLine(stderr: string): string {
  const lines = stderr.split("\n").filter((line) => line.trim() !== "");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^partner-network: /);
  return lines[0];
}

async function expectFailedStart(
  env: Record<string, string>,
  options: { dataDir?: string; port?: number } = {},
) {
  const server = await startServer({ ...options, env });
  const exit = await exitWithin(server, 45_000);
  expect(exit).toEqual({ code: 1, signal: null });
  const line = singleErrorLine(server.stderr());
  expect(server.stdout()).not.toContain("Partner Network is running");
  // A failed start must not leave its embedded PostgreSQL behind.
  expect(pidsMentioning(server.dataDir)).toEqual([]);
  return line;
}

async function stopGracefully(server: ServerProcess): Promise<void> {
  server.child.kill("SIGTERM");
  const exit = await exitWithin(server, 10_000);
  expect(exit).toEqual({ code: 0, signal: null });
  expect(pidsMentioning(server.dataDir)).toEqual([]);
}

async function graphqlTypename(port: number): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ __typename }" }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

/**
 * Rows for the demo owner in the embedded database. The credentials and database name are the
 * ones src/db/embedded-postgres.ts gives its cluster (it listens on 127.0.0.1 only).
 */
async function demoOwnerRows(pgPort: number): Promise<number> {
  const client = new Client({
    connectionString: `postgres://postgres:postgres@127.0.0.1:${pgPort}/partner_network`,
  });
  await client.connect();
  try {
    const result = await client.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM users WHERE email = $1",
      ["owner@acme.example"],
    );
    return result.rows[0]?.count ?? 0;
  } finally {
    await client.end();
  }
}

beforeAll(() => {
  if (!existsSync(SERVER_MAIN)) {
    throw new Error(
      `${SERVER_MAIN} is missing: build the server first (pnpm --filter @pn/server build)`,
    );
  }
});

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await gone;
    }
  }
  // A killed server leaves its postmaster running: stop it (immediate shutdown), then force it.
  for (const dir of dataDirs.splice(0)) {
    const pids = pidsMentioning(dir);
    for (const pid of pids) process.kill(pid, "SIGQUIT");
    await waitUntil(
      () => pids.every((pid) => !isRunning(pid)),
      10_000,
      "leftover postgres to stop",
    ).catch(() => {
      for (const pid of pids) if (isRunning(pid)) process.kill(pid, "SIGKILL");
    });
  }
  for (const server of listeners.splice(0)) await new Promise((resolve) => server.close(resolve));
  for (const dir of tempPaths.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the built server process", () => {
  test(
    "an invalid PORT exits 1 with one stderr line naming PORT",
    async () => {
      const line = await expectFailedStart({ PORT: "abc" });
      expect(line).toContain("PORT");
    },
    TEST_TIMEOUT_MS,
  );

  test(
    "an unreachable DATABASE_URL exits 1 with one stderr line naming DATABASE_URL",
    async () => {
      const closedPort = await freePort();
      const line = await expectFailedStart({
        DATABASE_URL: `postgres://postgres@127.0.0.1:${closedPort}/nothing_here`,
      });
      expect(line).toContain("DATABASE_URL");
    },
    TEST_TIMEOUT_MS,
  );

  test(
    "a DATA_DIR that cannot be created (under a regular file) exits 1 with one stderr line naming DATA_DIR",
    async () => {
      const file = path.join(tempDir("pn-runtime-file-"), "not-a-directory");
      writeFileSync(file, "");
      const line = await expectFailedStart({}, { dataDir: path.join(file, "data") });
      expect(line).toContain("DATA_DIR");
    },
    TEST_TIMEOUT_MS,
  );

  test(
    "a PORT already taken exits 1 with one stderr line saying it is already in use",
    async () => {
      const port = await freePort();
      const blocker = net.createServer();
      listeners.push(blocker);
      // Same address family as the server's own listen(port): all interfaces.
      await new Promise<void>((resolve, reject) => {
        blocker.once("error", reject);
        blocker.listen(port, resolve);
      });
      const line = await expectFailedStart({}, { port });
      expect(line).toContain("already in use");
      expect(line).toContain(String(port));
    },
    TEST_TIMEOUT_MS,
  );

  test(
    "first start seeds and migrates; SIGTERM exits 0 and stops PostgreSQL; a second start on the same DATA_DIR keeps the data",
    async () => {
      const first = await startServer();
      await waitHealthy(first);
      await waitUntil(() => first.stdout().includes(DEMO_LINE), 5_000, "the demo login line");
      expect(first.stdout()).toContain(
        `Partner Network is running at http://localhost:${first.port}`,
      );
      expect(first.stdout()).toContain(
        'Demo data created. Log in as owner@acme.example with password "partner-network-demo".',
      );
      expect(logMessages(first.stdout())).toContain("migrations applied");
      expect(pidsMentioning(first.dataDir).length).toBeGreaterThan(0); // the embedded postmaster
      expect(await graphqlTypename(first.port)).toEqual({ data: { __typename: "Query" } });
      await stopGracefully(first);

      // A known port for the embedded PostgreSQL, so the test can look at the rows themselves.
      const pgPort = await freePort();
      const second = await startServer({
        dataDir: first.dataDir,
        env: { EMBEDDED_PG_PORT: String(pgPort) },
      });
      await waitHealthy(second);
      await waitUntil(
        () => second.stdout().includes("Partner Network is running"),
        5_000,
        "the running line",
      );
      expect(second.stdout()).not.toContain(DEMO_LINE);
      // Same cluster, same schema: nothing left to migrate, and the seed saw its data already there.
      expect(logMessages(second.stdout())).not.toContain("migrations applied");
      expect(logMessages(second.stdout())).not.toContain("initialising embedded PostgreSQL");
      expect(await graphqlTypename(second.port)).toEqual({ data: { __typename: "Query" } });
      expect(await demoOwnerRows(pgPort)).toBe(1);
      await stopGracefully(second);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    "after a SIGKILL the orphaned embedded PostgreSQL is detected and stopped, and the next start succeeds",
    async () => {
      const first = await startServer();
      await waitHealthy(first);
      const orphans = pidsMentioning(first.dataDir);
      expect(orphans.length).toBeGreaterThan(0);

      first.child.kill("SIGKILL");
      expect(await exitWithin(first, 10_000)).toEqual({ code: null, signal: "SIGKILL" });
      // The postmaster outlives the killed server: that is the situation under test.
      expect(orphans.some(isRunning)).toBe(true);

      const second = await startServer({ dataDir: first.dataDir });
      await waitHealthy(second);
      expect(logMessages(second.stdout())).toContain(
        "embedded PostgreSQL from an earlier run is still running; stopping it",
      );
      expect(orphans.filter(isRunning)).toEqual([]);
      expect(second.stdout()).not.toContain(DEMO_LINE);
      expect(await graphqlTypename(second.port)).toEqual({ data: { __typename: "Query" } });
      await stopGracefully(second);
    },
    TEST_TIMEOUT_MS,
  );
});
