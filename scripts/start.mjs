#!/usr/bin/env node
/**
 * `pnpm start`: builds @pn/shared, @pn/server and @pn/web when their output is
 * missing or older than their sources (a cheap mtime check, so a warm start costs
 * milliseconds, not the ~13 s of three builds), then runs `node packages/server/dist/main.js`
 * with inherited stdio, forwards SIGTERM/SIGINT to it, and exits with its exit code.
 * `WEB_CONCURRENCY=N pnpm start` runs N server processes: main.js becomes a node:cluster
 * primary (see packages/server/src/main.ts).
 */
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const at = (...parts) => path.join(ROOT, ...parts);

/** Each package: what it is built from, and one file every build rewrites. */
const PACKAGES = [
  {
    name: "@pn/shared",
    output: at("packages/shared/dist/index.js"),
    inputs: [
      "packages/shared/src",
      "packages/shared/package.json",
      "packages/shared/tsconfig.json",
      "packages/shared/tsconfig.build.json",
    ],
  },
  {
    name: "@pn/server",
    output: at("packages/server/dist/main.js"),
    inputs: [
      "packages/server/src",
      "packages/server/package.json",
      "packages/server/tsconfig.json",
      "packages/server/tsconfig.build.json",
    ],
  },
  {
    name: "@pn/web",
    output: at("packages/web/dist/index.html"),
    // The SPA bundles @pn/shared from its sources (vite alias), so those count too.
    inputs: [
      "packages/web/src",
      "packages/web/public",
      "packages/web/index.html",
      "packages/web/vite.config.ts",
      "packages/web/package.json",
      "packages/web/tsconfig.json",
      "packages/shared/src",
    ],
  },
];

/** pnpm itself when we run under `pnpm start`; otherwise the documented `npx -y pnpm@10`. */
function pnpmCommand() {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(path.basename(execPath))) {
    return /\.(c|m)?js$/.test(execPath) ? [process.execPath, execPath] : [execPath];
  }
  return ["npx", "-y", "pnpm@10"];
}

/** Newest mtime under `target` (files and directories, so deletions count too); 0 if absent. */
function newestMtime(target) {
  let stat;
  try {
    stat = statSync(target);
  } catch {
    return 0;
  }
  let newest = stat.mtimeMs;
  if (stat.isDirectory()) {
    for (const entry of readdirSync(target)) {
      if (entry === "node_modules" || entry === "dist") continue;
      newest = Math.max(newest, newestMtime(path.join(target, entry)));
    }
  }
  return newest;
}

function staleReason(pkg) {
  let builtAt;
  try {
    builtAt = statSync(pkg.output).mtimeMs;
  } catch {
    return "not built yet";
  }
  const changedAt = Math.max(...pkg.inputs.map((input) => newestMtime(at(input))));
  return changedAt > builtAt ? "sources changed since the last build" : null;
}

function buildIfNeeded() {
  const [command, ...prefix] = pnpmCommand();
  for (const pkg of PACKAGES) {
    const reason = staleReason(pkg);
    if (!reason) continue;
    process.stdout.write(`start: building ${pkg.name} (${reason})\n`);
    const started = Date.now();
    const result = spawnSync(command, [...prefix, "--filter", pkg.name, "build"], {
      cwd: ROOT,
      stdio: "inherit",
    });
    if (result.status !== 0) {
      process.stderr.write(
        `partner-network: building ${pkg.name} failed; fix the errors above and run \`pnpm start\` again\n`,
      );
      process.exit(result.status ?? 1);
    }
    process.stdout.write(
      `start: built ${pkg.name} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  }
}

function run() {
  const child = spawn(process.execPath, [at("packages/server/dist/main.js")], {
    cwd: ROOT,
    stdio: "inherit",
  });
  const forward = (signal) => () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on("SIGTERM", forward("SIGTERM"));
  process.on("SIGINT", forward("SIGINT"));
  child.on("error", (error) => {
    process.stderr.write(`partner-network: could not start the server: ${error.message}\n`);
    process.exit(1);
  });
  child.on("exit", (code, signal) => {
    // Killed by a signal: report it the way a shell would (128 + signal number).
    const signals = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
    process.exit(code ?? 128 + (signals[signal] ?? 0));
  });
}

buildIfNeeded();
run();
