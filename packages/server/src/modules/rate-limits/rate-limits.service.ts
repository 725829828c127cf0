/**
 * Rate limits kept in PostgreSQL, so every server process on the same database
 * shares them. Two shapes, each changed by one atomic UPSERT (no read-then-write race):
 *
 * - a leaky bucket per session and per API token for query cost (Shopify style:
 *   `costCapacity` points, refilled at `costRestorePerSecond`);
 * - fixed-window counters for log-in failures (per email, per IP), invitation emails
 *   per account per 24 hours, and unknown invitation tokens tried per IP.
 *
 * A counter only grows when the new total still fits, so a refused attempt costs the
 * caller nothing and the count never passes its limit. Time comes from the injectable
 * clock, so tests move it instead of waiting.
 */
import { emailKey, retryAfterText, UserErrorCode } from "@pn/shared";
import type { EntityManager } from "typeorm";
import { clock } from "../../clock";
import type { RateLimitSettings } from "../../config";
import { execute, queryRows } from "../../db/sql";
import { userError, type UserError } from "../../graphql/user-error";

const DAY_SECONDS = 24 * 60 * 60;

/** What Shopify reports as `extensions.cost.throttleStatus`. */
export type ThrottleStatus = {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
};

export type CostSpent =
  | { granted: true; throttleStatus: ThrottleStatus }
  | { granted: false; throttleStatus: ThrottleStatus; retryAfterSeconds: number };

type WindowOutcome = { granted: boolean; retryAfterSeconds: number };

/** An attempt counted before the work; `succeeded` gives the count back. */
export type CountedAttempt =
  { blocked: true; retryAfterSeconds: number } | { blocked: false; succeeded(): Promise<void> };

/** Whole seconds until `at`, at least 1 (a Retry-After of 0 invites a tight retry loop). */
function secondsUntil(at: Date, now: Date): number {
  return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));
}

/** The userError a mutation returns when a limit stops it; nothing was changed. */
export function rateLimitedUserError(
  what: string,
  retryAfterSeconds: number,
  field: (string | number)[] | null = null,
): UserError {
  return {
    ...userError(
      UserErrorCode.RATE_LIMITED,
      `${what} Try again in ${retryAfterText(retryAfterSeconds)}.`,
      field,
    ),
    retryAfter: new Date(clock.now().getTime() + retryAfterSeconds * 1000),
  };
}

/**
 * Adds `amount` to the window counter at `key` when the total stays within `limit`;
 * a finished window starts over. Runs on `db`: inside a caller's transaction, the
 * count rolls back with it.
 */
async function consumeWindow(
  db: EntityManager,
  key: string,
  amount: number,
  limit: number,
  windowSeconds: number,
): Promise<WindowOutcome> {
  const now = clock.now();
  const [row] = await queryRows<{ window_ends_at: Date; last_granted: boolean }>(
    db,
    `INSERT INTO rate_limit_windows AS w (key, used, window_ends_at, last_granted)
     VALUES ($1, CASE WHEN $2::int <= $3::int THEN $2::int ELSE 0 END, $4::timestamptz + make_interval(secs => $5::float8), $2::int <= $3::int)
     ON CONFLICT (key) DO UPDATE SET
       used = CASE WHEN w.window_ends_at <= $4 THEN EXCLUDED.used
                   WHEN w.used + $2 <= $3 THEN w.used + $2 ELSE w.used END,
       window_ends_at = CASE WHEN w.window_ends_at <= $4 THEN EXCLUDED.window_ends_at ELSE w.window_ends_at END,
       last_granted = CASE WHEN w.window_ends_at <= $4 THEN EXCLUDED.last_granted ELSE w.used + $2 <= $3 END
     RETURNING window_ends_at, last_granted`,
    [key, amount, limit, now, windowSeconds],
  );
  return { granted: row!.last_granted, retryAfterSeconds: secondsUntil(row!.window_ends_at, now) };
}

/** Whether `amount` more would fit now, without counting it (dry runs). */
async function peekWindow(
  db: EntityManager,
  key: string,
  amount: number,
  limit: number,
): Promise<WindowOutcome> {
  const now = clock.now();
  const [row] = await queryRows<{ used: number; window_ends_at: Date }>(
    db,
    "SELECT used, window_ends_at FROM rate_limit_windows WHERE key = $1 AND window_ends_at > $2",
    [key, now],
  );
  if (!row) return { granted: amount <= limit, retryAfterSeconds: 1 };
  return {
    granted: row.used + amount <= limit,
    retryAfterSeconds: secondsUntil(row.window_ends_at, now),
  };
}

