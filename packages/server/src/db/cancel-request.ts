/**
 * PostgreSQL's own way to stop a running statement: a CancelRequest on a new connection to
 * the same address, naming the session by the key the server gave it at start-up (protocol
 * 3, "Canceling Requests in Progress"). Unlike `SELECT pg_cancel_backend(pid)` through
 * another pooled connection, it works behind a transaction-pooling PgBouncer too: the key
 * node-postgres knows is PgBouncer's, and PgBouncer passes the request on to the server
 * connection the session is using at that moment, where a pid would name nobody.
 *
 * The promise settles when the other side closes the connection, which the server does
 * after it has signalled the backend: a caller that waits for it before sending anything
 * else on the cancelled session knows a late cancel cannot hit that next statement.
 */
import net from "node:net";

/** What node-postgres' client knows of its session once connected. */
export type CancelTarget = {
  host?: string | null;
  port?: number | null;
  processID?: number | null;
  secretKey?: number | null;
};

/** CancelRequest's fixed code (1234 << 16 | 5678). */
const CANCEL_REQUEST_CODE = 80877102;

/** A cancel that nobody answers within this time is given up: the statement's own timeout still applies. */
const CANCEL_TIMEOUT_MS = 5_000;

export function sendCancelRequest(target: CancelTarget): Promise<void> {
  const { processID, secretKey } = target;
  if (processID == null || secretKey == null) return Promise.resolve();
  const host = target.host ?? "localhost";
  const port = target.port ?? 5432;
  const packet = Buffer.alloc(16);
  packet.writeInt32BE(16, 0);
  packet.writeInt32BE(CANCEL_REQUEST_CODE, 4);
  packet.writeInt32BE(processID, 8);
  packet.writeInt32BE(secretKey, 12);
  return new Promise((resolve, reject) => {
    // A host starting with "/" is the folder of a Unix socket, as in libpq and node-postgres.
    const socket = host.startsWith("/")
      ? net.connect({ path: `${host}/.s.PGSQL.${port}` })
      : net.connect({ host, port });
    socket.setTimeout(CANCEL_TIMEOUT_MS, () =>
      socket.destroy(new Error(`the cancel request got no answer in ${CANCEL_TIMEOUT_MS} ms`)),
    );
    socket.once("connect", () => socket.write(packet));
    socket.once("error", reject);
    // The server answers nothing; it closes the connection once it has acted on the request.
    socket.once("close", (hadError) => {
      if (!hadError) resolve();
    });
    socket.resume();
  });
}
