/**
 * The one place dates and numbers become text: in the browser's own locale
 * (navigator.languages, first supported wins), so a visitor in Germany reads "5. Jan. 2026,
 * 15:04" and "1.234" while the words around them stay English. Formatters are made once per
 * locale list and kept, since Intl constructors are slow next to formatting.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The locales to format for: the browser's preferences that Intl supports, else "en". */
export function browserLocales(
  languages: readonly string[] | undefined = typeof navigator === "undefined"
    ? undefined
    : navigator.languages?.length
      ? navigator.languages
      : [navigator.language],
): string[] {
  try {
    const supported = Intl.DateTimeFormat.supportedLocalesOf(
      (languages ?? []).filter((language) => typeof language === "string" && language !== ""),
    );
    return supported.length > 0 ? supported : ["en"];
  } catch {
    // A malformed tag (RangeError): fall back rather than fail to render a date.
    return ["en"];
  }
}

type Formatters = {
  dateTime: Intl.DateTimeFormat;
  timeOfDay: Intl.DateTimeFormat;
  relative: Intl.RelativeTimeFormat;
  number: Intl.NumberFormat;
  decimal: Intl.NumberFormat;
};

const cache = new Map<string, Formatters>();

/** The formatters for `locales` (the browser's by default). */
export function formatters(locales: readonly string[] = browserLocales()): Formatters {
  const key = locales.join(",");
  let found = cache.get(key);
  if (!found) {
    const list = [...locales];
    found = {
      dateTime: new Intl.DateTimeFormat(list, { dateStyle: "medium", timeStyle: "short" }),
      timeOfDay: new Intl.DateTimeFormat(list, { timeStyle: "short" }),
      relative: new Intl.RelativeTimeFormat(list, { numeric: "auto" }),
      number: new Intl.NumberFormat(list),
      decimal: new Intl.NumberFormat(list, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    };
    cache.set(key, found);
  }
  return found;
}

/** "Jan 5, 2026, 3:04 PM" (en-US) for an ISO date-time string. */
export function formatDateTime(iso: string, locales?: readonly string[]): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatters(locales).dateTime.format(date);
}

/** "3:04 PM" (en-US) for an ISO date-time string: when something later today becomes possible. */
export function formatTime(iso: string, locales?: readonly string[]): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatters(locales).timeOfDay.format(date);
}

/**
 * "in 2 days", "in 5 hours", "3 minutes ago" (en) for an ISO date-time string, relative to
 * `now` (milliseconds since the epoch). Under a minute away reads "now".
 */
export function formatRelativeTime(
  iso: string,
  now: number = Date.now(),
  locales?: readonly string[],
): string {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return iso;
  const relative = formatters(locales).relative;
  const diff = time - now;
  const abs = Math.abs(diff);
  if (abs < MINUTE) return relative.format(0, "second");
  if (abs < HOUR) return relative.format(Math.round(diff / MINUTE), "minute");
  if (abs < DAY) return relative.format(Math.round(diff / HOUR), "hour");
  return relative.format(Math.round(diff / DAY), "day");
}

/** "1,234" (en) or "1.234" (de) for a count. */
export function formatNumber(value: number, locales?: readonly string[]): string {
  return formatters(locales).number.format(value);
}

/** "2.5" (en) or "2,5" (de): one decimal, for sizes such as "2.5 MB". */
export function formatDecimal(value: number, locales?: readonly string[]): string {
  return formatters(locales).decimal.format(value);
}

/** "1 member" / "1,234 members". */
export function countText(count: number, one: string, many: string): string {
  return count === 1 ? `1 ${one}` : `${formatNumber(count)} ${many}`;
}

/** "1.4 MB": bytes in the units people read. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatDecimal(bytes / 1024)} KB`;
  return `${formatDecimal(bytes / (1024 * 1024))} MB`;
}
