/**
 * A full connection pool is the server being busy, not broken: a request that waits longer
 * than `connectionTimeoutMillis` for a connection gets a ServiceBusyError (HTTP 503,
 * SERVICE_UNAVAILABLE, `retry-after`). The translation happens where the wait ends, in the
 * pool every DataSource uses, so no path can forget it.
 */
import pg from "pg";
import { ServiceBusyError } from "../service-busy";

const RETRY_AFTER_SECONDS = 2;

/** node-postgres' words when `connectionTimeoutMillis` passes with every connection in use. */
function translated(error: Error | undefined): Error | undefined {
  return error && /timeout exceeded when trying to connect/i.test(error.message)
    ? new ServiceBusyError(RETRY_AFTER_SECONDS, "Every database connection is in use.")
    : error;
}

type ConnectCallback = (
  err: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: unknown) => void,
) => void;

class BusyAwarePool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    if (!callback) {
      return super.connect().catch((error: Error) => {
        throw translated(error);
      });
    }
    super.connect((error, client, done) => callback(translated(error), client, done));
  }
}

/** The `pg` module TypeORM is given: node-postgres with the pool above. */
export const busyAwarePg = { ...pg, Pool: BusyAwarePool };
