import DataLoader from "dataloader";
import type { EntityManager } from "typeorm";
import { queryRows } from "../../db/sql";
import { MEMBER_COLUMNS, MEMBER_FROM, toMember, type Member, type MemberRow } from "./member.type";

export function createMemberLoader(db: EntityManager): DataLoader<string, Member | null> {
  return new DataLoader(async (ids) => {
    const rows = await queryRows<MemberRow>(
      db,
      `SELECT ${MEMBER_COLUMNS} FROM ${MEMBER_FROM} WHERE m.id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, toMember(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Every membership of each user, across accounts (the account selector), oldest first. */
export function createMembershipsByUserLoader(db: EntityManager): DataLoader<string, Member[]> {
  return new DataLoader(async (userIds) => {
    const rows = await queryRows<MemberRow>(
      db,
      `SELECT ${MEMBER_COLUMNS} FROM ${MEMBER_FROM} WHERE m.user_id = ANY($1::uuid[]) ORDER BY m.created_at, m.id`,
      [userIds],
    );
    const byUser = new Map<string, Member[]>();
    for (const row of rows) {
      const list = byUser.get(row.user_id) ?? [];
      list.push(toMember(row));
      byUser.set(row.user_id, list);
    }
    return userIds.map((id) => byUser.get(id) ?? []);
  });
}
