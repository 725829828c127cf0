/**
 * Several server processes on one database (issue 9): nothing may live in one process's
 * memory. Two BUILT servers (`node dist/main.js`) share a fresh database on the test
 * PostgreSQL, each on its own port, and requests alternate between them. A second test
 * runs `WEB_CONCURRENCY=2` (node:cluster) with the embedded database started once by the primary.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { createDatabaseIfMissing, dropDatabase, withDatabase } from "../src/db/database-admin";
import { TEST_APP_SECRET } from "../src/test-support/test-database";

const SERVER_MAIN = path.resolve(__dirname, "../dist/main.js");
const TEST_TIMEOUT_MS = 90_000;
const DEMO = { email: "owner@acme.example", password: "partner-network-demo" };
// The test cluster's: the app role's password derives from it, and the role is cluster-wide.
const APP_SECRET = TEST_APP_SECRET;

type Server = {
  child: ChildProcess;
  url: string;
  dataDir: string;
  output: () => string;
  exit: Promise<number | null>;
};

const children: ChildProcess[] = [];
const tempPaths: string[] = [];
const databases: string[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === "object"
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/** Polls until `condition` holds; no fixed sleeps. */
async function waitUntil<T>(
  condition: () => Promise<T | null | false>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await condition().catch(() => null);
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function startServer(env: Record<string, string>): Promise<Server> {
  return freePort().then(async (port) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "pn-processes-"));
    tempPaths.push(dataDir);
    let output = "";
    const child = spawn(process.execPath, [SERVER_MAIN], {
      // Only what this test sets: never DATABASE_URL or the like from the shell running jest.
      env: {
        PATH: process.env.PATH ?? "",
        PORT: String(port),
        DATA_DIR: path.join(dataDir, "data"),
        APP_SECRET,
        LOG_LEVEL: "warn",
        WEB_DIST_DIR: "/nonexistent",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exit = new Promise<number | null>((resolve) =>
      child.once("exit", (code) => resolve(code)),
    );
    const server = {
      child,
      url: `http://127.0.0.1:${port}`,
      dataDir: path.join(dataDir, "data"),
      output: () => output,
      exit,
    };
    let exited = false;
    void exit.then(() => (exited = true));
    await waitUntil(
      async () => {
        if (exited) throw new Error(`server exited during start:\n${output}`);
        return (await fetch(`${server.url}/healthz`)).status === 200;
      },
      "the server to be healthy",
      60_000,
    ).catch((error: unknown) => {
      throw exited ? new Error(`server exited during start:\n${output}`) : error;
    });
    return server;
  });
}

/** One browser: a cookie jar that may talk to either server. */
function browser() {
  let cookie: string | undefined;
  return {
    async graphql<T>(
      server: Server,
      query: string,
      variables: Record<string, unknown> = {},
      headers: Record<string, string> = {},
    ) {
      const response = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}), ...headers },
        body: JSON.stringify({ query, variables }),
      });
      for (const header of response.headers.getSetCookie()) {
        const [pair] = header.split(";");
        if (pair?.startsWith("pn_session=")) cookie = pair.endsWith("=") ? undefined : pair;
      }
      return {
        headers: response.headers,
        body: (await response.json()) as {
          data?: T;
          errors?: { extensions?: { code?: string } }[];
        },
      };
    },
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const LOG_IN = `mutation LogIn($input: LogInInput!) { logIn(input: $input) { user { email } userErrors { code } } }`;
const LOG_OUT = `mutation { logOut { ok } }`;
const WHO = `{ viewer { user { email } currentAccount { name } } }`;
const INVITE = `mutation Invite($email: String!) { inviteUsers(input: { invitees: [{ email: $email, role: VIEWER }] }) { invitations { id } userErrors { code message } } }`;
const CREATE_PARTNER = `mutation CreatePartner($name: String!) { createPartner(input: { companyName: $name }) { partner { id } userErrors { code } } }`;

