/**
 * A counting TCP proxy between a server and PostgreSQL, for `q1.roundTrips`.
 *
 * It forwards bytes unchanged both ways and reads the frontend's messages on the way:
 * a simple `Query` ('Q') is one round trip, and so is each `Sync` ('S') of the extended
 * protocol (Parse/Bind/Execute… up to Sync travel together, the client then waits). A
 * statement is a 'Q' (its text may hold several, e.g. `BEGIN; SELECT set_config…`) or
 * an extended-protocol 'B' (Bind; named statements skip Parse). The text of every 'Q'
 * and 'P' is kept, so the results can say which statements a request sent.
 *
 * Connections that ever send SQL naming `pgboss.` belong to the server's job queue, which
 * polls on its own clock: they are left out of the counts (`jobQueueRoundTrips` says how
 * many of theirs fell in the window).
 *
 * Only the bench's counting server goes through it (it would add a hop to every load run).
 */
import net from "node:net";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

export function startCountingProxy({ targetPort, targetHost = "127.0.0.1" }) {
  const events = [];
  let connections = 0;
  const sockets = new Set();
  const server = net.createServer((client) => {
    connections += 1;
    const connection = { jobQueue: false };
    const push = (event) => {
      if (event.sql?.includes("pgboss.")) connection.jobQueue = true;
      events.push({ ...event, connection });
    };
    const upstream = net.connect(targetPort, targetHost);
    sockets.add(client).add(upstream);
    let buffer = Buffer.alloc(0);
    let startup = true;
    let pendingStatement = null;
    client.on("data", (chunk) => {
      upstream.write(chunk);
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      for (;;) {
        if (startup) {
          if (buffer.length < 8) break;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) break;
          const code = buffer.readInt32BE(4);
          // SSL/GSS requests come before the real startup message.
          if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) startup = false;
          buffer = buffer.subarray(length);
          continue;
        }
        if (buffer.length < 5) break;
        const type = String.fromCharCode(buffer[0]);
        const length = buffer.readInt32BE(1);
        if (buffer.length < 1 + length) break;
        const payload = buffer.subarray(5, 1 + length);
        if (type === "Q") {
          push({ kind: "Q", sql: payload.toString("utf8", 0, payload.length - 1) });
        } else if (type === "P") {
          // Parse: statement name (cstring), then the SQL text (cstring).
          const nameEnd = payload.indexOf(0);
          const sqlEnd = payload.indexOf(0, nameEnd + 1);
          pendingStatement = payload.toString("utf8", nameEnd + 1, sqlEnd);
        } else if (type === "B") {
          push({ kind: "B", sql: pendingStatement ?? "(prepared statement)" });
          pendingStatement = null;
        } else if (type === "S") {
          push({ kind: "S" });
        }
        buffer = buffer.subarray(1 + length);
      }
    });
    upstream.on("data", (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", close);
    upstream.on("error", close);
    client.on("close", close);
    upstream.on("close", close);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () =>
      resolve({
        port: server.address().port,
        /** Counters and the statements seen since the previous `take()`. */
        take() {
          const taken = events.splice(0);
          const own = taken.filter((event) => !event.connection.jobQueue);
          const trips = (list) => list.filter((e) => e.kind === "Q" || e.kind === "S").length;
          const result = {
            roundTrips: trips(own),
            statements: own.filter((e) => e.kind === "Q" || e.kind === "B").length,
            connections,
            jobQueueRoundTrips: trips(taken) - trips(own),
            statementsSent: summarize(own),
          };
          connections = 0;
          return result;
        },
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            for (const socket of sockets) socket.destroy();
          }),
      }),
    );
  });
}

/** One line per round trip: the statements that travelled in it, shortened. */
function summarize(events) {
  const trips = [];
  let current = [];
  const short = (sql) => sql.replace(/\s+/g, " ").trim().slice(0, 90);
  for (const event of events) {
    if (event.kind === "Q") trips.push(short(event.sql));
    else if (event.kind === "B") current.push(short(event.sql));
    else if (event.kind === "S") {
      trips.push(current.join(" + ") || "(sync)");
      current = [];
    }
  }
  if (current.length) trips.push(current.join(" + "));
  return trips;
}
