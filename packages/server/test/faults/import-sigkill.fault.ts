/**
 * The built server killed with SIGKILL in the middle of a 10,000-row importUserInvitations
 * sent over HTTP, then started again on the same DATA_DIR.
 *
 * Guards: the kill lands while the import's transaction holds its uncommitted writes
 * (a RowExclusiveLock on invitations), and after the restart none of the import is
 * visible (one transaction: all rows or none; invitations, their outbox rows and their
 * delivery jobs agree); the restart detects and stops the embedded PostgreSQL the killed
 * server left running and starts cleanly; a dry run of the same import then finds every
 * row still to create.
 */
import type { Client } from "pg";
import { graphqlSession, signUpAndLogIn } from "../../../../bench/lib/mixed-load.cjs";
import {
  cleanUpServers,
  connectDatabase,
  exitWithin,
  isRunning,
  postmasterPid,
  startServer,
  stopGracefully,
  waitFor,
  waitHealthy,
  type ServerProcess,
} from "./support/server-process";

const ROWS = 10_000;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { user { id } userErrors { code message } } }`;
const CHANGE_PLAN = `mutation { changePlan(input: { plan: ENTERPRISE }) { account { plan } userErrors { code message } } }`;
const IMPORT = `mutation($csv: String!, $dryRun: Boolean) { importUserInvitations(input: { csv: $csv, dryRun: $dryRun }) { created userErrors { code message } } }`;
const PENDING_COUNT = `{ viewer { currentAccount { invitations(filter: { status: [PENDING] }) { totalCount } } } }`;
const OWNER = { email: "owner@bulk.example", password: "bulk import password" };

const csv = [
  "email,role",
  ...Array.from(
    { length: ROWS },
    (_, i) => `import-${i}@bulk.example,${i % 2 ? "Viewer" : "Editor"}`,
  ),
].join("\n");

const observers: Client[] = [];

afterEach(async () => {
  for (const client of observers.splice(0)) await client.end().catch(() => undefined);
  await cleanUpServers();
});

async function observe(server: ServerProcess): Promise<Client> {
  const client = await connectDatabase(server);
  // The killed server's backends die with errors; the observer must not take the test down with it.
  client.on("error", () => undefined);
  observers.push(client);
  return client;
}

async function importedCounts(db: Client) {
  const { rows } = await db.query<{ invitations: number; outbox: number; jobs: number }>(
    `SELECT (SELECT count(*) FROM invitations WHERE email LIKE 'import-%@bulk.example')::int AS invitations,
            (SELECT count(*) FROM outbox WHERE to_address LIKE 'import-%@bulk.example')::int AS outbox,
            (SELECT count(*) FROM pgboss.job j JOIN outbox o ON o.id::text = j.data->>'outboxId'
              WHERE o.to_address LIKE 'import-%@bulk.example')::int AS jobs`,
  );
  return rows[0]!;
}

test("a SIGKILL during a 10,000-row import leaves none of it; the restart is clean and the rows are still to create", async () => {
  const first = await startServer();
  await waitHealthy(first);
  const owner = graphqlSession(first.baseUrl);
  await signUpAndLogIn(owner, { accountName: "Bulk Co", name: "Owner", ...OWNER });
  await owner.ok(CHANGE_PLAN, {}, "changePlan");
  const watcher = await observe(first);
  const postmaster = postmasterPid(first.dataDir);
  expect(postmaster).not.toBeNull();

  const importing = owner.request(IMPORT, { csv, dryRun: false }).then(
    (result) => ({ answered: true as const, result }),
    (error: unknown) => ({ answered: false as const, error }),
  );
  // The import has written rows that are not committed yet: its INSERT holds this lock until COMMIT.
  await waitFor(
    "the import's uncommitted writes",
    async () => {
      const { rows } = await watcher.query(
        `SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
         WHERE c.relname = 'invitations' AND l.mode = 'RowExclusiveLock' AND l.pid <> pg_backend_pid()`,
      );
      return rows.length > 0;
    },
    60_000,
  );
  first.child.kill("SIGKILL");
  expect(await exitWithin(first, 10_000)).toEqual({ code: null, signal: "SIGKILL" });
  const outcome = await importing;
  expect(outcome.answered).toBe(false);
  // The killed server's PostgreSQL outlives it: the restart must deal with it.
  expect(isRunning(postmaster!)).toBe(true);
  await watcher.end().catch(() => undefined);

  const second = await startServer({ dataDir: first.dataDir, pgPort: first.pgPort });
  await waitHealthy(second);
  expect(second.output()).toContain(
    "embedded PostgreSQL from an earlier run is still running; stopping it",
  );
  expect(isRunning(postmaster!)).toBe(false);

  // Nothing of the killed import: no invitation, no email, no delivery job.
  const db = await observe(second);
  expect(await importedCounts(db)).toEqual({ invitations: 0, outbox: 0, jobs: 0 });
  const session = graphqlSession(second.baseUrl);
  await session.ok(LOG_IN, { input: OWNER }, "logIn");
  expect(await session.ok(PENDING_COUNT)).toEqual({
    viewer: { currentAccount: { invitations: { totalCount: 0 } } },
  });

  // The server works, and the import would now create every row (a dry run: it takes the same
  // seat lock and checks every row against the tables, and writes nothing).
  const retry = await session.ok<{ importUserInvitations: { created: number } }>(
    IMPORT,
    { csv, dryRun: true },
    "importUserInvitations",
  );
  expect(retry.importUserInvitations.created).toBe(ROWS);
  expect(await importedCounts(db)).toEqual({ invitations: 0, outbox: 0, jobs: 0 });

  await db.end();
  observers.splice(observers.indexOf(db), 1);
  expect(await stopGracefully(second)).toEqual({ code: 0, signal: null });
});
