import {
  handleFromName,
  handleProblem,
  isValidEmail,
  isValidHandle,
  normalizeHandle,
  passwordProblem,
} from "./validation";

describe("validation rules", () => {
  it.each(["a@b.co", " Ada.Lovelace+pn@example.test ", "x@sub.example.org"])(
    "accepts email %p",
    (email) => {
      expect(isValidEmail(email)).toBe(true);
    },
  );

  it.each([
    "",
    "plain",
    "a@b",
    "a b@c.de",
    "a@@b.de",
    "a@-b.de",
    "@b.de",
    `${"x".repeat(65)}@b.de`,
  ])("rejects email %p", (email) => {
    expect(isValidEmail(email)).toBe(false);
  });

  it("bounds password length", () => {
    expect(passwordProblem("short")).toMatch(/at least 10/);
    expect(passwordProblem("x".repeat(257))).toMatch(/at most 256/);
    expect(passwordProblem("long enough pw")).toBeNull();
  });

  it("derives valid handles from names", () => {
    for (const name of [
      "Acme Corp.",
      "Ünïcode Ltd",
      "a",
      "!!!",
      "x".repeat(80),
      "The -- Company",
    ]) {
      expect(isValidHandle(handleFromName(name))).toBe(true);
    }
    expect(handleFromName("Acme Corp.")).toBe("acme-corp");
  });
});

describe("handle rules", () => {
  it.each([
    ["ab", "Use 3 to 40 characters."],
    ["x".repeat(41), "Use 3 to 40 characters."],
    ["acme_corp", "Use only lowercase letters, digits and hyphens."],
    ["-acme", "Start and end with a letter or digit, and do not use two hyphens in a row."],
    ["acme--corp", "Start and end with a letter or digit, and do not use two hyphens in a row."],
  ])("explains why %p is refused", (handle, problem) => {
    expect(handleProblem(handle)).toBe(problem);
  });

  it("accepts what isValidHandle accepts, after normalizing", () => {
    expect(normalizeHandle("  Acme-Corp ")).toBe("acme-corp");
    expect(handleProblem("acme-corp")).toBeNull();
    expect(handleProblem("a1b")).toBeNull();
  });
});
