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

export async function seatsUsed(
  db: EntityManager,
  accountIds: readonly string[],
): Promise<Map<string, number>> {
  const rows = await queryRows<{ id: string; used: number }>(
    db,
    `SELECT a.id,
       (SELECT count(*) FROM members m WHERE m.account_id = a.id AND m.type = 'INTERNAL' AND m.status = 'ACTIVE')::int
     + (SELECT count(*) FROM invitations i WHERE i.account_id = a.id AND i.kind = 'USER' AND i.status = 'PENDING'
          AND i.expires_at > $2)::int AS used
     FROM accounts a WHERE a.id = ANY($1::uuid[])`,
    [accountIds, clock.now()],
  );
  return new Map(rows.map((row) => [row.id, row.used]));
}

/**
 * Locks the account row until the transaction ends and reports its seats, so
 * concurrent invitations, activations and plan changes are serialised and can never
 * overshoot the plan.
 */
export async function lockSeats(db: EntityManager, accountId: string): Promise<SeatCheck> {
  const [row] = await queryRows<{ name: string; plan: Plan }>(
    db,
    "SELECT id, name, handle, plan FROM accounts WHERE id = $1 FOR UPDATE",
    [accountId],
  );
  if (!row) throw new Error(`account ${accountId} missing`);
  const used = (await seatsUsed(db, [accountId])).get(accountId) ?? 0;
  return { used, limit: PLAN_SEAT_LIMITS[row.plan], accountName: row.name };
}

/** Whether `adding` more seat holders still fit the plan. */
export function seatsFit(seats: SeatCheck, adding: number): boolean {
  return seats.limit === null || seats.used + adding <= seats.limit;
}
