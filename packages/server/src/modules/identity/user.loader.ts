import DataLoader from "dataloader";
import type { EntityManager } from "typeorm";
import { queryRows } from "../../db/sql";
import { toUser, type User, type UserRow } from "./user.type";

export function createUserLoader(db: EntityManager): DataLoader<string, User | null> {
  return new DataLoader(async (ids) => {
    const rows = await queryRows<UserRow>(
      db,
      "SELECT id, email, name, email_verified_at FROM users WHERE id = ANY($1::uuid[])",
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, toUser(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
