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
 */
import type { DataSource, EntityManager, QueryRunner } from "typeorm";
import { execute, queryRows } from "./sql";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

/** node-postgres' client: `processID` is the backend's pid, known once connected. */
type PgClient = { query(sql: string): Promise<unknown>; processID?: number | null };

/** A literal for the settings: only UUIDs ever get here, checked, so quoting is trivial. */
function uuidLiteral(value: string | null): string {
  if (value === null) return "''";
  if (!UUID.test(value)) throw new Error("tenant ids must be UUIDs");
  return `'${value}'`;
}

export class TenantTransaction {
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

  constructor(
    private readonly dataSource: DataSource,
    private readonly tenant: Tenant,
  ) {
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
    this.opened ??= (async () => {
      const client = (await this.runner.connect()) as PgClient;
      const timeout =
        this.statementTimeoutMs > 0
          ? `, set_config('statement_timeout', '${Math.ceil(this.statementTimeoutMs)}', true)`
          : "";
      await client.query(
        `BEGIN; SELECT set_config('app.account_id', ${uuidLiteral(this.tenant.accountId)}, true), ` +
          `set_config('app.user_id', ${uuidLiteral(this.tenant.userId)}, true)${timeout}`,
      );
      return client;
    })();
    return this.opened;
  }

  /**
   * The operation must be done within `timeoutMs` (resolver-timeout.ts): sent with BEGIN as
   * `statement_timeout`, so PostgreSQL stops a statement even if this process cannot. Only
   * before the first statement; a transaction already open keeps what it has.
   */
  limitTime(timeoutMs: number): void {
    if (!this.opened) this.statementTimeoutMs = timeoutMs;
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
    const client = await this.opened.catch(() => null);
    if (client?.processID)
      await execute(this.dataSource.manager, "SELECT pg_cancel_backend($1)", [client.processID]);
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
    try {
      if (this.opened) {
        // A transaction that never got a connection (the pool was full) has nothing to end.
        const client = await this.opened.catch(() => null);
        if (!client) {
          await this.runner.release();
          return;
        }
        if (outcome === "abandon") {
          // Statements queued behind the running one fail at once: the transaction has ended.
          if (this.pending > 0 && client.processID) {
            await execute(this.dataSource.manager, "SELECT pg_cancel_backend($1)", [
              client.processID,
            ]);
          }
          await this.queue;
        }
        await client.query(outcome === "commit" && !this.expiredWith ? "COMMIT" : "ROLLBACK");
      }
    } catch (error) {
      // The connection's state is unknown: destroy it rather than pool it.
      // `release()` ignores its argument; this is what tells the pool to close the connection.
      const runner = this.runner as unknown as {
        releasePostgresConnection(error?: Error): Promise<void>;
      };
      await runner
        .releasePostgresConnection(error instanceof Error ? error : new Error(String(error)))
        .catch(() => undefined);
      throw error;
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
