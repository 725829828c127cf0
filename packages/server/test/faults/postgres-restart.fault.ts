/**
 * PostgreSQL restarted under the running server (the built one, embedded PostgreSQL):
 * stopped with `pg_ctl stop -m fast` (open connections are terminated), then started
 * again on the same data directory and port with `pg_ctl start`, the app untouched.
 *
 * Guards: /healthz answers 503 while the database is down and 200 after; GraphQL reads
 * and writes work again without restarting the app (the pool drops its dead
 * connections); the mail worker (pg-boss) delivers an email queued after the restart;
 * and SIGTERM still stops the server cleanly (exit 0), PostgreSQL included, although
 * the running postmaster is no longer the child the server started.
 */
import type { Client } from "pg";
import { graphqlSession, signUpAndLogIn } from "../../../../bench/lib/mixed-load.cjs";
import {
  cleanUpServers,
  connectDatabase,
  healthStatus,
  pgCtlFor,
  pidsMentioning,
  postmasterPid,
  startServer,
  stopGracefully,
  waitFor,
  waitHealthy,
} from "./support/server-process";

const INVITE = `mutation($email: String!) { inviteUsers(input: { invitees: [{ email: $email, role: VIEWER }] }) { invitations { id } userErrors { code } } }`;
const SEATS = `{ viewer { currentAccount { name seatsUsed } } }`;

let observer: Client | null = null;

afterEach(async () => {
  await observer?.end().catch(() => undefined);
  observer = null;
  await cleanUpServers();
});

async function outboxStatus(
  server: Parameters<typeof connectDatabase>[0],
  email: string,
): Promise<string | undefined> {
  const db = await connectDatabase(server);
  try {
    const result = await db.query<{ status: string }>(
      "SELECT status FROM outbox WHERE to_address = $1",
      [email],
    );
    return result.rows[0]?.status;
  } finally {
    await db.end();
  }
}

test("healthz is 503 while PostgreSQL is down and 200 after; GraphQL and the mail worker recover without an app restart", async () => {
  const server = await startServer();
  await waitHealthy(server);
  const owner = graphqlSession(server.baseUrl);
  await signUpAndLogIn(owner, {
    accountName: "Restart Co",
    email: "owner@restart.example",
    name: "Owner",
    password: "restart test password",
  });
  // Fill the pool with connections the restart will kill.
  await Promise.all(Array.from({ length: 10 }, () => owner.ok(SEATS)));
  await owner.ok(INVITE, { email: "before@restart.example" }, "inviteUsers");
  await waitFor(
    "the email queued before the restart to be sent",
    async () => (await outboxStatus(server, "before@restart.example")) === "SENT",
  );

  const pgCtl = pgCtlFor(server.dataDir);
  const pgDir = `${server.dataDir}/pg`;
  await pgCtl(["stop", "-D", pgDir, "-m", "fast", "-w"]);
  expect(postmasterPid(server.dataDir)).toBeNull();

  expect(await healthStatus(server)).toBe(503);
  const whileDown = await owner.request(SEATS);
  // The failure is masked, never a stack trace or a hung request.
  expect(whileDown.status).toBeLessThan(600);
  expect(whileDown.text).not.toMatch(/ECONNREFUSED|at .*\.js/);
  expect(await healthStatus(server)).toBe(503);

  await pgCtl([
    "start",
    "-D",
    pgDir,
    "-w",
    "-l",
    // Inside the data directory: its owner (not root) writes the log.
    `${pgDir}/restart.log`,
    "-o",
    `-p ${server.pgPort} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`,
  ]);
  expect(postmasterPid(server.dataDir)).not.toBeNull();

  await waitFor("/healthz 200 after the restart", async () => (await healthStatus(server)) === 200);
  // Every pooled connection died in the restart: twenty reads in parallel need more than the
  // pool's ten connections, and none may fail on a dead one.
  const reads = await Promise.all(Array.from({ length: 20 }, () => owner.request(SEATS)));
  expect(reads.map((read) => read.body?.errors ?? read.body?.data)).toEqual(
    Array.from({ length: 20 }, () => ({
      viewer: { currentAccount: { name: "Restart Co", seatsUsed: 2 } },
    })),
  );

  // Writes, and the pg-boss worker: an invitation made now is delivered.
  await owner.ok(INVITE, { email: "after@restart.example" }, "inviteUsers");
  await waitFor(
    "the email queued after the restart to be sent",
    async () => (await outboxStatus(server, "after@restart.example")) === "SENT",
  );

  expect(await stopGracefully(server)).toEqual({ code: 0, signal: null });
  expect(pidsMentioning(pgDir)).toEqual([]);
});
