#!/usr/bin/env node
/**
 * `pnpm test`: every check the project has, in order, stopping at the first failure.
 *
 *   build shared → schema compatibility (vs. schema.released.graphql) → typecheck → lint → web codegen check
 *   → build server + web → server tests → server fault + load tests (built server)
 *   → shared tests → web tests → e2e (built server + headless Chromium)
 *
 * E2E needs Chromium: CHROMIUM_PATH, else `chromium` on the PATH. Without one the e2e
 * step is skipped with a loud warning, except under CI=true, where that is a failure.
 * Prints each step's time at the end.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CI = process.env.CI === "true";

/** pnpm itself when we run under `pnpm test`; otherwise the documented `npx -y pnpm@10`. */
function pnpmCommand() {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(path.basename(execPath))) {
    return /\.(c|m)?js$/.test(execPath) ? [process.execPath, execPath] : [execPath];
  }
  return ["npx", "-y", "pnpm@10"];
}
const PNPM = pnpmCommand();
const pnpm = (...args) => ({ argv: [...PNPM, ...args], label: `pnpm ${args.join(" ")}` });
const node = (...args) => ({ argv: [process.execPath, ...args], label: `node ${args.join(" ")}` });

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** { path } of the browser to use, or { missing: reason }. */
function findChromium() {
  if (process.env.CHROMIUM_PATH) {
    return isExecutable(process.env.CHROMIUM_PATH)
      ? { path: process.env.CHROMIUM_PATH }
      : {
          missing: `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file`,
          explicit: true,
        };
  }
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, "chromium");
    if (isExecutable(candidate)) return { path: candidate };
  }
  return { missing: "no Chromium found (set CHROMIUM_PATH or apt-get install chromium)" };
}

const STEPS = [
  { name: "build shared", commands: [pnpm("--filter", "@pn/shared", "build")] },
  {
    // Fails on a breaking change to packages/server/schema.graphql unless the commit or CHANGELOG.md declares it.
    name: "schema compatibility",
    commands: [
      node("--test", "scripts/check-schema-compat.test.mjs"),
      node("scripts/check-schema-compat.mjs"),
    ],
  },
  {
    name: "typecheck",
    commands: [pnpm("-r", "typecheck"), pnpm("exec", "tsc", "-p", "e2e/tsconfig.json", "--noEmit")],
  },
  { name: "lint", commands: [pnpm("lint")] },
  { name: "web codegen check", commands: [pnpm("--filter", "@pn/web", "codegen:check")] },
  {
    name: "build server + web",
    commands: [pnpm("--filter", "@pn/server", "build"), pnpm("--filter", "@pn/web", "build")],
  },
  { name: "server tests", commands: [pnpm("--filter", "@pn/server", "test")] },
  // The built server as a process: PostgreSQL restart, SMTP outage, SIGKILL mid-import, short load.
  { name: "server fault + load tests", commands: [pnpm("--filter", "@pn/server", "test:faults")] },
  { name: "shared tests", commands: [pnpm("--filter", "@pn/shared", "test")] },
  { name: "web tests", commands: [pnpm("--filter", "@pn/web", "test")] },
  { name: "e2e", commands: [pnpm("test:e2e")], needsBrowser: true },
];

const RULE = "=".repeat(78);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const results = [];
const startedAll = Date.now();

function printSummary() {
  const width = Math.max(...STEPS.map((step) => step.name.length));
  process.stdout.write(`\n${RULE}\nSummary\n`);
  for (const step of STEPS) {
    const result = results.find((r) => r.name === step.name);
    const status = result ? result.status : "not run";
    const time = result?.ms !== undefined ? seconds(result.ms).padStart(8) : "       -";
    process.stdout.write(`  ${step.name.padEnd(width)}  ${time}  ${status}\n`);
  }
  process.stdout.write(
    `  ${"total".padEnd(width)}  ${seconds(Date.now() - startedAll).padStart(8)}\n${RULE}\n`,
  );
}

for (const [index, step] of STEPS.entries()) {
  const env = { ...process.env };
  if (step.needsBrowser) {
    const chromium = findChromium();
    if (chromium.missing) {
      if (CI || chromium.explicit) {
        process.stderr.write(
          `\n!!! E2E FAILED: ${chromium.missing}${CI ? " (required when CI=true)" : ""} !!!\n`,
        );
        results.push({ name: step.name, status: "FAILED (no browser)", ms: 0 });
        printSummary();
        process.exit(1);
      }
      process.stdout.write(`\n!!! E2E SKIPPED: ${chromium.missing} !!!\n`);
      results.push({ name: step.name, status: "SKIPPED (no Chromium)" });
      continue;
    }
    env.CHROMIUM_PATH = chromium.path;
  }

  process.stdout.write(
    `\n${RULE}\n▶ [${index + 1}/${STEPS.length}] ${step.name}: ${step.commands.map((c) => c.label).join(" && ")}\n${RULE}\n`,
  );
  const started = Date.now();
  for (const command of step.commands) {
    const [file, ...args] = command.argv;
    const run = spawnSync(file, args, { cwd: ROOT, stdio: "inherit", env });
    const code = run.status ?? 1;
    if (run.error || code !== 0) {
      const why = run.error
        ? run.error.message
        : run.signal
          ? `killed by ${run.signal}`
          : `exit code ${code}`;
      results.push({ name: step.name, status: `FAILED (${why})`, ms: Date.now() - started });
      process.stderr.write(
        `\n${RULE}\n✖ FAILED at step ${index + 1}/${STEPS.length} "${step.name}": \`${command.label}\` (${why})\n${RULE}\n`,
      );
      printSummary();
      process.exit(code || 1);
    }
  }
  results.push({ name: step.name, status: "ok", ms: Date.now() - started });
  process.stdout.write(`✔ ${step.name} (${seconds(Date.now() - started)})\n`);
}

printSummary();
const skipped = results.filter((r) => r.status.startsWith("SKIPPED"));
if (skipped.length) {
  // Repeated at the very end so it cannot scroll away: a green run without e2e is not a full run.
  process.stdout.write(`!!! E2E SKIPPED: ${findChromium().missing} !!!\nAll other steps passed.\n`);
} else {
  process.stdout.write("All steps passed.\n");
}
