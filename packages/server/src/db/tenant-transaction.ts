/**
 * One database transaction per request, on the app role's pool, with the tenant set
 * by `set_config(…, true)` so it ends with the transaction and a pooled connection
 * never carries it to the next request. Every query of the request (services,
 * loaders, resolvers) runs in it through `manager`; services' own
 * `db.transaction(…)` become savepoints inside it.
 *
 * Cheap by construction: nothing happens until the first query, and then BEGIN and
 * the settings travel in one round trip; COMMIT is the second. Neither goes through
 * TypeORM's logger, so `x-sql-statements` keeps counting the request's own statements.
 * Bookkeeping that every request does (the cost budget's charge and refund) rides along
 * in those two round trips instead of taking its own (`beginAfter`, `afterCommit`).
 */
import type { DataSource, EntityManager, QueryRunner } from "typeorm";
import { sendCancelRequest, type CancelTarget } from "./cancel-request";
import { execute, queryRows, simpleQueryLiteral } from "./sql";

/**
 * A statement asked for after the request's transaction ended: the client went away (or the
 * deadline answered for it) while resolvers were still running. Nobody will read the field,
 * so it is not an error worth a log line; the request log says once that it was aborted.
 */
export class TransactionEndedError extends Error {
  constructor() {
    super("the request's transaction has ended");
    this.name = "TransactionEndedError";
  }
}

export type Tenant = { accountId: string | null; userId: string | null };

/** What a request's transaction is opened with beyond its tenant. */
export type TenantTransactionOptions = {
  /** Stops the statement running on a session (the default sends PostgreSQL's CancelRequest). */
  cancelStatement?: CancelStatement;
  /**
   * A read sent in the BEGIN round trip, after the settings, so it sees the tenant and the
   * snapshot of everything committed before the request's first statement; its rows come
   * from `openingRows()`. The credential re-check of a viewer answered from memory (app).
   */
  readWithBegin?: string;
};

/** node-postgres' client; its session's address and cancel key are known once connected. */
type PgClient = CancelTarget & { query(sql: string): Promise<unknown> };

/** Stops the statement running on a session (the default sends PostgreSQL's CancelRequest). */
export type CancelStatement = (client: CancelTarget) => Promise<void>;

/** Rows one statement of a multi-statement simple query returned. */
export type StatementRows = unknown[];

/**
 * The two slots of the request's transaction for statements that must not cost a round
 * trip of their own (the cost budget); the app wires it into the context.
 */
export type TransactionPiggyback = {
  /**
   * Opens the transaction now, sending `statement` first in a transaction of its own that
   * commits at once, then BEGIN and the settings: one round trip. What it writes stays
   * whatever the request's transaction does, and it holds no lock past its own COMMIT.
   * Null when the transaction was already open or has ended: run it elsewhere.
   */
  beginAfter(statement: string): Promise<StatementRows | null>;
  /**
   * Sends the statement `statement` resolves to right after the transaction's COMMIT (or
   * the ROLLBACK of an abandoned request), in the same round trip, as its own implicit
   * transaction. It must not raise: its error would read as the commit's. The result is
   * null when it was not sent (rolled back without it, a failed COMMIT, or a null
   * statement): the caller does its work elsewhere if it still matters.
   */
  afterCommit(statement: Promise<string | null>): Promise<StatementRows | null>;
};

/** node-postgres answers a multi-statement query with one result per statement. */
function rowsOf(results: unknown, index: number): StatementRows {
  const list = Array.isArray(results) ? results : [results];
  return ((list[index] as { rows?: unknown[] } | undefined)?.rows ?? []) as StatementRows;
}

/** PostgreSQL's "canceling statement due to statement timeout" (SQLSTATE 57014 with that reason). */
function isStatementTimeout(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === "57014" && typeof message === "string" && message.includes("statement timeout");
}

/** A setting's value: a tenant's id, or empty for none. */
function uuidLiteral(value: string | null): string {
  return value === null ? "''" : simpleQueryLiteral.uuid(value);
}

