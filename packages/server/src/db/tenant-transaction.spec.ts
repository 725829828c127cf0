/**
 * A client that disconnects mid-request ends the request's transaction; the resolvers still
 * running then fail with TransactionEndedError, which the error formatter reports without
 * a log line each (the request log says once that the request was aborted).
 */
import { GraphQLError } from "graphql";
import pino from "pino";
import { createErrorFormatter } from "../graphql/errors";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { waitFor } from "../test-support/wait-for";
import { sendCancelRequest } from "./cancel-request";
import { queryRows } from "./sql";
import { TenantTransaction, TransactionEndedError } from "./tenant-transaction";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino(
    { level: "debug" },
    { write: (line: string) => lines.push(JSON.parse(line)) },
  );
  return { logger, lines };
}

/**
 * Starts `SELECT pg_sleep(30)` in the transaction and returns once PostgreSQL is running it;
 * `outcome` settles with what the statement ended with (its rows or its error).
 */
async function sleepRunningIn(
  transaction: TenantTransaction,
): Promise<{ outcome: Promise<unknown> }> {
  const outcome = queryRows(transaction.manager, "SELECT pg_sleep(30)").catch(
    (error: unknown) => error,
  );
  await waitFor("the sleep to run", async () => {
    const [row] = await queryRows<{ pid: number }>(
      db.dataSource.manager,
      "SELECT pid FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)' AND state = 'active'",
    );
    return row;
  });
  return { outcome };
}

