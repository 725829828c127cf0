export default async function globalTeardown(): Promise<void> {
  await globalThis.__PN_TEST_TEARDOWN__?.();
}
