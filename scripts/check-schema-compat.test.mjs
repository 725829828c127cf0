/** `node --test scripts/check-schema-compat.test.mjs`: the schema compatibility rules on SDL strings. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { breakingChangesBetween, undeclaredChanges } from "./check-schema-compat.mjs";

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
    assert.equal(undeclaredChanges(changes, {}).length, 2);
  });

  it("accepts all of them with BREAKING CHANGE: in the commit message", () => {
    assert.deepEqual(
      undeclaredChanges(changes, {
        commitMessage: "Drop domain\n\nBREAKING CHANGE: Partner.domain is gone",
      }),
      [],
    );
  });

  it("accepts only the changes that the added changelog lines name", () => {
    const left = undeclaredChanges(changes, {
      changelogAdded: "- Removed `Partner.domain` (use publicUrl).",
    });
    assert.deepEqual(
      left.map((change) => change.coordinate),
      ["Role.VIEWER"],
    );
    // A longer name that merely starts with the coordinate does not count.
    assert.equal(
      undeclaredChanges(changes, { changelogAdded: "Partner.domainName, Role.VIEWERS" }).length,
      2,
    );
  });
});
