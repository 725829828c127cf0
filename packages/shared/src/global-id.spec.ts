import { fromGlobalId, toGlobalId } from "./global-id";

describe("global IDs", () => {
  it("round-trips type and id", () => {
    const id = toGlobalId("Member", "5f0c7f1e-0000-4000-8000-000000000001");
    expect(id).not.toContain("Member");
    expect(fromGlobalId(id)).toEqual({
      type: "Member",
      id: "5f0c7f1e-0000-4000-8000-000000000001",
    });
  });

  it.each(["", "!!!", "bm9jb2xvbg", "OmFiYw", "bWVtYmVyOjE", "a".repeat(300), "TWVtYmVyOjE="])(
    "rejects malformed input %p without throwing",
    (input) => {
      expect(fromGlobalId(input)).toBeNull();
    },
  );

  it("refuses to encode a bad type name", () => {
    expect(() => toGlobalId("not a type", "1")).toThrow("Invalid type name");
  });
});
