/** Small pieces every email template needs. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** "2026-11-27 18:56 UTC": unambiguous for readers in any time zone. */
export function formatExpiry(date: Date): string {
  return `${date.toISOString().replace("T", " ").slice(0, 16)} UTC`;
}
