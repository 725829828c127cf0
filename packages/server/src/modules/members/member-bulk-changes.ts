/**
 * The bulk status change (activate, archive, restore up to BULK_MEMBERS_MAX members) as
 * one statement: it locks the listed members, judges the batch, checks seats and
 * updates, all or nothing, so a batch costs the same few statements for 1 ID or 1,000.
 * membersService.changeStatus owns the rules' wording (the userErrors); the statement
 * mirrors them so it never writes a batch the service would refuse.
 */
import { MemberStatus, type AuditAction, type MemberType, type Role } from "@pn/shared";
import type { EntityManager } from "typeorm";
import { queryRows } from "../../db/sql";
import { seatsUsedSql } from "../accounts/seats";
import { MEMBER_COLUMNS, type MemberRow } from "./member.type";

export type StatusChange = "activate" | "archive" | "restore";

export const STATUS_CHANGES: Record<
  StatusChange,
  { from: MemberStatus[]; to: MemberStatus; verb: string; action: AuditAction }
> = {
  activate: {
    from: [MemberStatus.PENDING],
    to: MemberStatus.ACTIVE,
    verb: "activated",
    action: "member.activated",
  },
  archive: {
    from: [MemberStatus.PENDING, MemberStatus.ACTIVE],
    to: MemberStatus.ARCHIVED,
    verb: "archived",
    action: "member.archived",
  },
  restore: {
    from: [MemberStatus.ARCHIVED],
    to: MemberStatus.ACTIVE,
    verb: "restored",
    action: "member.restored",
  },
};

/** A listed member as it was when locked, before the change. */
export type LockedMember = {
  id: string;
  user_id: string;
  status: MemberStatus;
  type: MemberType;
  role: Role;
};

export type StatusChangeOutcome = {
  /** The listed members of the account, locked, as they were before the change (any order). */
  locked: LockedMember[];
  /** The changed members (empty when the batch was refused). */
  changed: MemberRow[];
  /** Seats used before the change; null when not counted (no seat limit, or archiving). */
  seatsUsed: number | null;
};

type OutcomeRow = {
  target_id: string;
  target_user_id: string;
  target_status: MemberStatus;
  target_type: MemberType;
  target_role: Role;
  seats_used: number | null;
  changed: boolean;
} & MemberRow;

/**
 * Locks the listed members and changes them all, or none when any listed ID is not a
 * distinct member of the account in a status the change starts from, is the owner
 * (whom only the owner activates or restores and nobody archives), is the actor
 * archiving themselves, or when the members gaining a seat do not fit `seatLimit`.
 * Those are ownerGuard's and changeStatus's rules, in SQL. For activate and restore the
 * caller holds the seat lock already (lockSeatRow, an earlier statement, so the count
 * here sees every transaction that held it before); `seatLimit` null means no limit and
 * skips the count.
 */
export async function applyStatusChange(
  db: EntityManager,
  input: {
    accountId: string;
    actorMemberId: string;
    /** The uuids of the listed IDs that parsed. */
    memberIds: string[];
    /** How many IDs were listed, parsed or not: a refused or repeated one stops the batch. */
    listed: number;
    change: StatusChange;
    seatLimit: number | null;
    now: Date;
  },
): Promise<StatusChangeOutcome> {
  const rule = STATUS_CHANGES[input.change];
  const rows = await queryRows<OutcomeRow>(
    db,
    `WITH target AS (
       SELECT id, user_id, status, type, role FROM members
       WHERE id = ANY($1::uuid[]) AND account_id = $2 ORDER BY id FOR UPDATE
     ),
     verdict AS (
       SELECT count(*) FILTER (
           WHERE status = ANY($4::text[])
             AND NOT (role = 'OWNER' AND ($5 = 'archive' OR id <> $6::uuid))
             AND NOT ($5 = 'archive' AND id = $6::uuid)
         ) = $3::int AS allowed,
         count(*) FILTER (WHERE type = 'INTERNAL' AND status <> 'ACTIVE')::int AS gaining
       FROM target
     ),
     seats AS (
       SELECT CASE WHEN $7::int IS NULL THEN NULL ELSE ${seatsUsedSql("$2::uuid", "$8::timestamptz")} END AS used
     ),
     changed AS (
       UPDATE members m SET status = $9,
         activated_at = CASE WHEN $9 = 'ACTIVE' THEN $8::timestamptz ELSE m.activated_at END,
         archived_at = CASE WHEN $9 = 'ARCHIVED' THEN $8::timestamptz ELSE NULL END
       FROM verdict v, seats s
       WHERE m.id IN (SELECT id FROM target) AND v.allowed AND (s.used IS NULL OR s.used + v.gaining <= $7::int)
       RETURNING m.*
     )
     SELECT t.id AS target_id, t.user_id AS target_user_id, t.status AS target_status, t.type AS target_type,
       t.role AS target_role, s.used AS seats_used, (m.id IS NOT NULL) AS changed, ${MEMBER_COLUMNS}
     FROM target t CROSS JOIN seats s
       LEFT JOIN (changed m JOIN users u ON u.id = m.user_id) ON m.id = t.id`,
    [
      input.memberIds,
      input.accountId,
      input.listed,
      rule.from,
      input.change,
      input.actorMemberId,
      input.change === "archive" ? null : input.seatLimit,
      input.now,
      rule.to,
    ],
  );
  return {
    locked: rows.map((row) => ({
      id: row.target_id,
      user_id: row.target_user_id,
      status: row.target_status,
      type: row.target_type,
      role: row.target_role,
    })),
    changed: rows.filter((row) => row.changed),
    seatsUsed: rows[0]?.seats_used ?? null,
  };
}