export class TenantTransaction implements TransactionPiggyback {
  readonly manager: EntityManager;
  private readonly runner: QueryRunner;
  private opened: Promise<PgClient> | null = null;
  /** One statement at a time on the connection: loaders resolving together would otherwise overlap on it. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Statements sent or waiting; more than none when the response leaves means resolvers were abandoned. */
  private pending = 0;
  private finished = false;
  /** Statements the request sent through this transaction (`x-sql-statements`); BEGIN and COMMIT not counted. */
  statements = 0;
  /** `statement_timeout` sent with BEGIN, in milliseconds (the operation's deadline); 0 is none. */
  private statementTimeoutMs = 0;
  /** Set once the operation's deadline passed: every statement fails with it from then on. */
  private expiredWith: Error | null = null;
  /** What a statement PostgreSQL stopped at `statement_timeout` fails with (the deadline's error). */
  private timeoutError: (() => Error) | null = null;
  private afterEnd: {
    statement: Promise<string | null>;
    settle(rows: StatementRows | null): void;
  } | null = null;
  /**
   * The last cancel sent for this transaction's session. The session sends nothing more
   * (ROLLBACK, or the next request's statements once pooled) until it has arrived: a cancel
   * still on its way when its statement ended by itself would stop whatever ran next.
   */
  private cancelling: Promise<void> = Promise.resolve();
  private readonly cancelStatement: CancelStatement;
  private readonly readWithBegin: string | null;
  /** The rows of `readWithBegin`, once the transaction is open. */
  private openingRead: Promise<StatementRows> | null = null;

  constructor(
    dataSource: DataSource,
    private tenant: Tenant,
    options: TenantTransactionOptions = {},
  ) {
    this.cancelStatement = options.cancelStatement ?? sendCancelRequest;
    this.readWithBegin = options.readWithBegin ?? null;
    const runner = dataSource.createQueryRunner();
    this.runner = runner;
    this.manager = runner.manager;
    const query = runner.query.bind(runner);
    runner.query = ((...args: Parameters<QueryRunner["query"]>) => {
      this.pending += 1;
      this.statements += 1;
      const result = this.queue
        .then(async () => {
          if (this.expiredWith) throw this.expiredWith;
          await this.open();
          return query(...args);
        })
        // The statement the deadline cancelled fails as the deadline, not as a cancelled query.
        .catch((error: unknown) => {
          // PostgreSQL's own wall (statement_timeout) can fire before this process's timer,
          // e.g. when the process is busy: that is the deadline too, and it ends the operation.
          if (!this.expiredWith && this.timeoutError && isStatementTimeout(error))
            this.expiredWith = this.timeoutError();
          throw this.expiredWith ?? error;
        })
        .finally(() => {
          this.pending -= 1;
        });
      this.queue = result.catch(() => undefined);
      return result;
    }) as QueryRunner["query"];
    this.nestServiceTransactionsAsSavepoints(runner);
  }

  /**
   * A service's `db.transaction(…)` runs inside the request's transaction, so it opens a
   * savepoint there and ends it with RELEASE or ROLLBACK TO; the statements go through
   * the runner's `query` like every other.
   */
  private nestServiceTransactionsAsSavepoints(runner: QueryRunner): void {
    let depth = 0;
    const savepoint = (level: number) => `service_transaction_${level}`;
    runner.startTransaction = async () => {
      await runner.query(`SAVEPOINT ${savepoint(depth + 1)}`);
      depth += 1;
    };
    const end = async (statement: "RELEASE SAVEPOINT" | "ROLLBACK TO SAVEPOINT") => {
      if (depth === 0) throw new Error("no service transaction is open");
      await runner.query(`${statement} ${savepoint(depth)}`);
      depth -= 1;
    };
    runner.commitTransaction = () => end("RELEASE SAVEPOINT");
    runner.rollbackTransaction = () => end("ROLLBACK TO SAVEPOINT");
  }

  private open(): Promise<PgClient> {
    if (this.finished) return Promise.reject(new TransactionEndedError());
    if (!this.opened) this.openWith(this.beginStatement(), 0);
    return this.opened!;
  }

  /**
   * Opens the transaction with `sql`, whose statement number `beginAt` is the BEGIN, and
   * keeps the rows of `readWithBegin`, which follows the settings.
   */
  private openWith(sql: string, beginAt: number): Promise<{ client: PgClient; results: unknown }> {
    const connected = this.connectWith(sql);
    if (this.readWithBegin !== null)
      this.openingRead = connected.then(({ results }) => rowsOf(results, beginAt + 2));
    this.opened = connected.then(({ client }) => client);
    return connected;
  }

  /**
   * The rows of `readWithBegin`; opens the transaction if nobody has yet. Rejects as the
   * opening did (the pool was full, a statement failed).
   */
  openingRows(): Promise<StatementRows> {
    if (this.readWithBegin === null) return Promise.resolve([]);
    if (!this.opened) void this.open().catch(() => undefined);
    return this.openingRead ?? Promise.reject(new TransactionEndedError());
  }

