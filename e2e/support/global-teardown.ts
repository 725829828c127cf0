import { pidsMentioning } from "./server";

/** SIGTERM must drain and stop the embedded PostgreSQL and exit 0; anything else fails the run. */
export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__PN_E2E_SERVER__;
  if (!server) return;
  globalThis.__PN_E2E_SERVER__ = undefined;
  const { dataDir } = server;
  const code = await server.stop();
  if (code !== 0) {
    throw new Error(
      `e2e: server exited with code ${code} after SIGTERM (expected 0)\n${server.output()}`,
    );
  }
  const leftovers = pidsMentioning(dataDir);
  if (leftovers.length)
    throw new Error(
      `e2e: processes still running on ${dataDir} after shutdown: ${leftovers.join(", ")}`,
    );
}