beforeAll(() => {
  if (!existsSync(SERVER_MAIN))
    throw new Error(
      `${SERVER_MAIN} is missing: build the server first (pnpm --filter @pn/server build)`,
    );
});

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await gone;
    }
  }
  for (const url of databases.splice(0)) await dropDatabase(url);
  for (const dir of tempPaths.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("two server processes on one database", () => {
  test(
    "share sign-ins, run a queued job once, and share idempotency keys and rate limits",
    async () => {
      const serverUrl = process.env.PN_TEST_PG_URL!;
      const databaseUrl = withDatabase(serverUrl, `pn_processes_${randomBytes(6).toString("hex")}`);
      await createDatabaseIfMissing(databaseUrl);
      databases.push(databaseUrl);
      // Both start at once on an empty database: one migrates and seeds, the other waits for it.
      const shared = { DATABASE_URL: databaseUrl, RATE_LIMIT_LOGIN_FAILURES_PER_EMAIL: "3" };
      const [a, b] = await Promise.all([startServer(shared), startServer(shared)]);

      // Sign in on A; the session is valid on B, and signing out on B ends it on A.
      const owner = browser();
      const logIn = await owner.graphql<{ logIn: { user: { email: string } } }>(a, LOG_IN, {
        input: DEMO,
      });
      expect(logIn.body.data?.logIn.user.email).toBe(DEMO.email);
      const onB = await owner.graphql<{ viewer: { user: { email: string } } }>(b, WHO);
      expect(onB.body.data?.viewer.user.email).toBe(DEMO.email);

      // A job queued by B (the invitation email) is delivered exactly once although both processes run workers.
      const invitee = `several-${randomUUID()}@example.test`;
      const invited = await owner.graphql<{
        inviteUsers: { invitations: { id: string }[]; userErrors: unknown[] };
      }>(b, INVITE, { email: invitee });
      expect(invited.body.data?.inviteUsers.userErrors).toEqual([]);
      const outbox = await waitUntil(
        () =>
          withClient(databaseUrl, async (client) => {
            const { rows } = await client.query<{ id: string; status: string; attempts: number }>(
              "SELECT id, status, attempts FROM outbox WHERE to_address = $1",
              [invitee],
            );
            return rows.length === 1 && rows[0]!.status === "SENT" ? rows[0]! : null;
          }),
        "the invitation email to be sent",
      );
      expect(outbox.attempts).toBe(1);
      const jobs = await waitUntil(
        () =>
          withClient(databaseUrl, async (client) => {
            const { rows } = await client.query<{ state: string; retry_count: number }>(
              "SELECT state, retry_count FROM pgboss.job WHERE name = 'mail-send' AND data->>'outboxId' = $1",
              [outbox.id],
            );
            return rows.length === 1 && rows[0]!.state === "completed" ? rows : null;
          }),
        "the mail job to complete",
      );
      expect(jobs).toEqual([{ state: "completed", retry_count: 0 }]);
      // The dev mailbox is in the database: A shows the email B queued, once.
      const mailbox = (await (await fetch(`${a.url}/api/dev/mailbox`)).json()) as {
        messages: { to: string }[];
      };
      expect(mailbox.messages.filter((message) => message.to === invitee)).toHaveLength(1);

      // An idempotency key used on A is known to B.
      const key = randomUUID();
      const first = await owner.graphql<{ createPartner: { partner: { id: string } } }>(
        a,
        CREATE_PARTNER,
        { name: "Shared Key Ltd" },
        { "idempotency-key": key },
      );
      const retried = await owner.graphql<{ createPartner: { partner: { id: string } } }>(
        b,
        CREATE_PARTNER,
        { name: "Shared Key Ltd" },
        { "idempotency-key": key },
      );
      expect(retried.headers.get("idempotent-replayed")).toBe("true");
      expect(retried.body).toEqual(first.body);
      const partners = await withClient(databaseUrl, (client) =>
        client.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM partners WHERE company_name = 'Shared Key Ltd'",
        ),
      );
      expect(partners.rows[0]?.n).toBe(1);

      // Rate limits are shared: failed log-ins for one email, alternating between A and B, reach the
      // limit (3, set for both processes) together; the next attempt is refused on either process.
      const guesser = browser();
      const guess = {
        email: `guessed-${randomUUID()}@example.test`,
        password: "wrong password guess",
      };
      for (const server of [a, b, a]) {
        const failed = await guesser.graphql<{ logIn: { userErrors: { code: string }[] } }>(
          server,
          LOG_IN,
          { input: guess },
        );
        expect(failed.body.data?.logIn.userErrors.map((error) => error.code)).toEqual([
          "BAD_CREDENTIALS",
        ]);
      }
      for (const server of [b, a]) {
        const blocked = await guesser.graphql<{ logIn: { userErrors: { code: string }[] } }>(
          server,
          LOG_IN,
          { input: guess },
        );
        expect(blocked.body.data?.logIn.userErrors.map((error) => error.code)).toEqual([
          "RATE_LIMITED",
        ]);
      }

      const logOut = await owner.graphql<{ logOut: { ok: boolean } }>(b, LOG_OUT);
      expect(logOut.body.data?.logOut.ok).toBe(true);
      const afterLogOut = await owner.graphql<{ viewer: { user: null } | null }>(a, WHO);
      expect(afterLogOut.body.data?.viewer?.user ?? null).toBeNull();

      // No process logged an error (pino level 50+).
      expect(a.output()).not.toMatch(/"level":(50|60)/);
      expect(b.output()).not.toMatch(/"level":(50|60)/);
    },
    TEST_TIMEOUT_MS,
  );
});

/** Pids whose command line mentions `needle` (the embedded postmaster runs `postgres -D <DATA_DIR>/pg`). */
function pidsMentioning(needle: string): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
    .filter((entry) => {
      try {
        return readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(needle);
      } catch {
        return false; // The process ended while we looked.
      }
    })
    .map(Number);
}

describe("WEB_CONCURRENCY=2 (node:cluster)", () => {
  test(
    "the primary starts the embedded database once, two workers serve, SIGTERM stops them and the database",
    async () => {
      const server = await startServer({ WEB_CONCURRENCY: "2" });
      const dataDir = server.dataDir;
      await waitUntil(
        async () => server.output().includes("Partner Network is running"),
        "the start-up line",
      );
      expect(server.output().match(/Partner Network is running/g)).toHaveLength(1);
      expect(server.output()).toContain("with 2 server processes");
      const workers = readdirSync("/proc").filter((entry) => {
        try {
          return (
            readFileSync(`/proc/${entry}/status`, "utf8").includes(
              `PPid:\t${server.child.pid}\n`,
            ) && readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("main.js")
          );
        } catch {
          return false;
        }
      });
      expect(workers).toHaveLength(2);
      expect(pidsMentioning(dataDir).length).toBeGreaterThan(0);

      // Requests land on either worker; the session must hold on every one of them.
      const owner = browser();
      await owner.graphql(server, LOG_IN, { input: DEMO });
      for (let request = 0; request < 6; request += 1) {
        const who = await owner.graphql<{ viewer: { user: { email: string } } }>(server, WHO);
        expect(who.body.data?.viewer.user.email).toBe(DEMO.email);
      }

      server.child.kill("SIGTERM");
      expect(await server.exit).toBe(0);
      expect(pidsMentioning(dataDir)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
