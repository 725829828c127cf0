/**
 * Property tests (fast-check): the email and handle rules never throw, whatever the
 * input, and accept or refuse by their documented shape.
 */
import fc from "fast-check";
import { handleFromName, isValidEmail, isValidHandle, normalizeEmail } from "./validation";

/** Any text: arbitrary UTF-16 (lone surrogates included) and whole graphemes. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 400 }),
  fc.string({ unit: "grapheme", maxLength: 400 }),
  fc.string({ maxLength: 400 }),
);

describe("isValidEmail", () => {
  it("never throws and accepts only one @, no spaces, at most 254 characters", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const valid = isValidEmail(text);
        if (valid) {
          const email = normalizeEmail(text);
          expect(email.split("@")).toHaveLength(2);
          expect(email).not.toMatch(/\s/);
          expect(email.length).toBeLessThanOrEqual(254);
          expect(email.split("@")[0]!.length).toBeLessThanOrEqual(64);
          expect(email.split("@")[1]).toContain(".");
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("accepts ordinary addresses, whatever the surrounding spaces or the case", () => {
    const local = fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,30}$/);
    const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?$/);
    const address = fc
      .tuple(
        local,
        fc.array(label, { minLength: 1, maxLength: 3 }),
        fc.stringMatching(/^[a-z]{2,10}$/),
      )
      .map(([user, labels, tld]) => `${user}@${[...labels, tld].join(".")}`);
    fc.assert(
      fc.property(
        address,
        fc.stringMatching(/^[ \t]{0,3}$/),
        fc.boolean(),
        (email, padding, upper) => {
          expect(isValidEmail(`${padding}${upper ? email.toUpperCase() : email}${padding}`)).toBe(
            true,
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("refuses an address with a space, a second @ or no dot in the domain", () => {
    fc.assert(
      fc.property(
        fc.emailAddress(),
        fc.constantFrom(" ", "@", "\n"),
        fc.nat(),
        (email, insert, at) => {
          const position = 1 + (at % (email.length - 1));
          expect(isValidEmail(email.slice(0, position) + insert + email.slice(position))).toBe(
            false,
          );
          expect(isValidEmail(email.split("@")[0]!)).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("handles", () => {
  it("isValidHandle never throws and accepts only 3–40 lowercase letters, digits and single inner hyphens", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.stringMatching(/^[a-z0-9-]{0,45}$/)), (text) => {
        if (isValidHandle(text)) {
          expect(text).toMatch(/^[a-z0-9-]{3,40}$/);
          expect(text).not.toMatch(/^-|-$|--/);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("handleFromName turns any company name into a valid handle", () => {
    fc.assert(
      fc.property(anyText, (name) => {
        expect(isValidHandle(handleFromName(name))).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
});
