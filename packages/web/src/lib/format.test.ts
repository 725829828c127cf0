import { formatRelativeTime } from "./format";

const NOW = Date.parse("2026-01-05T10:00:00.000Z");
const at = (ms: number) => new Date(NOW + ms).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe("formatRelativeTime", () => {
  it.each([
    [at(20_000), "now"],
    [at(5 * MINUTE), "in 5 minutes"],
    [at(-3 * HOUR), "3 hours ago"],
    [at(47 * HOUR), "in 2 days"],
    [at(-30 * HOUR), "yesterday"],
    ["not a date", "not a date"],
  ])("%s reads %s", (iso, expected) => {
    expect(formatRelativeTime(iso, NOW)).toBe(expected);
  });
});
