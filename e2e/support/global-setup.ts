import { startServer, type RunningServer } from "./server";

declare global {
  var __PN_E2E_SERVER__: RunningServer | undefined;
}

/** Starts one server for the whole run; test files read its URL from E2E_BASE_URL. */
export default async function globalSetup(): Promise<void> {
  const server = await startServer();
  globalThis.__PN_E2E_SERVER__ = server;
  // Set before the test workers start, so every worker inherits it.
  process.env.E2E_BASE_URL = server.baseUrl;
}
