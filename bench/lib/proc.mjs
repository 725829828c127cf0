/**
 * Processes and temporary resources the bench owns: the built server, the floor
 * server, temp directories and databases. Everything started here is registered
 * and torn down by `cleanup()`, which run.mjs calls on success, failure and signals.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const cleanups = [];

/** Registers an async undo step; cleanup() runs them newest first. */
export function onCleanup(step) {
  cleanups.push(step);
  return () => {
    const index = cleanups.indexOf(step);
    if (index >= 0) cleanups.splice(index, 1);
  };
}

export async function cleanup() {
  while (cleanups.length) {
    const step = cleanups.pop();
    try {
      // A step that hangs must not keep the bench (and what later steps stop) alive.
      await Promise.race([
        step(),
        sleep(45_000).then(() => Promise.reject(new Error("timed out after 45 s"))),
      ]);
    } catch (error) {
      process.stderr.write(`bench: cleanup step failed: ${error?.message ?? error}\n`);
    }
  }
}

export function tempDir(label, { keep = false } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `pn-bench-${label}-`));
  onCleanup(async () => {
    await stopOrphanedPostgres(path.join(dir, "pg"));
    if (keep) process.stderr.write(`bench: kept ${dir} (--keep)\n`);
    else rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops a postmaster left behind on pgDir (by a server that was killed, or that exited
 * without stopping its embedded PostgreSQL). Returns whether there was one.
 */
export async function stopOrphanedPostgres(pgDir) {
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return false;
  let cmd = "";
  try {
    cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    cmd = "postgres";
  }
  if (!cmd.includes("postgres")) return false;
  process.kill(pid, "SIGINT"); // fast shutdown
  for (let i = 0; i < 100 && alive(pid); i++) await sleep(100);
  if (alive(pid)) process.kill(pid, "SIGKILL");
  return true;
}

/**
 * Starts a Node process, keeping the tail of its output for error messages.
 * Returns { child, output(), exited (promise of exit code), stop(timeoutMs) }.
 */
export function startNode(script, { env, cwd, args = [], label }) {
  const child = spawn(process.execPath, [...args, script], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const tail = [];
  const keep = (chunk) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 200) tail.shift();
    }
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal)),
  );
  let exitCode;
  exited.then((code) => (exitCode = code));
  const handle = {
    label,
    child,
    exited,
    get running() {
      return exitCode === undefined;
    },
    output: () => tail.join("\n"),
    async stop(timeoutMs = 20_000) {
      if (exitCode !== undefined) return exitCode;
      child.kill("SIGTERM");
      const result = await Promise.race([exited, sleep(timeoutMs).then(() => "timeout")]);
      if (result === "timeout") {
        child.kill("SIGKILL");
        return exited;
      }
      return result;
    },
  };
  const unregister = onCleanup(() => handle.stop(5_000));
  exited.then(() => unregister());
  return handle;
}

/** Polls GET url until 200; resolves with ms since `since`. Fails early if the process exits. */
export async function waitForHealthy(url, { since, handle, timeoutMs = 120_000 }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (handle && !handle.running) {
      throw new Error(`${handle.label} exited before it was healthy:\n${handle.output()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) {
        await response.arrayBuffer();
        return performance.now() - since;
      }
      await response.arrayBuffer();
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  throw new Error(
    `${url} not healthy after ${timeoutMs} ms${handle ? `:\n${handle.output()}` : ""}`,
  );
}
