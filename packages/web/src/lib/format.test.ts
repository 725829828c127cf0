import {
  browserLocales,
  countText,
  formatDateTime,
  formatDecimal,
  formatNumber,
  formatRelativeTime,
} from "./format";

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
    expect(formatRelativeTime(iso, NOW, ["en"])).toBe(expected);
  });

  it("speaks the browser's language", () => {
    expect(formatRelativeTime(at(-3 * HOUR), NOW, ["de-DE"])).toBe("vor 3 Stunden");
  });
});

describe("browserLocales", () => {
  it("keeps the browser's order, drops what Intl cannot use, and falls back to en", () => {
    expect(browserLocales(["de-DE", "en-US"])).toEqual(["de-DE", "en-US"]);
    expect(browserLocales([])).toEqual(["en"]);
    expect(browserLocales(["not a tag!"])).toEqual(["en"]);
  });

  it("reads navigator.languages by default", () => {
    const spy = jest.spyOn(window.navigator, "languages", "get").mockReturnValue(["fr-FR"]);
    try {
      expect(browserLocales()).toEqual(["fr-FR"]);
      expect(formatNumber(1234567)).toBe(new Intl.NumberFormat("fr-FR").format(1234567));
    } finally {
      spy.mockRestore();
    }
  });
});

describe("numbers and dates in the locale", () => {
  it("formats counts, decimals and dates per locale", () => {
    expect(formatNumber(1234, ["en-US"])).toBe("1,234");
    expect(formatNumber(1234, ["de-DE"])).toBe("1.234");
    expect(formatDecimal(2.46, ["de-DE"])).toBe("2,5");
    // Day before month in en-GB, month first in en-US.
    const iso = "2026-03-04T15:04:00.000Z";
    expect(formatDateTime(iso, ["en-GB"])).toMatch(/^4 Mar 2026/);
    expect(formatDateTime(iso, ["en-US"])).toMatch(/^Mar 4, 2026/);
  });

  it("counts with the locale's digits grouping", () => {
    expect(countText(1, "member", "members")).toBe("1 member");
    expect(countText(0, "member", "members")).toBe("0 members");
  });
});
