/**
 * Polls for a condition the page or server reaches on its own time (a background job, a
 * re-render): `probe` is called until it returns something other than undefined or false,
 * which is returned, or the wait fails after `timeoutMs`. The pause between calls is a
 * poll interval, not a guess at how long things take.
 */
export async function until<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
