/**
 * Where each node of the network map goes: the account at the centre, partners in the left
 * sector and clients in the right one, each sector filled ring by ring from the inside out
 * in the order given (by name). A ring holds as many nodes as fit at NODE_SPACING along its
 * arc, so outer rings hold more and 300 nodes need about ten rings; the map zooms for reading.
 * Deterministic, so the same network always looks the same (a force layout would reshuffle).
 */
export const CENTRE_RADIUS = 56;
export const NODE_RADIUS = 16;
/** Distance between neighbours along a ring: room for a short label under each node. */
export const NODE_SPACING = 76;
/** Distance between rings: a node, its two-line label and a gap. */
export const RING_GAP = 84;
const FIRST_RING = 190;
/** Each sector spans this much of the circle (radians), leaving gaps at top and bottom. */
const SECTOR_SPAN = (150 * Math.PI) / 180;

export type Sector = "left" | "right";

export interface PlacedNode<T> {
  node: T;
  x: number;
  y: number;
  ring: number;
}

export interface NetworkLayout<T> {
  placed: PlacedNode<T>[];
  /** Half the side of the square that holds every node and label: the view box is ±extent. */
  extent: number;
  /** Rings used per sector (for drawing ring guides). */
  rings: number[];
}

function ringRadius(ring: number): number {
  return FIRST_RING + ring * RING_GAP;
}

/** How many nodes fit on `ring` within one sector. */
export function ringCapacity(ring: number): number {
  return Math.max(1, Math.floor((SECTOR_SPAN * ringRadius(ring)) / NODE_SPACING));
}

function placeSector<T>(nodes: readonly T[], sector: Sector): PlacedNode<T>[] {
  const placed: PlacedNode<T>[] = [];
  // The sector's middle: left points at π, right at 0.
  const middle = sector === "left" ? Math.PI : 0;
  let index = 0;
  for (let ring = 0; index < nodes.length; ring += 1) {
    const count = Math.min(ringCapacity(ring), nodes.length - index);
    const radius = ringRadius(ring);
    // Neighbours NODE_SPACING apart, around the sector's middle: a short ring stays together.
    const step = NODE_SPACING / radius;
    // Every other ring shifts half a step, so labels on neighbouring rings do not stack.
    const shift = ring % 2 === 1 ? step / 2 : 0;
    // Both sectors read top to bottom: the left one anticlockwise from its top, the right clockwise.
    const direction = sector === "left" ? -1 : 1;
    const top = middle - direction * (((count - 1) * step) / 2 + shift / 2);
    for (let i = 0; i < count; i += 1) {
      const angle = top + direction * (i * step + shift);
      placed.push({
        node: nodes[index]!,
        x: Math.round(radius * Math.cos(angle)),
        y: Math.round(radius * Math.sin(angle)),
        ring,
      });
      index += 1;
    }
  }
  return placed;
}

/** Places `left` (partners) and `right` (clients) around the centre. */
export function layoutNetwork<T>(left: readonly T[], right: readonly T[]): NetworkLayout<T> {
  const placedLeft = placeSector(left, "left");
  const placedRight = placeSector(right, "right");
  const placed = [...placedLeft, ...placedRight];
  const outermost = Math.max(-1, ...placed.map((p) => p.ring));
  const rings = Array.from({ length: outermost + 1 }, (_, ring) => ringRadius(ring));
  // Room for the outermost labels (about half the spacing either side).
  const extent = (outermost >= 0 ? ringRadius(outermost) : CENTRE_RADIUS * 2) + NODE_SPACING;
  return { placed, extent, rings };
}

/** A label that fits under a node: at most `max` characters, with an ellipsis when cut. */
export function shortLabel(name: string, max = 12): string {
  const chars = [...name];
  return chars.length <= max
    ? name
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}
