/**
 * Seats used = active INTERNAL members + PENDING, unexpired USER invitations.
 * External members and clients use none. Expiry is judged by the injectable clock.
 */
import type { EntityManager } from "typeorm";
import { clock } from "../../clock";

export async function seatsUsed(
  db: EntityManager,
  accountIds: readonly string[],
): Promise<Map<string, number>> {
  const rows: { id: string; used: number }[] = await db.query(
    `SELECT a.id,
       (SELECT count(*) FROM members m WHERE m.account_id = a.id AND m.type = 'INTERNAL' AND m.status = 'ACTIVE')::int
     + (SELECT count(*) FROM invitations i WHERE i.account_id = a.id AND i.kind = 'USER' AND i.status = 'PENDING'
          AND i.expires_at > $2)::int AS used
     FROM accounts a WHERE a.id = ANY($1::uuid[])`,
    [accountIds, clock.now()],
  );
  return new Map(rows.map((row) => [row.id, row.used]));
}
