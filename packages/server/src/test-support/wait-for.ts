/** Polls `probe` every 100 ms until it returns something other than undefined: tests wait for a condition, never a fixed time. */
export type Probe<T> = () => Promise<T | undefined> | T | undefined;

export async function waitFor<T>(what: string, probe: Probe<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
