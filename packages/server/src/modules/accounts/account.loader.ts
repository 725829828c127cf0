import DataLoader from "dataloader";
import type { EntityManager } from "typeorm";
import { toAccount, type Account, type AccountRow } from "./account.type";

export function createAccountLoader(db: EntityManager): DataLoader<string, Account | null> {
  return new DataLoader(async (ids) => {
    const rows: AccountRow[] = await db.query(
      "SELECT id, name, handle, plan FROM accounts WHERE id = ANY($1::uuid[])",
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, toAccount(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Seats used = active internal members + pending user invitations (invitations arrive with their module). */
export function createSeatsUsedLoader(db: EntityManager): DataLoader<string, number> {
  return new DataLoader(async (accountIds) => {
    const rows: { account_id: string; used: number }[] = await db.query(
      `SELECT account_id, count(*)::int AS used FROM members
       WHERE account_id = ANY($1::uuid[]) AND type = 'INTERNAL' AND status = 'ACTIVE'
       GROUP BY account_id`,
      [accountIds],
    );
    const byId = new Map(rows.map((row) => [row.account_id, row.used]));
    return accountIds.map((id) => byId.get(id) ?? 0);
  });
}
