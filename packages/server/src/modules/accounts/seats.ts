/**
 * The seat rule, in one place: seats used = active INTERNAL members + PENDING,
 * unexpired USER invitations. External members and clients use none. Expiry is judged
 * by the injectable clock. Counting and locking live here; this file imports no
 * service, so every module that adds people may call it without an import circle.
 */
import { PLAN_SEAT_LIMITS, type Plan } from "@pn/shared";
import type { EntityManager } from "typeorm";
import { clock } from "../../clock";
import { queryRows } from "../../db/sql";

export type SeatCheck = { used: number; limit: number | null; accountName: string };

/**
 * Seats used by the account `accountId` names, as a SQL expression a statement can embed
 * (the bulk status change checks seats inside its UPDATE). `accountId` and `now` are SQL
 * expressions such as `$2` or `a.id`; `now` is the clock's time as a timestamptz.
 */
export function seatsUsedSql(accountId: string, now: string): string {
  return `(SELECT count(*) FROM members m WHERE m.account_id = ${accountId} AND m.type = 'INTERNAL' AND m.status = 'ACTIVE')::int
     + (SELECT count(*) FROM invitations i WHERE i.account_id = ${accountId} AND i.kind = 'USER' AND i.status = 'PENDING'
          AND i.expires_at > ${now})::int`;
}

export async function seatsUsed(
  db: EntityManager,
  accountIds: readonly string[],
): Promise<Map<string, number>> {
  const rows = await queryRows<{ id: string; used: number }>(
    db,
    `SELECT a.id, ${seatsUsedSql("a.id", "$2")} AS used FROM accounts a WHERE a.id = ANY($1::uuid[])`,
    [accountIds, clock.now()],
  );
  return new Map(rows.map((row) => [row.id, row.used]));
}

/** The locked account row's seat limit and name (lockSeatRow), before anything is counted. */
export type SeatLock = { limit: number | null; accountName: string };

/**
 * Locks the account row until the transaction ends, so concurrent invitations,
 * activations and plan changes are serialised and can never overshoot the plan. The
 * count must come in a later statement than this lock: a statement sees the data as
 * it was when it started, so a count taken in the locking statement itself would miss
 * what the transaction it waited for committed.
 */
export async function lockSeatRow(db: EntityManager, accountId: string): Promise<SeatLock> {
  const [row] = await queryRows<{ name: string; plan: Plan }>(
    db,
    "SELECT id, name, handle, plan FROM accounts WHERE id = $1 FOR UPDATE",
    [accountId],
  );
  if (!row) throw new Error(`account ${accountId} missing`);
  return { limit: PLAN_SEAT_LIMITS[row.plan], accountName: row.name };
}

/** Locks the account row (lockSeatRow) and reports its seats. */
export async function lockSeats(db: EntityManager, accountId: string): Promise<SeatCheck> {
  const lock = await lockSeatRow(db, accountId);
  const used = (await seatsUsed(db, [accountId])).get(accountId) ?? 0;
  return { used, ...lock };
}

/** Whether `adding` more seat holders still fit the plan. */
export function seatsFit(seats: SeatCheck, adding: number): boolean {
  return seats.limit === null || seats.used + adding <= seats.limit;
}
