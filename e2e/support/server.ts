/**
 * Starts the BUILT server (`node packages/server/dist/main.js`) for the e2e run:
 * a free port, a fresh temporary DATA_DIR (embedded PostgreSQL), or an external
 * database when E2E_DATABASE_URL is set. Waits for /healthz by polling.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "../..");
const SERVER_MAIN = path.join(REPO_ROOT, "packages/server/dist/main.js");
const WEB_INDEX = path.join(REPO_ROOT, "packages/web/dist/index.html");

/**
 * One browser session clicks through every page far faster than a person, all from
 * 127.0.0.1: the run raises the rate limits so no test meets them (the server tests
 * cover the limits themselves).
 */
const GENEROUS_RATE_LIMITS = {
  RATE_LIMIT_COST_CAPACITY: "1000000",
  RATE_LIMIT_COST_RESTORE_RATE: "1000000",
  RATE_LIMIT_LOGIN_FAILURES_PER_EMAIL: "1000",
  RATE_LIMIT_LOGIN_FAILURES_PER_IP: "1000",
  RATE_LIMIT_INVITATION_SENDS_PER_DAY: "1000000",
  RATE_LIMIT_INVITATION_RESENDS_PER_MINUTE: "1000",
  RATE_LIMIT_INVITATION_RESENDS_PER_DAY: "1000",
  RATE_LIMIT_TOKEN_GUESSES_PER_IP: "1000",
  RATE_LIMIT_PASSWORD_RESETS_PER_EMAIL: "1000",
  RATE_LIMIT_PASSWORD_RESETS_PER_IP: "1000",
  RATE_LIMIT_SIGN_UPS_PER_IP: "1000",
};

/** Variables the server reads: never inherited from the shell running the tests. */
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
  "WEBHOOK_ALLOW_PRIVATE_URLS",
  "WEBHOOK_RETRY_DELAY_SECONDS",
];

export type RunningServer = {
  baseUrl: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM, then resolves with the exit code (null if it died from a signal). */
  stop: (timeoutMs?: number) => Promise<number | null>;
};

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

/** Pids whose command line mentions `needle` (Linux /proc); used to find an embedded PostgreSQL left behind. */
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

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

export async function startServer(): Promise<RunningServer> {
  for (const [file, hint] of [
    [SERVER_MAIN, "pnpm --filter @pn/server build"],
    [WEB_INDEX, "pnpm --filter @pn/web build"],
  ]) {
    if (!existsSync(file))
      throw new Error(
        `e2e: ${path.relative(REPO_ROOT, file)} is missing; run \`pnpm build\` (or ${hint}) first`,
      );
  }

  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "pn-e2e-"));
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SERVER_VARIABLES) delete env[name];
  // Webhook receivers in the tests listen on loopback, which the server refuses by default.
  Object.assign(env, {
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    WEBHOOK_ALLOW_PRIVATE_URLS: "true",
    WEBHOOK_RETRY_DELAY_SECONDS: "1",
    ...GENEROUS_RATE_LIMITS,
  });
  if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL;

  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: REPO_ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const baseUrl = `http://127.0.0.1:${port}`;
  const running: RunningServer = {
    baseUrl,
    dataDir,
    child,
    output: () => output,
    stop: async (timeoutMs = 15_000) => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([
        exited(child),
        new Promise<"timeout">(
          (resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)),
        ),
      ]);
      clearTimeout(timer);
      if (code === "timeout") {
        child.kill("SIGKILL");
        await exited(child);
        for (const pid of pidsMentioning(dataDir)) process.kill(pid, "SIGKILL");
        throw new Error(`e2e: server did not exit within ${timeoutMs} ms of SIGTERM\n${output}`);
      }
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };

  const deadline = Date.now() + 60_000;
  let lastError = "";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(
        `e2e: server exited (code ${child.exitCode}, signal ${child.signalCode}) before it was healthy:\n${output}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.status === 200) return running;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    // Poll interval, not a wait for an assumed start time: we return as soon as /healthz answers 200.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await running.stop().catch(() => undefined);
  throw new Error(`e2e: /healthz did not answer 200 within 60 s (last: ${lastError}):\n${output}`);
}
