import { logInPathFor, safeNextPath } from "./safe-redirect";

describe("safeNextPath", () => {
  it.each(["/members", "/settings?tab=tokens", "/a/b#c"])(
    "accepts the relative path %s",
    (path) => {
      expect(safeNextPath(path)).toBe(path);
    },
  );

  it.each([
    null,
    undefined,
    "",
    "members",
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "/\t/evil.example",
    "javascript:alert(1)",
  ])("rejects %p", (path) => {
    expect(safeNextPath(path)).toBeNull();
  });
});

describe("logInPathFor", () => {
  it("carries the original path, encoded", () => {
    expect(logInPathFor("/settings?tab=tokens")).toBe("/login?next=%2Fsettings%3Ftab%3Dtokens");
  });

  it("drops a pointless or unsafe next", () => {
    expect(logInPathFor("/")).toBe("/login");
    expect(logInPathFor("//evil.example")).toBe("/login");
  });
});
