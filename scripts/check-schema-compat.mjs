#!/usr/bin/env node
/**
 * Schema compatibility gate (a `pnpm test` step): compares packages/server/schema.graphql
 * with the one on the previous commit (HEAD~1) using graphql-js `findBreakingChanges`
 * and fails on a breaking change (a removed type/field/enum value, a changed type, a new
 * required argument…) unless it is declared: the commit message contains
 * `BREAKING CHANGE:`, or lines added to CHANGELOG.md since HEAD~1 name every broken
 * schema coordinate (e.g. `Partner.domain`).
 *
 * Skips with a message, exit 0, when there is no previous commit (first commit, or a
 * shallow clone that lacks it) or the previous commit has no schema.graphql.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SCHEMA_PATH = "packages/server/schema.graphql";
// graphql is a dependency of the server package (pnpm does not hoist it to the root).
const { buildSchema, findBreakingChanges } = createRequire(
  path.join(ROOT, "packages/server/package.json"),
)("graphql");

export const BREAKING_CHANGE_MARKER = "BREAKING CHANGE:";

/** Each breaking change between two SDL documents: { type, description, coordinate }. */
export function breakingChangesBetween(oldSdl, newSdl) {
  return findBreakingChanges(buildSchema(oldSdl), buildSchema(newSdl)).map((change) => ({
    type: change.type,
    description: change.description,
    coordinate: coordinateOf(change.description),
  }));
}

/**
 * The schema coordinate a graphql-js description is about: "Partner.domain was removed." → Partner.domain;
 * "VIEWER was removed from enum type Role." → Role.VIEWER; "A required arg account on Query.partner was added." →
 * Query.partner; "Partner was removed." → Partner.
 */
function coordinateOf(description) {
  const enumValue = /^([_A-Za-z]\w*) was removed from enum type ([_A-Za-z]\w*)/.exec(description);
  if (enumValue) return `${enumValue[2]}.${enumValue[1]}`;
  const member = /\b[_A-Za-z]\w*\.[_A-Za-z]\w*\b/.exec(description);
  if (member) return member[0];
  return /^[_A-Za-z]\w*/.exec(description)?.[0] ?? description;
}

/** The breaking changes that neither the commit message nor the added changelog lines declare. */
export function undeclaredChanges(changes, { commitMessage = "", changelogAdded = "" } = {}) {
  if (commitMessage.includes(BREAKING_CHANGE_MARKER)) return [];
  return changes.filter(
    (change) =>
      !new RegExp(
        `(^|[^_0-9A-Za-z.])${change.coordinate.replace(".", "\\.")}($|[^_0-9A-Za-z])`,
        "m",
      ).test(changelogAdded),
  );
}

function git(...args) {
  return execFileSync("git", args, {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function tryGit(...args) {
  try {
    return git(...args);
  } catch {
    return null;
  }
}

function main() {
  const skip = (reason) => {
    process.stdout.write(`schema compatibility: SKIPPED (${reason})\n`);
    process.exit(0);
  };
  if (tryGit("rev-parse", "--is-inside-work-tree") === null) skip("not a git checkout");
  if (tryGit("rev-parse", "--verify", "--quiet", "HEAD~1^{commit}") === null) {
    const shallow = tryGit("rev-parse", "--is-shallow-repository")?.trim() === "true";
    skip(
      shallow
        ? "shallow clone without the previous commit; fetch with --depth=2 or more to check"
        : "no previous commit",
    );
  }
  const oldSdl = tryGit("show", `HEAD~1:${SCHEMA_PATH}`);
  if (oldSdl === null) skip(`${SCHEMA_PATH} does not exist on the previous commit`);
  const newSdl = readFileSync(path.join(ROOT, SCHEMA_PATH), "utf8");

  const changes = breakingChangesBetween(oldSdl, newSdl);
  if (!changes.length) {
    process.stdout.write("schema compatibility: no breaking change since the previous commit\n");
    return;
  }
  const commitMessage = tryGit("log", "-1", "--format=%B") ?? "";
  const changelogAdded = (tryGit("diff", "HEAD~1", "--", "CHANGELOG.md") ?? "")
    .split("\n")
    .filter((line) => line.startsWith("+") && !line.startsWith("+++"))
    .map((line) => line.slice(1))
    .join("\n");
  const undeclared = undeclaredChanges(changes, { commitMessage, changelogAdded });
  const list = (items) =>
    items.map((change) => `  - ${change.type}: ${change.description}`).join("\n");
  if (!undeclared.length) {
    process.stdout.write(
      `schema compatibility: ${changes.length} declared breaking change(s):\n${list(changes)}\n`,
    );
    return;
  }
  process.stderr.write(
    `schema compatibility: FAILED, ${undeclared.length} undeclared breaking change(s) in ${SCHEMA_PATH} since the previous commit:\n` +
      `${list(undeclared)}\n` +
      `Partner systems depend on this schema. Keep the old field (deprecate it with @deprecated(reason: …)) or, if the break is\n` +
      `intended, say so: put "${BREAKING_CHANGE_MARKER} …" in the commit message, or add a CHANGELOG.md entry naming each coordinate above.\n`,
  );
  process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