  /**
   * The request now acts for someone else (its credential changed under it): the settings
   * change inside the open transaction, or the BEGIN will carry them.
   */
  async retarget(tenant: Tenant): Promise<void> {
    this.tenant = tenant;
    if (!this.opened) return;
    await execute(
      this.manager,
      "SELECT set_config('app.account_id', $1, true), set_config('app.user_id', $2, true)",
      [tenant.accountId ?? "", tenant.userId ?? ""],
    );
  }

  /**
   * BEGIN with the tenant's settings and the operation's statement_timeout;
   * `set_config(…, true)` ends with the transaction. Then `readWithBegin`, if any.
   */
  private beginStatement(): string {
    const timeout =
      this.statementTimeoutMs > 0
        ? `, set_config('statement_timeout', '${Math.ceil(this.statementTimeoutMs)}', true)`
        : "";
    const read = this.readWithBegin === null ? "" : `; ${this.readWithBegin}`;
    return (
      `BEGIN; SELECT set_config('app.account_id', ${uuidLiteral(this.tenant.accountId)}, true), ` +
      `set_config('app.user_id', ${uuidLiteral(this.tenant.userId)}, true)${timeout}${read}`
    );
  }

  /** Connects and sends `sql`, which opens the transaction; on failure the connection goes back clean or not at all. */
  private async connectWith(sql: string): Promise<{ client: PgClient; results: unknown }> {
    const client = (await this.runner.connect()) as PgClient;
    try {
      return { client, results: await client.query(sql) };
    } catch (error) {
      // A statement failed inside BEGIN: end that transaction so the connection is not pooled aborted.
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  }

  beginAfter(statement: string): Promise<StatementRows | null> {
    if (this.finished || this.opened) return Promise.resolve(null);
    // BEGIN; the statement; COMMIT; then the request's BEGIN (statement 3).
    return this.openWith(`BEGIN; ${statement}; COMMIT; ${this.beginStatement()}`, 3).then(
      ({ results }) => rowsOf(results, 1),
    );
  }

  afterCommit(statement: Promise<string | null>): Promise<StatementRows | null> {
    if (this.finished || this.afterEnd) return Promise.resolve(null);
    return new Promise((settle) => {
      this.afterEnd = { statement, settle };
    });
  }

  /**
   * The operation must be done within `timeoutMs` (resolver-timeout.ts): sent with BEGIN as
   * `statement_timeout`, so PostgreSQL stops a statement even if this process cannot. Only
   * before the first statement; a transaction already open keeps what it has.
   */
  limitTime(timeoutMs: number, timeoutError: () => Error): void {
    if (this.opened) return;
    this.statementTimeoutMs = timeoutMs;
    this.timeoutError = timeoutError;
  }

  /**
   * The operation's deadline passed: the statement running is cancelled and every statement
   * of the request fails with `error` from now on, so the resolvers waiting on the database
   * answer at once. The transaction then ends with a rollback.
   */
  async expire(error: Error): Promise<void> {
    if (this.expiredWith || this.finished) return;
    this.expiredWith = error;
    if (this.pending === 0 || !this.opened) return;
    await this.cancelRunningStatement(this.opened);
  }

  /**
   * Cancels the statement running on the session; `finish` waits for it before the session
   * sends anything else. A failed cancel leaves the statement to its statement_timeout.
   */
  private cancelRunningStatement(opened: Promise<PgClient>): Promise<void> {
    const previous = this.cancelling;
    const sent = opened.then(
      async (client) => {
        await previous;
        await this.cancelStatement(client);
      },
      () => undefined,
    );
    this.cancelling = sent.catch(() => undefined);
    return sent;
  }

  /**
   * Commits (or rolls back) and returns the connection to the pool; later calls do nothing.
   * `abandon` is for a response that went out before its resolvers finished (the query
   * deadline): the statement still running is cancelled, not waited for, since the COMMIT
   * would queue behind it on the connection and hold the response, then it rolls back.
   */
  async finish(outcome: "commit" | "rollback" | "abandon"): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    const afterEnd = this.afterEnd;
    let sentAfterEnd: StatementRows | null = null;
    try {
      await this.end(outcome, afterEnd, (rows) => (sentAfterEnd = rows));
    } finally {
      afterEnd?.settle(sentAfterEnd);
    }
  }

