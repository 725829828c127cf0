import { handleFromName, isValidEmail, isValidHandle, passwordProblem } from "./validation";

describe("validation rules", () => {
  it.each(["a@b.co", " Ada.Lovelace+pn@example.test ", "x@sub.example.org"])("accepts email %p", (email) => {
    expect(isValidEmail(email)).toBe(true);
  });

  it.each(["", "plain", "a@b", "a b@c.de", "a@@b.de", "a@-b.de", "@b.de", `${"x".repeat(65)}@b.de`])(
    "rejects email %p",
    (email) => {
      expect(isValidEmail(email)).toBe(false);
    },
  );

  it("bounds password length", () => {
    expect(passwordProblem("short")).toMatch(/at least 10/);
    expect(passwordProblem("x".repeat(257))).toMatch(/at most 256/);
    expect(passwordProblem("long enough pw")).toBeNull();
  });

  it("derives valid handles from names", () => {
    for (const name of ["Acme Corp.", "Ünïcode Ltd", "a", "!!!", "x".repeat(80), "The -- Company"]) {
      expect(isValidHandle(handleFromName(name))).toBe(true);
    }
    expect(handleFromName("Acme Corp.")).toBe("acme-corp");
  });
});
