/** Property tests (fast-check): decoding a global ID argument never throws and checks type and uuid. */
import { toGlobalId } from "@pn/shared";
import fc from "fast-check";
import { isUuid, localIdOf } from "./global-id";

describe("localIdOf", () => {
  it("never throws and returns a uuid only for an ID of the expected type", () => {
    const candidates = fc.oneof(
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.stringMatching(/^[A-Za-z0-9_-]{0,120}$/),
      fc
        .tuple(
          fc.constantFrom("Member", "Account", "Invitation", "member", "X"),
          fc.oneof(fc.uuid(), fc.string({ maxLength: 40 })),
        )
        .map(([type, id]) =>
          /^[A-Z]/.test(type)
            ? toGlobalId(type, id)
            : Buffer.from(`${type}:${id}`).toString("base64url"),
        ),
    );
    fc.assert(
      fc.property(
        candidates,
        fc.constantFrom("Member", "Account", "Invitation"),
        (globalId, type) => {
          const id = localIdOf(globalId, type);
          if (id !== null) {
            expect(isUuid(id)).toBe(true);
            expect(toGlobalId(type, id)).toBe(globalId);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("decodes every uuid of the expected type and refuses it for another type", () => {
    fc.assert(
      fc.property(fc.uuid(), (uuid) => {
        expect(localIdOf(toGlobalId("Member", uuid), "Member")).toBe(uuid);
        expect(localIdOf(toGlobalId("Member", uuid), "Account")).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});
