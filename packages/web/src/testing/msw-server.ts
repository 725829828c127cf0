import { setupServer } from "msw/node";
import { createMockBackend, type MockBackendOptions } from "./mock-backend";

/**
 * No permanent handlers: before each test setup-tests installs a fresh signed-in mock backend
 * (see mock-backend.ts), so no state leaks between tests. Tests override with `server.use(...)`,
 * whose handlers take precedence over earlier ones.
 */
export const server = setupServer();

/** Installs a fresh mock backend with its own state, taking precedence over the default one. */
export function installMockBackend(options: MockBackendOptions = {}) {
  const backend = createMockBackend(options);
  server.use(...backend.handlers);
  return backend;
}
