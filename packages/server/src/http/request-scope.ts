/**
 * Each HTTP request runs inside an AsyncLocalStorage scope carrying its id and
 * logger, so code without the request at hand (Apollo's formatError, SQL
 * statement counters) can still tag what it logs.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "../logger";

export type RequestScope = { requestId: string; logger: Logger; sqlStatements: number };

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/**
 * Runs `work` as if outside any request: its SQL is not counted in the request's
 * statements. For bookkeeping that is the same for every request (rate limits), so
 * `x-sql-statements` keeps measuring what the operation itself needs.
 */
export function outsideRequestScope<T>(work: () => T): T {
  return storage.exit(work);
}
