/** `node --test scripts/check-schema-compat.test.mjs`: the schema compatibility rules on SDL strings. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  breakingChangesBetween,
  deprecationProblems,
  undeclaredChanges,
  unreleasedSection,
} from "./check-schema-compat.mjs";

const BEFORE = `
type Query { partner(id: ID!): Partner }
type Partner { id: ID! companyName: String! domain: String }
enum Role { OWNER VIEWER }
`;

describe("breakingChangesBetween", () => {
  it("finds nothing when the schema only grows", () => {
    const after = `${BEFORE.replace("domain: String", "domain: String logoUrl: String")}\ntype Extra { id: ID! }`;
    assert.deepEqual(breakingChangesBetween(BEFORE, after), []);
  });

  it("finds nothing when only descriptions and deprecations change", () => {
    const after = BEFORE.replace(
      "domain: String",
      '"The web domain." domain: String @deprecated(reason: "Use publicUrl.")',
    );
    assert.deepEqual(breakingChangesBetween(BEFORE, after), []);
  });

  it("names each removed field, removed enum value and changed type by its coordinate", () => {
    const after = `
type Query { partner(id: ID!): Partner }
type Partner { id: ID! companyName: Int! }
enum Role { OWNER }
`;
    const changes = breakingChangesBetween(BEFORE, after);
    assert.deepEqual(changes.map((change) => change.coordinate).sort(), [
      "Partner.companyName",
      "Partner.domain",
      "Role.VIEWER",
    ]);
    assert.ok(
      changes.find((change) => change.coordinate === "Partner.domain")?.type === "FIELD_REMOVED",
    );
  });

  it("counts a new required argument as breaking", () => {
    const after = BEFORE.replace("partner(id: ID!)", "partner(id: ID!, account: ID!)");
    assert.deepEqual(
      breakingChangesBetween(BEFORE, after).map((change) => change.type),
      ["REQUIRED_ARG_ADDED"],
    );
  });
});

describe("undeclaredChanges", () => {
  const changes = breakingChangesBetween(
    BEFORE,
    BEFORE.replace(" domain: String", "").replace(" VIEWER", ""),
  );

  it("fails every change when nothing declares it", () => {
    assert.equal(undeclaredChanges(changes, "").length, 2);
  });

  it("accepts only the changes that the unreleased changelog names", () => {
    const left = undeclaredChanges(changes, "- Removed `Partner.domain` (use publicUrl).");
    assert.deepEqual(
      left.map((change) => change.coordinate),
      ["Role.VIEWER"],
    );
    // A longer name that merely starts with the coordinate does not count.
    assert.equal(undeclaredChanges(changes, "Partner.domainName, Role.VIEWERS").length, 2);
  });
});

describe("unreleasedSection", () => {
  it("is the text under ## Unreleased, up to the next release", () => {
    const changelog = `# Changelog\n\n## Unreleased\n\n- Removed Partner.domain\n\n## 1.0.0 (2026-12-06)\n\n- Role.VIEWER added\n`;
    assert.equal(unreleasedSection(changelog).trim(), "- Removed Partner.domain");
    // A coordinate named under an earlier release does not declare a new break.
    assert.doesNotMatch(unreleasedSection(changelog), /Role\.VIEWER/);
    assert.equal(unreleasedSection("# Changelog\n\n## 1.0.0\n- x\n"), "");
  });

  it("reaches the end of the file when no release follows", () => {
    assert.match(unreleasedSection("## Unreleased\n- Removed Partner.domain\n"), /Partner\.domain/);
  });
});

describe("deprecationProblems", () => {
  const TODAY = new Date("2026-12-06T00:00:00Z");
  const deprecated = (reason) =>
    BEFORE.replace("domain: String", `domain: String @deprecated(reason: "${reason}")`);

  it("accepts a deprecation with a removal date at least 90 days ahead", () => {
    assert.deepEqual(
      deprecationProblems(BEFORE, deprecated("Use publicUrl. Removal: 2027-03-06"), TODAY),
      [],
    );
  });

  it("refuses one without a removal date, or with one less than 90 days away", () => {
    assert.match(
      deprecationProblems(BEFORE, deprecated("Use publicUrl."), TODAY)[0],
      /Partner\.domain: .*names no/,
    );
    assert.match(
      deprecationProblems(BEFORE, deprecated("Use publicUrl. Removal: 2027-01-01"), TODAY)[0],
      /less than 90 days/,
    );
  });

  it("lets a released deprecation keep its date as it comes near", () => {
    const sdl = deprecated("Use publicUrl. Removal: 2027-01-01");
    assert.deepEqual(deprecationProblems(sdl, sdl, TODAY), []);
  });
});