  private async end(
    outcome: "commit" | "rollback" | "abandon",
    afterEnd: TenantTransaction["afterEnd"],
    sent: (rows: StatementRows) => void,
  ): Promise<void> {
    // A transaction that never got a connection (the pool was full) has nothing to end.
    const client = this.opened ? await this.opened.catch(() => null) : null;
    if (!client) {
      await this.runner.release();
      return;
    }
    // After the deadline the transaction has failed statements: it rolls back.
    const end = outcome === "commit" && !this.expiredWith ? "COMMIT" : "ROLLBACK";
    try {
      if (outcome === "abandon") {
        // Statements queued behind the running one fail at once: the transaction has ended.
        if (this.pending > 0) await this.cancelRunningStatement(this.opened!);
        await this.queue;
      }
      await this.cancelling;
      // A plain rollback (Apollo answered without executing) does not wait for it.
      const extra =
        outcome !== "rollback" && afterEnd ? await afterEnd.statement.catch(() => null) : null;
      // After a failed COMMIT the rest of the query string is skipped: nothing is sent then.
      // Its rows are typed by whoever reads them (the cost budget's `read`).
      if (extra) sent(rowsOf(await client.query(`${end}; ${extra}`), 1));
      else await client.query(end);
    } catch (error) {
      // The connection's state is unknown: destroy it rather than pool it.
      // `release()` ignores its argument; this is what tells the pool to close the connection.
      const runner = this.runner as unknown as {
        releasePostgresConnection(error?: Error): Promise<void>;
      };
      await runner
        .releasePostgresConnection(error instanceof Error ? error : new Error(String(error)))
        .catch(() => undefined);
      // A COMMIT that failed is the request's failure. A ROLLBACK that failed is not: closing
      // the connection rolls the transaction back all the same, and the answer stands.
      if (end === "COMMIT") throw error;
      return;
    }
    await this.runner.release();
  }
}

async function setting(db: EntityManager, name: string, value: string): Promise<void> {
  await execute(db, "SELECT set_config($1, $2, true)", [name, value]);
}

/**
 * Named, explicit ways to move the tenant inside a request's transaction. Each use
 * is a cross-tenant flow listed in SECURITY.md ("Row-level security").
 */
export const tenantScope = {
  /** The request now acts in this account (sign-up created it). */
  enterAccount(db: EntityManager, accountId: string): Promise<void> {
    return setting(db, "app.account_id", accountId);
  },

  /** The request now knows who the person is (log-in, sign-up, accepting an invitation). */
  identifyUser(db: EntityManager, userId: string): Promise<void> {
    return setting(db, "app.user_id", userId);
  },

  /**
   * Runs `work` with other accounts' rows reachable as well as the current one's,
   * for the flows that legitimately write in two accounts (the partner network) or
   * act before sign-in on an account an invitation token names.
   */
  async reachInto<T>(
    db: EntityManager,
    accountIds: (string | null)[],
    work: () => Promise<T>,
  ): Promise<T> {
    const ids = accountIds.filter((id): id is string => id !== null);
    if (ids.length === 0) return work();
    const [row] = await queryRows<{ previous: string | null }>(
      db,
      `SELECT current_setting('app.network_account_ids', true) AS previous,
         set_config('app.network_account_ids', concat_ws(',', nullif(current_setting('app.network_account_ids', true), ''), $1::text), true)`,
      [ids.join(",")],
    );
    const previous = row?.previous ?? null;
    let failed = false;
    try {
      return await work();
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      // After a failure the transaction may be aborted; the savepoint's rollback restores the setting then.
      await setting(db, "app.network_account_ids", previous ?? "").catch((error: unknown) => {
        if (!failed) throw error;
      });
    }
  },
};

/**
 * A read-only REPEATABLE READ transaction of the app role that sees one account's rows
 * (one consistent snapshot, e.g. for the account backup). The caller ends it with
 * ROLLBACK and releases the runner.
 */
export async function openAccountSnapshot(
  dataSource: DataSource,
  tenant: Tenant,
): Promise<QueryRunner> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await execute(runner.manager, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await execute(
      runner.manager,
      "SELECT set_config('app.account_id', $1, true), set_config('app.user_id', $2, true)",
      [tenant.accountId ?? "", tenant.userId ?? ""],
    );
    return runner;
  } catch (error) {
    await runner.release().catch(() => undefined);
    throw error;
  }
}
