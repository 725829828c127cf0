/** Property tests (fast-check) of the global ID codec: decoding never throws and is canonical. */
import fc from "fast-check";
import { fromGlobalId, toGlobalId } from "./global-id";

const typeName = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,20}$/);
const localId = fc.oneof(fc.uuid(), fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }));

describe("global IDs", () => {
  it("fromGlobalId never throws on any text and returns null or a type and an id", () => {
    const base64ish = fc.stringMatching(/^[A-Za-z0-9_=+/-]{0,220}$/);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 300 }),
          fc.string({ unit: "grapheme", maxLength: 300 }),
          base64ish,
        ),
        (text) => {
          const parts = fromGlobalId(text);
          if (parts !== null) {
            expect(parts.type).toMatch(/^[A-Z][A-Za-z0-9]*$/);
            expect(parts.id.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("never throws on values that are not strings", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(fromGlobalId(value as string)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips every type and id that fit, and decodes only canonical spellings", () => {
    fc.assert(
      fc.property(typeName, localId, (type, id) => {
        const globalId = toGlobalId(type, id);
        expect(globalId).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(fromGlobalId(globalId)).toEqual(globalId.length <= 200 ? { type, id } : null);
      }),
      { numRuns: 1500 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{1,200}$/), (text) => {
        const parts = fromGlobalId(text);
        if (parts) expect(toGlobalId(parts.type, parts.id)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});