async function giveBack(db: EntityManager, key: string, amount: number): Promise<void> {
  await execute(
    db,
    "UPDATE rate_limit_windows SET used = greatest(used - $2, 0) WHERE key = $1 AND window_ends_at > $3",
    [key, amount, clock.now()],
  );
}

export type RateLimits = ReturnType<typeof createRateLimits>;

type SpendRow = { available: number; granted: boolean };
type RefundRow = { available: number | null; refunded?: boolean };
/** The bucket key, the points, the capacity, the time and the restore rate, in the functions' order. */
type BudgetParams = [string, number, number, Date, number];

/**
 * The budget's writes commit without waiting for the WAL to reach the disk
 * (`synchronous_commit = off` for their own transaction only): two flushes per request were
 * most of what a read-only query waited for in PostgreSQL (issue 20). A crash can lose the
 * last fraction of a second of spending, which only gives callers back points they had
 * spent; it never corrupts or reorders anything, and every other write stays synchronous.
 */
const WITHOUT_WAITING_FOR_FLUSH = "set_config('synchronous_commit', 'off', true) AS lazy_commit";

/** The charge and the refund, given the functions' arguments as bind parameters or as literals. */
const spendCostSql = (args: string) =>
  `SELECT available, granted, ${WITHOUT_WAITING_FOR_FLUSH} FROM pn_spend_cost(${args})`;
const refundCostSql = (args: string) =>
  `SELECT available, refunded, ${WITHOUT_WAITING_FOR_FLUSH} FROM pn_refund_cost(${args})`;
const BIND_PARAMETERS = "$1, $2, $3, $4, $5";

/** The cost-budget subjects the plugin makes: a session's or a token's id. */
const BUDGET_SUBJECT =
  /^(session|token):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The budget functions' arguments as SQL literals, for a statement that travels with
 * BEGIN or COMMIT in one simple query (which takes no bind parameters). Only a checked
 * subject, finite numbers and an ISO time get here, so the quoting cannot be escaped.
 */
function literals([key, points, capacity, at, rate]: BudgetParams): string {
  const number = (value: number) => {
    if (!Number.isFinite(value)) throw new Error("budget numbers must be finite");
    return `${value}::float8`;
  };
  return [
    `'${key}'::text`,
    number(points),
    number(capacity),
    `'${at.toISOString()}'::timestamptz`,
    number(rate),
  ].join(", ");
}

/**
 * `db` is the application's root manager, never a request's transaction: a counted
 * log-in failure or token guess must stay counted even when the request rolls back.
 */