it("answers statements after the transaction ended with TransactionEndedError, logged by nobody", async () => {
  const transaction = new TenantTransaction(db.dataSource, { accountId: null, userId: null });
  expect(await queryRows<{ one: number }>(transaction.manager, "SELECT 1 AS one")).toEqual([
    { one: 1 },
  ]);
  await transaction.finish("rollback");
  const late = await queryRows(transaction.manager, "SELECT 1").catch((error: unknown) => error);
  expect(late).toBeInstanceOf(TransactionEndedError);

  const { logger, lines } = capturingLogger();
  const format = createErrorFormatter(logger);
  const asReported = (error: Error) =>
    new GraphQLError(error.message, { path: ["members", 3, "user"], originalError: error });
  const formatted = format(
    { message: "x", path: ["members", 3, "user"] },
    asReported(late as Error),
  );
  expect(formatted.extensions?.code).toBe("REQUEST_ENDED");
  expect(lines).toEqual([]);

  // Anything else escaping a resolver is still a logged internal error.
  const bug = format({ message: "x", path: ["members"] }, asReported(new Error("a bug")));
  expect(bug.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
  expect(lines.map((line) => line.msg)).toEqual(["unexpected error in GraphQL operation"]);
});

describe("the operation's deadline", () => {
  it("sends the deadline as statement_timeout with BEGIN, so PostgreSQL stops a statement by itself, failing it and every later one as the deadline", async () => {
    const transaction = new TenantTransaction(db.dataSource, { accountId: null, userId: null });
    const deadline = new Error("the deadline");
    transaction.limitTime(250, () => deadline);
    try {
      const [row] = await queryRows<{ timeout: string }>(
        transaction.manager,
        "SELECT current_setting('statement_timeout') AS timeout",
      );
      expect(row?.timeout).toBe("250ms");
      const slow = await queryRows(transaction.manager, "SELECT pg_sleep(5)").catch(
        (error: unknown) => error,
      );
      expect(slow).toBe(deadline);
      expect(
        await queryRows(transaction.manager, "SELECT 1").catch((error: unknown) => error),
      ).toBe(deadline);
    } finally {
      await transaction.finish("rollback");
    }
    // SET LOCAL: the pooled connection does not keep it.
    const [after] = await queryRows<{ timeout: string }>(
      db.dataSource.manager,
      "SELECT current_setting('statement_timeout') AS timeout",
    );
    expect(after?.timeout).not.toBe("250ms");
  });

  it("expire cancels the running statement, fails it and every later one with the deadline's error, and rolls back", async () => {
    const transaction = new TenantTransaction(db.dataSource, { accountId: null, userId: null });
    await queryRows(transaction.manager, "CREATE TEMP TABLE deadline_marks (n int)");
    await queryRows(transaction.manager, "INSERT INTO deadline_marks VALUES (1)");
    // The sleep is running in PostgreSQL before the deadline passes.
    const { outcome: running } = await sleepRunningIn(transaction);
    const queued = queryRows(transaction.manager, "SELECT 1").catch((error: unknown) => error);
    const deadline = new Error("the deadline");
    await transaction.expire(deadline);
    expect(await running).toBe(deadline);
    expect(await queued).toBe(deadline);
    expect(await queryRows(transaction.manager, "SELECT 1").catch((error: unknown) => error)).toBe(
      deadline,
    );
    await transaction.finish("commit");
    const [still] = await queryRows<{ count: number }>(
      db.dataSource.manager,
      "SELECT count(*)::int AS count FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)' AND state = 'active'",
    );
    expect(still?.count).toBe(0);
  });
  it("sends nothing more on the session until a late cancel has arrived", async () => {
    // The cancel is held at a gate: the statement ends by PostgreSQL's statement_timeout
    // while the process's cancel is still on its way, as on a busy machine.
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const cancelsAsked: number[] = [];
    const transaction = new TenantTransaction(
      db.dataSource,
      { accountId: null, userId: null },
      {
        async cancelStatement(client) {
          cancelsAsked.push(client.processID ?? 0);
          await gate;
          await sendCancelRequest(client);
        },
      },
    );
    const deadline = new Error("the deadline");
    transaction.limitTime(300, () => deadline);
    const [{ pid }] = (await queryRows<{ pid: number }>(
      transaction.manager,
      "SELECT pg_backend_pid() AS pid",
    )) as [{ pid: number }];
    const { outcome: running } = await sleepRunningIn(transaction);
    const expiring = transaction.expire(deadline);
    expect(await running).toBe(deadline);
    expect(cancelsAsked).toHaveLength(1);
    let finished = false;
    const finishing = transaction.finish("abandon").then(() => (finished = true));
    // While the cancel is held, the session is still in its failed transaction: no ROLLBACK
    // was sent for the late cancel to stop.
    const [held] = await queryRows<{ state: string }>(
      db.dataSource.manager,
      "SELECT state FROM pg_stat_activity WHERE pid = $1",
      [pid],
    );
    expect(held?.state).toBe("idle in transaction (aborted)");
    expect(finished).toBe(false);
    openGate();
    await expiring;
    await finishing;
    // The connection went back to the pool rolled back (idle, or it is the one asking).
    const [after] = await queryRows<{ state: string; self: boolean }>(
      db.dataSource.manager,
      "SELECT state, pid = pg_backend_pid() AS self FROM pg_stat_activity WHERE pid = $1",
      [pid],
    );
    expect(after?.self || after?.state === "idle").toBe(true);
  });

  it("a ROLLBACK that fails closes the connection and is no error of the request's; a failed COMMIT is", async () => {
    const ended = async (outcome: "commit" | "rollback" | "abandon") => {
      const transaction = new TenantTransaction(db.dataSource, { accountId: null, userId: null });
      const [{ pid }] = (await queryRows<{ pid: number }>(
        transaction.manager,
        "SELECT pg_backend_pid() AS pid",
      )) as [{ pid: number }];
      // The session is gone under the transaction, as when the server or a proxy drops it.
      await queryRows(db.dataSource.manager, "SELECT pg_terminate_backend($1)", [pid]);
      return transaction.finish(outcome).then(
        () => "ended",
        (error: unknown) => error,
      );
    };
    expect(await ended("rollback")).toBe("ended");
    expect(await ended("abandon")).toBe("ended");
    expect(await ended("commit")).toBeInstanceOf(Error);
  });

  it("stops a statement with PostgreSQL's CancelRequest, naming the session by its key", async () => {
    const transaction = new TenantTransaction(db.dataSource, { accountId: null, userId: null });
    const { outcome: running } = await sleepRunningIn(transaction);
    await transaction.expire(new Error("the deadline"));
    expect(await running).toEqual(new Error("the deadline"));
    await transaction.finish("rollback");
    // A key nobody holds is refused by the server without harm.
    await expect(
      sendCancelRequest({ host: "127.0.0.1", port: 1, processID: 1, secretKey: 1 }),
    ).rejects.toThrow();
  });
});

describe("statements riding on BEGIN and COMMIT (the cost budget's)", () => {
  const bucket = (key: string) =>
    queryRows<{ available: number }>(
      db.dataSource.manager,
      "SELECT available FROM rate_limit_buckets WHERE key = $1",
      [key],
    );
  const spend = (key: string) =>
    `SELECT available, granted FROM pn_spend_cost('${key}', 10::float8, 100::float8, now(), 0::float8)`;

  it("keeps what the statement before BEGIN wrote when the request rolls back", async () => {
    const transaction = new TenantTransaction(db.dataSource, { accountId: null, userId: null });
    const rows = await transaction.beginAfter(spend("cost:rolled-back"));
    expect(rows).toEqual([{ available: 90, granted: true }]);
    // The request's own transaction is open behind it, with its settings.
    await queryRows(transaction.manager, "SELECT current_setting('app.account_id', true)");
    await transaction.finish("rollback");
    expect(await bucket("cost:rolled-back")).toEqual([{ available: 90 }]);
  });

  it("sends the statement after COMMIT only on a commit, and tells the caller when it did not", async () => {
    const committed = new TenantTransaction(db.dataSource, { accountId: null, userId: null });
    await committed.beginAfter(spend("cost:settled"));
    const refunded = committed.afterCommit(
      Promise.resolve(
        "SELECT available, refunded FROM pn_refund_cost('cost:settled', 4::float8, 100::float8, now(), 0::float8)",
      ),
    );
    await committed.finish("commit");
    expect(await refunded).toEqual([{ available: 94, refunded: true }]);

    const rolledBack = new TenantTransaction(db.dataSource, { accountId: null, userId: null });
    await rolledBack.beginAfter(spend("cost:unsettled"));
    const notSent = rolledBack.afterCommit(new Promise<string | null>(() => undefined));
    await rolledBack.finish("rollback");
    expect(await notSent).toBeNull();
    expect(await bucket("cost:unsettled")).toEqual([{ available: 90 }]);
  });

  it("opens no second time: once the transaction is open, beginAfter declines", async () => {
    const transaction = new TenantTransaction(db.dataSource, { accountId: null, userId: null });
    await queryRows(transaction.manager, "SELECT 1");
    expect(await transaction.beginAfter(spend("cost:late"))).toBeNull();
    await transaction.finish("commit");
    expect(await bucket("cost:late")).toEqual([]);
  });
});

describe("a read sent with BEGIN", () => {
  const READ = "SELECT current_setting('app.user_id') AS user_id, now() AS began";
  const tenant = { accountId: crypto.randomUUID(), userId: crypto.randomUUID() };

  it("travels in the opening round trip, after the settings, whichever call opens the transaction", async () => {
    const byStatement = new TenantTransaction(db.dataSource, tenant, { readWithBegin: READ });
    const [{ now }] = await queryRows<{ now: Date }>(byStatement.manager, "SELECT now() AS now");
    const [row] = (await byStatement.openingRows()) as { user_id: string; began: Date }[];
    // Same transaction (one now()), and it saw the tenant's settings.
    expect(row).toEqual({ user_id: tenant.userId, began: now });
    await byStatement.finish("commit");

    const byCharge = new TenantTransaction(db.dataSource, tenant, { readWithBegin: READ });
    expect(await byCharge.beginAfter("SELECT 7 AS charged")).toEqual([{ charged: 7 }]);
    expect(await byCharge.openingRows()).toEqual([
      { user_id: tenant.userId, began: expect.any(Date) },
    ]);
    await byCharge.finish("commit");

    // Asked first, it opens the transaction itself.
    const byAsking = new TenantTransaction(db.dataSource, tenant, { readWithBegin: READ });
    expect(await byAsking.openingRows()).toEqual([
      { user_id: tenant.userId, began: expect.any(Date) },
    ]);
    await byAsking.finish("rollback");
  });

  it("acts for another tenant once retargeted, inside the open transaction", async () => {
    const transaction = new TenantTransaction(db.dataSource, tenant, { readWithBegin: READ });
    await transaction.openingRows();
    await transaction.retarget({ accountId: null, userId: null });
    expect(
      await queryRows(
        transaction.manager,
        "SELECT current_setting('app.account_id') AS account_id, current_setting('app.user_id') AS user_id",
      ),
    ).toEqual([{ account_id: "", user_id: "" }]);
    await transaction.finish("rollback");
  });
});
