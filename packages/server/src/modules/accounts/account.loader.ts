import DataLoader from "dataloader";
import type { EntityManager } from "typeorm";
import { queryRows } from "../../db/sql";
import { toAccount, type Account, type AccountRow } from "./account.type";
import { seatsUsed } from "./seats";

export function createAccountLoader(db: EntityManager): DataLoader<string, Account | null> {
  return new DataLoader(async (ids) => {
    const rows = await queryRows<AccountRow>(
      db,
      "SELECT id, name, handle, plan FROM accounts WHERE id = ANY($1::uuid[])",
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, toAccount(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Seats used per account (see SEATS_USED_SQL), batched per request. */
export function createSeatsUsedLoader(db: EntityManager): DataLoader<string, number> {
  return new DataLoader(async (accountIds) => {
    const rows = await seatsUsed(db, accountIds);
    return accountIds.map((id) => rows.get(id) ?? 0);
  });
}
