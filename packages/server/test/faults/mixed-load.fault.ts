/**
 * Load: concurrent clients on loopback doing mixed reads and writes against the built
 * server (bench/lib/mixed-load.cjs). Short here (LOAD_CLIENTS × LOAD_SECONDS, default
 * 50 × 5 s); `pnpm bench` runs the same scenario with 200 clients for 30 s.
 *
 * Guards: no 5xx and no INTERNAL_SERVER_ERROR; the TEAM account's seats never exceed
 * its limit, whether read through the API or sampled from the tables during the run,
 * while concurrent inviteUsers keep it at the limit; the server's database connections
 * stay within its pools and return to the idle baseline afterwards, none left inside a
 * transaction.
 */
import type { Client } from "pg";
import {
  CONNECTIONS_SQL,
  SEATS_SQL,
  localId,
  prepareMixedLoad,
  runMixedLoad,
} from "../../../../bench/lib/mixed-load.cjs";
import {
  cleanUpServers,
  connectDatabase,
  startServer,
  stopGracefully,
  waitFor,
  waitHealthy,
} from "./support/server-process";

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 5);
/**
 * The server's own pools (README, "Connection budget"): pn_app's DATABASE_POOL_MAX (10), the
 * owner's half of that (5) and the one job runner's (4); main.ts and jobs/job-runner.ts.
 */
const SERVER_POOL_CONNECTIONS = 19;

const QUEUED_MAIL_SQL = "SELECT count(*)::int AS n FROM outbox WHERE status = 'QUEUED'";
const CONNECTIONS_BY_POOL_SQL = `SELECT application_name, state, count(*)::int AS n FROM pg_stat_activity
  WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
  GROUP BY 1, 2 ORDER BY 1, 2`;

let observer: Client | null = null;

afterEach(async () => {
  await observer?.end().catch(() => undefined);
  observer = null;
  await cleanUpServers();
});

test(
  `${CLIENTS} concurrent clients for ${SECONDS} s: no 5xx, seats within the limit, connections back to baseline`,
  async () => {
    const server = await startServer();
    await waitHealthy(server);
    const prepared = await prepareMixedLoad(server.baseUrl);
    expect(prepared.tight.seatLimit).toBe(10);
    const db = (observer = await connectDatabase(server));
    const tightId = localId(prepared.tight.accountId);
    const connections = async () => (await db.query<{ n: number }>(CONNECTIONS_SQL)).rows[0]!.n;
    const seats = async () => ({
      used: (await db.query<{ used: number }>(SEATS_SQL, [tightId])).rows[0]!.used,
      limit: 10,
    });
    const baseline = await connections();

    const report = await runMixedLoad({
      prepared,
      clients: CLIENTS,
      durationMs: SECONDS * 1000,
      sampleSeats: seats,
      countConnections: connections,
    });
    const summary = JSON.stringify(report, null, 2);

    // Every request answered, none with a server error.
    expect({
      serverErrors: report.serverErrors,
      networkErrors: report.networkErrors,
      examples: report.examples,
    }).toEqual({
      serverErrors: 0,
      networkErrors: 0,
      examples: [],
    });
    expect(report.graphqlErrorCodes.INTERNAL_SERVER_ERROR ?? 0).toBe(0);
    expect(report.requests).toBeGreaterThan(CLIENTS);
    // The mix really wrote, and really hit the limit (else the seat check proves nothing).
    expect(report.invitedBig).toBeGreaterThan(0);
    expect(prepared.tight.pendingIds).toHaveLength(7);
    expect(report.invitedTight).toBeGreaterThanOrEqual(2);
    expect(report.userErrorCodes.SEAT_LIMIT_REACHED ?? 0).toBeGreaterThan(0);

    // Seats: never over the limit, in between and at the end.
    expect(report.seats.samples).toBeGreaterThan(0);
    expect(report.seats.overLimit).toEqual([]);
    expect(report.seats.maxSeenByDatabase).toBeLessThanOrEqual(10);
    expect(report.seats.maxSeenByApi).toBeLessThanOrEqual(10);
    const final = await prepared.tight.session.ok<{
      viewer: { currentAccount: { seatsUsed: number; seatLimit: number } };
    }>("{ viewer { currentAccount { seatsUsed seatLimit } } }");
    expect(final.viewer.currentAccount.seatsUsed).toBeLessThanOrEqual(
      final.viewer.currentAccount.seatLimit,
    );
    expect(final.viewer.currentAccount.seatsUsed).toBe((await seats()).used);

    // Connections: bounded by the pools during the run, back to the idle baseline after
    // (pg's pool closes idle clients after 10 s), and none stuck in a transaction.
    expect(report.connections.max).toBeLessThanOrEqual(SERVER_POOL_CONNECTIONS);
    // The invitations the run sent are still being mailed: the mail worker keeps its
    // connections busy until the outbox is drained, so the baseline is awaited after that.
    await waitFor(
      "the outbox to drain",
      async () => (await db.query<{ n: number }>(QUEUED_MAIL_SQL)).rows[0]!.n === 0,
      60_000,
    );
    await waitFor(
      `connections back to the baseline of ${baseline}`,
      async () => (await connections()) <= baseline,
      30_000,
    ).catch(async (error: Error) => {
      // Say which pool kept them (every pool names itself: db/data-source.ts, pg-boss).
      const byPool = await db.query(CONNECTIONS_BY_POOL_SQL);
      throw new Error(`${error.message}; still open: ${JSON.stringify(byPool.rows)}`);
    });
    const stuck = await db.query(
      "SELECT state, left(query, 100) AS query FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'",
    );
    expect(stuck.rows).toEqual([]);

    process.stdout.write(`load report (${CLIENTS} × ${SECONDS} s): ${summary}\n`);
    await observer.end();
    observer = null;
    expect(await stopGracefully(server)).toEqual({ code: 0, signal: null });
  },
  SECONDS * 1000 + 90_000,
);
