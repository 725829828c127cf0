import {
  CENTRE_RADIUS,
  layoutNetwork,
  NODE_SPACING,
  ringCapacity,
  shortLabel,
} from "./network-layout";

const names = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix} ${i}`);

describe("layoutNetwork", () => {
  it("puts partners left and clients right, first ones on the inner ring, top to bottom", () => {
    const { placed } = layoutNetwork(names("P", 3), names("C", 3));
    const partners = placed.filter((p) => p.node.startsWith("P"));
    const clients = placed.filter((p) => p.node.startsWith("C"));
    expect(partners.every((p) => p.x < 0)).toBe(true);
    expect(clients.every((p) => p.x > 0)).toBe(true);
    expect(placed.every((p) => p.ring === 0)).toBe(true);
    expect(partners.map((p) => p.y)).toEqual([...partners.map((p) => p.y)].sort((a, b) => a - b));
    expect(clients.map((p) => p.y)).toEqual([...clients.map((p) => p.y)].sort((a, b) => a - b));
  });

  it("keeps 40 partners and 300 clients apart, off the centre and inside the view box", () => {
    const layout = layoutNetwork(names("P", 40), names("C", 300));
    expect(layout.placed).toHaveLength(340);
    let closest = Infinity;
    for (const [i, a] of layout.placed.entries())
      for (const b of layout.placed.slice(i + 1))
        closest = Math.min(closest, Math.hypot(a.x - b.x, a.y - b.y));
    // Rounded to whole pixels: allow a pixel of slack.
    expect(closest).toBeGreaterThan(NODE_SPACING - 2);
    const fromCentre = Math.min(...layout.placed.map((p) => Math.hypot(p.x, p.y)));
    expect(fromCentre).toBeGreaterThan(CENTRE_RADIUS * 2);
    const farthest = Math.max(...layout.placed.map((p) => Math.max(Math.abs(p.x), Math.abs(p.y))));
    expect(farthest).toBeLessThan(layout.extent);
    // Outer rings hold more, so 300 need far fewer than 300 / the first ring's capacity.
    expect(ringCapacity(5)).toBeGreaterThan(ringCapacity(0));
    expect(layout.rings.length).toBeLessThan(300 / ringCapacity(0));
  });

  it("is the same every time for the same network", () => {
    expect(layoutNetwork(names("P", 12), names("C", 50))).toEqual(
      layoutNetwork(names("P", 12), names("C", 50)),
    );
  });

  it("has room for the centre alone when the network is empty", () => {
    const layout = layoutNetwork([], []);
    expect(layout.placed).toEqual([]);
    expect(layout.extent).toBeGreaterThan(CENTRE_RADIUS);
  });
});

describe("shortLabel", () => {
  it.each([
    ["Initech", "Initech"],
    ["Vandelay Industries", "Vandelay In…"],
    ["Ünïcödé Company", "Ünïcödé Com…"],
  ])("%s reads %s", (name, label) => {
    expect(shortLabel(name)).toBe(label);
  });
});