export function createRateLimits(db: EntityManager, settings: RateLimitSettings) {
  const {
    costCapacity,
    costRestorePerSecond,
    loginFailuresPerEmail,
    loginFailuresPerIp,
    loginWindowSeconds,
    invitationSendsPerDay,
    invitationResendsPerMinute,
    invitationResendsPerDay,
    tokenGuessesPerIp,
    tokenGuessWindowSeconds,
    passwordResetsPerEmail,
    passwordResetsPerIp,
    passwordResetWindowSeconds,
    signUpsPerIp,
    signUpWindowSeconds,
  } = settings;

  const throttleStatusAt = (available: number): ThrottleStatus => ({
    maximumAvailable: costCapacity,
    currentlyAvailable: Math.floor(available),
    restoreRate: costRestorePerSecond,
  });

  function costSpending(subject: string, requestedCost: number) {
    const cost = Math.min(Math.max(requestedCost, 0), costCapacity);
    const params: BudgetParams = [
      `cost:${subject}`,
      cost,
      costCapacity,
      clock.now(),
      costRestorePerSecond,
    ];
    return {
      params,
      read(rows: SpendRow[]): CostSpent {
        const [row] = rows;
        if (!row) throw new Error("pn_spend_cost returned no row");
        const available = Number(row.available);
        const throttleStatus = throttleStatusAt(available);
        if (row.granted) return { granted: true, throttleStatus };
        return {
          granted: false,
          throttleStatus,
          retryAfterSeconds: Math.max(1, Math.ceil((cost - available) / costRestorePerSecond)),
        };
      },
    };
  }

  function costRefund(subject: string, points: number) {
    const params: BudgetParams = [
      `cost:${subject}`,
      Math.max(points, 0),
      costCapacity,
      clock.now(),
      costRestorePerSecond,
    ];
    return {
      params,
      // Null: pruned meanwhile (it had refilled completely), so the budget is full.
      read: (rows: RefundRow[]): ThrottleStatus =>
        throttleStatusAt(rows[0]?.available != null ? Number(rows[0].available) : costCapacity),
    };
  }

  /** Counts one attempt against every key (all or none); `succeeded` gives them back. */
  async function countAttempt(
    keys: { key: string; limit: number; windowSeconds: number }[],
  ): Promise<CountedAttempt> {
    const taken: string[] = [];
    for (const { key, limit, windowSeconds } of keys) {
      const outcome = await consumeWindow(db, key, 1, limit, windowSeconds);
      if (!outcome.granted) {
        for (const earlier of taken) await giveBack(db, earlier, 1);
        return { blocked: true, retryAfterSeconds: outcome.retryAfterSeconds };
      }
      taken.push(key);
    }
    return {
      blocked: false,
      succeeded: async () =>
        Promise.all(taken.map((key) => giveBack(db, key, 1))).then(() => undefined),
    };
  }

  return {
    settings,

    /**
     * Takes `requestedCost` points from the budget of `subject` (a session or API token)
     * if that many are available, after refilling for the time since its last use. The
     * per-query limit (never above the capacity) refuses larger costs before they get
     * here; the clamp below only keeps a caller from being locked out for good.
     */
    async spendCost(subject: string, requestedCost: number): Promise<CostSpent> {
      const spending = costSpending(subject, requestedCost);
      const rows = await queryRows<SpendRow>(db, spendCostSql(BIND_PARAMETERS), spending.params);
      return spending.read(rows);
    },

    /**
     * `spendCost` as one statement with its values written in, for a request's transaction
     * to send in the round trip of its BEGIN (db/tenant-transaction.ts); `read` turns the
     * rows it returned into the outcome. Null for a subject not of our own making.
     */
    spendCostStatement(
      subject: string,
      requestedCost: number,
    ): { sql: string; read(rows: unknown[]): CostSpent } | null {
      if (!BUDGET_SUBJECT.test(subject)) return null;
      const spending = costSpending(subject, requestedCost);
      return {
        sql: spendCostSql(literals(spending.params)),
        read: (rows) => spending.read(rows as SpendRow[]),
      };
    },

    /**
     * Gives `points` back to the budget of `subject` (the part of a reservation an
     * operation did not use), never above the capacity.
     */
    async refundCost(subject: string, points: number): Promise<ThrottleStatus> {
      const refund = costRefund(subject, points);
      const rows = await queryRows<RefundRow>(db, refundCostSql(BIND_PARAMETERS), refund.params);
      return refund.read(rows);
    },

    /** `refundCost` as one statement, for the round trip of the request's COMMIT; it never raises. */
    refundCostStatement(
      subject: string,
      points: number,
    ): { sql: string; read(rows: unknown[]): ThrottleStatus | null } | null {
      if (!BUDGET_SUBJECT.test(subject)) return null;
      const refund = costRefund(subject, points);
      return {
        sql: refundCostSql(literals(refund.params)),
        // The function caught a failure and refunded nothing: null, the caller refunds elsewhere.
        read: (rows) =>
          (rows as RefundRow[])[0]?.refunded === false ? null : refund.read(rows as RefundRow[]),
      };
    },

    /**
     * Counts a log-in attempt against the email and the IP before the password is
     * checked; a successful log-in gives both back, so only failures add up.
     */
    beginLogIn(email: string, ip: string | null): Promise<CountedAttempt> {
      return countAttempt([
        {
          key: `login-ip:${ip ?? "unknown"}`,
          limit: loginFailuresPerIp,
          windowSeconds: loginWindowSeconds,
        },
        {
          key: `login-email:${emailKey(email)}`,
          limit: loginFailuresPerEmail,
          windowSeconds: loginWindowSeconds,
        },
      ]);
    },

    /** Counts an invitation-token lookup by IP; `succeeded` (the token exists) gives it back. */
    beginTokenLookup(ip: string | null): Promise<CountedAttempt> {
      return countAttempt([
        {
          key: `token-guess:${ip ?? "unknown"}`,
          limit: tokenGuessesPerIp,
          windowSeconds: tokenGuessWindowSeconds,
        },
      ]);
    },

    /**
     * Counts a password-reset request against the IP and the email, known or not (a limit
     * only for known emails would tell which are). Never given back: each one sends an email.
     */
    beginPasswordResetRequest(email: string, ip: string | null): Promise<CountedAttempt> {
      return countAttempt([
        {
          key: `reset-ip:${ip ?? "unknown"}`,
          limit: passwordResetsPerIp,
          windowSeconds: passwordResetWindowSeconds,
        },
        {
          key: `reset-email:${emailKey(email)}`,
          limit: passwordResetsPerEmail,
          windowSeconds: passwordResetWindowSeconds,
        },
      ]);
    },

    /**
     * Counts a sign-up from the IP before any work; never given back: a sign-up answers the
     * same whether it created anything, so every one costs an email and counts.
     */
    async beginSignUp(ip: string | null): Promise<WindowOutcome> {
      return consumeWindow(
        db,
        `sign-up-ip:${ip ?? "unknown"}`,
        1,
        signUpsPerIp,
        signUpWindowSeconds,
      );
    },

    /**
     * One use of a fixed window at `key` (the identity module's per-person email limits:
     * verification resends, "someone tried your address" notices); refused uses count nothing.
     */
    async takeWindow(key: string, limit: number, windowSeconds: number): Promise<WindowOutcome> {
      return consumeWindow(db, key, 1, limit, windowSeconds);
    },

    /** Whether one more use of `key` would fit now, without counting it. */
    async peekWindow(key: string, limit: number): Promise<WindowOutcome> {
      return peekWindow(db, key, 1, limit);
    },

    /**
     * Reserves `count` invitation emails of the account's 24-hour allowance. Call it on
     * the transaction that queues them, so a rolled-back change gives them back. A dry
     * run only checks. Returns the userError to report when they do not fit.
     */
    async reserveInvitationSends(
      transaction: EntityManager,
      accountId: string,
      count: number,
      options: { dryRun?: boolean; field?: (string | number)[] | null } = {},
    ): Promise<UserError | null> {
      if (count <= 0) return null;
      const key = `invite-sends:${accountId}`;
      const outcome = options.dryRun
        ? await peekWindow(transaction, key, count, invitationSendsPerDay)
        : await consumeWindow(transaction, key, count, invitationSendsPerDay, DAY_SECONDS);
      if (outcome.granted) return null;
      return rateLimitedUserError(
        `This account may send ${invitationSendsPerDay} invitation emails a day and this would go over it.`,
        outcome.retryAfterSeconds,
        options.field ?? null,
      );
    },

    /**
     * Counts one resend of invitation `invitationId` to each of `recipients` against the
     * per-address limits (a minute and a day; config `RATE_LIMIT_INVITATION_RESENDS_*`),
     * all or none. Call it on the resend's transaction, before anything is written, so a
     * rolled-back resend gives the count back. Returns the userError to report when a
     * limit stops it; its `retryAfter` is when the resend becomes possible again.
     */
    async reserveInvitationResend(
      transaction: EntityManager,
      invitationId: string,
      recipients: string[],
      field: (string | number)[] | null = null,
    ): Promise<UserError | null> {
      const windows = [
        { scope: "minute", limit: invitationResendsPerMinute, seconds: 60 },
        { scope: "day", limit: invitationResendsPerDay, seconds: DAY_SECONDS },
      ];
      const taken: string[] = [];
      for (const address of new Set(recipients.map(emailKey))) {
        for (const { scope, limit, seconds } of windows) {
          const key = `invite-resend-${scope}:${invitationId}:${address}`;
          const outcome = await consumeWindow(transaction, key, 1, limit, seconds);
          if (!outcome.granted) {
            for (const earlier of taken) await giveBack(transaction, earlier, 1);
            return rateLimitedUserError(
              `This invitation may be emailed to the same address ${limit === 1 ? "once" : `${limit} times`} a ${scope}.`,
              outcome.retryAfterSeconds,
              field,
            );
          }
          taken.push(key);
        }
      }
      return null;
    },

    /** Deletes finished windows and buckets that have refilled completely (they hold nothing). */
    async prune(): Promise<void> {
      const now = clock.now();
      await execute(db, "DELETE FROM rate_limit_windows WHERE window_ends_at <= $1", [now]);
      const fullAfterSeconds = costCapacity / costRestorePerSecond;
      await execute(
        db,
        "DELETE FROM rate_limit_buckets WHERE updated_at < $1::timestamptz - make_interval(secs => $2::float8)",
        [now, fullAfterSeconds],
      );
    },
  };
}
