#!/usr/bin/env node
/**
 * Schema compatibility gate (a `pnpm test` step): compares packages/server/schema.graphql
 * with the last released schema, the committed packages/server/schema.released.graphql,
 * using graphql-js `findBreakingChanges`. It fails on
 * - a breaking change (a removed type/field/enum value, a changed type, a new required
 *   argument…) that the "## Unreleased" section of CHANGELOG.md does not name by its
 *   schema coordinate (e.g. `Partner.domain`);
 * - a deprecation whose reason names no removal date (`Removal: YYYY-MM-DD`), or a new one
 *   (not deprecated in the released schema) whose removal date is less than 90 days away.
 * Cutting a release copies schema.graphql over schema.released.graphql and renames
 * "## Unreleased" to the version (docs/api.md, "Schema versions").
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SCHEMA_PATH = "packages/server/schema.graphql";
const RELEASED_SCHEMA_PATH = "packages/server/schema.released.graphql";
const CHANGELOG_PATH = "CHANGELOG.md";
/** Days between a deprecation and the earliest removal date it may announce. */
export const DEPRECATION_NOTICE_DAYS = 90;
// graphql is a dependency of the server package (pnpm does not hoist it to the root).
const {
  buildSchema,
  findBreakingChanges,
  isObjectType,
  isInterfaceType,
  isInputObjectType,
  isEnumType,
} = createRequire(path.join(ROOT, "packages/server/package.json"))("graphql");

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

/** The text of CHANGELOG.md's "## Unreleased" section (up to the next "## " heading); "" when absent. */
export function unreleasedSection(changelog) {
  const match = /^## Unreleased[^\n]*\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(changelog);
  return match ? match[1] : "";
}

/** The breaking changes that the unreleased changelog text does not name by coordinate. */
export function undeclaredChanges(changes, unreleased) {
  return changes.filter(
    (change) =>
      !new RegExp(
        `(^|[^_0-9A-Za-z.])${change.coordinate.replace(".", "\\.")}($|[^_0-9A-Za-z])`,
        "m",
      ).test(unreleased),
  );
}

/** Every deprecated field, argument, input field and enum value: { coordinate, reason }. */
function deprecations(sdl) {
  const schema = buildSchema(sdl);
  const found = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.deprecationReason != null)
          found.push({ coordinate: `${type.name}.${field.name}`, reason: field.deprecationReason });
        for (const arg of field.args ?? [])
          if (arg.deprecationReason != null)
            found.push({
              coordinate: `${type.name}.${field.name}(${arg.name}:)`,
              reason: arg.deprecationReason,
            });
      }
    }
    if (isEnumType(type))
      for (const value of type.getValues())
        if (value.deprecationReason != null)
          found.push({ coordinate: `${type.name}.${value.name}`, reason: value.deprecationReason });
  }
  return found;
}

const REMOVAL_DATE = /\bRemoval: (\d{4}-\d{2}-\d{2})\b/;

/** Deprecations that break the policy: no removal date, or a new one announced less than 90 days ahead. */
export function deprecationProblems(releasedSdl, newSdl, today = new Date()) {
  const released = new Set(deprecations(releasedSdl).map((entry) => entry.coordinate));
  const earliest = new Date(today.getTime() + DEPRECATION_NOTICE_DAYS * 24 * 60 * 60 * 1000)
    .toISOString()
    .slice(0, 10);
  const problems = [];
  for (const { coordinate, reason } of deprecations(newSdl)) {
    const date = REMOVAL_DATE.exec(reason)?.[1];
    if (!date)
      problems.push(`${coordinate}: the deprecation reason names no "Removal: YYYY-MM-DD"`);
    else if (!released.has(coordinate) && date < earliest)
      problems.push(
        `${coordinate}: removal ${date} is less than ${DEPRECATION_NOTICE_DAYS} days away (earliest ${earliest})`,
      );
  }
  return problems;
}

function main() {
  const read = (file) => readFileSync(path.join(ROOT, file), "utf8");
  const newSdl = read(SCHEMA_PATH);
  const releasedSdl = read(RELEASED_SCHEMA_PATH);
  const unreleased = unreleasedSection(read(CHANGELOG_PATH));
  const list = (items) => items.map((item) => `  - ${item}`).join("\n");
  let failed = false;

  const changes = breakingChangesBetween(releasedSdl, newSdl);
  const undeclared = undeclaredChanges(changes, unreleased);
  if (undeclared.length) {
    failed = true;
    process.stderr.write(
      `schema compatibility: FAILED, ${undeclared.length} undeclared breaking change(s) in ${SCHEMA_PATH} since the released schema (${RELEASED_SCHEMA_PATH}):\n` +
        `${list(undeclared.map((change) => `${change.type}: ${change.description}`))}\n` +
        `Partner systems depend on this schema. Keep the old field (deprecate it with @deprecated(reason: "… Removal: YYYY-MM-DD")) or, if the\n` +
        `break is intended, name each coordinate above under "## Unreleased" in ${CHANGELOG_PATH}.\n`,
    );
  } else if (changes.length) {
    process.stdout.write(
      `schema compatibility: ${changes.length} declared breaking change(s) since the released schema:\n${list(changes.map((change) => change.description))}\n`,
    );
  } else {
    process.stdout.write("schema compatibility: no breaking change since the released schema\n");
  }

  const problems = deprecationProblems(releasedSdl, newSdl);
  if (problems.length) {
    failed = true;
    process.stderr.write(
      `schema compatibility: FAILED, deprecations outside the policy (docs/api.md, "Deprecations"):\n${list(problems)}\n`,
    );
  }
  if (failed) process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
