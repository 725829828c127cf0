/**
 * How long a rate-limited caller should wait, in words: the server puts it in its
 * RATE_LIMITED messages and the SPA in the notice it shows for a 429.
 */
export function retryAfterText(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole === 1) return "1 second";
  if (whole < 120) return `${whole} seconds`;
  if (whole < 2 * 60 * 60) return `${Math.ceil(whole / 60)} minutes`;
  return `${Math.ceil(whole / 3600)} hours`;
}
