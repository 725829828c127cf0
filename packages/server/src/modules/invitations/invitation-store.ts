/**
 * The only writer of the `invitations` table (a structure test holds every other file
 * to that). Other modules change invitations through these functions, inside their
 * own transaction. This file imports no service, so anyone may call it without a circle.
 */
import { normalizeEmail } from "@pn/shared";
import type { EntityManager } from "typeorm";
import { queryRows } from "../../db/sql";
import { INVITATION_COLUMNS, type InvitationRow } from "./invitation.type";

const RETURNED_COLUMNS = INVITATION_COLUMNS.replace(/i\./g, "");

/** One invitation to store; the issuer fills in the token and delivery. */
export type NewInvitation = {
  accountId: string;
  kind: `${InvitationRow["kind"]}`;
  email: string | null;
  role: string | null;
  tokenHash: Buffer;
  delivery: "QUEUED" | "NOT_SENT";
  expiresAt: Date;
  lastSentAt: Date | null;
  sendCount: number;
  invitedByMemberId: string | null;
  partnerId: string | null;
  clientId: string | null;
  teamMemberIds: string[] | null;
  createdAt: Date;
};

/** A uuid[] as PostgreSQL array text, so a batch can carry one array per row through unnest. */
function uuidArrayLiteral(ids: string[] | null): string | null {
  return ids === null ? null : `{${ids.join(",")}}`;
}

/** Stores a batch in one statement; rows come back in input order. */
export function insertInvitations(
  db: EntityManager,
  invitations: NewInvitation[],
): Promise<InvitationRow[]> {
  const column = <Value>(pick: (invitation: NewInvitation) => Value) => invitations.map(pick);
  return queryRows<InvitationRow>(
    db,
    `INSERT INTO invitations (account_id, kind, email, role, token_hash, delivery, expires_at, last_sent_at, send_count,
       invited_by_member_id, partner_id, client_id, team_member_ids, created_at)
     SELECT account_id, kind, email, role, token_hash, delivery, expires_at, last_sent_at, send_count,
       invited_by_member_id, partner_id, client_id, team::uuid[], created_at
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::bytea[], $6::text[], $7::timestamptz[],
       $8::timestamptz[], $9::int[], $10::uuid[], $11::uuid[], $12::uuid[], $13::text[], $14::timestamptz[])
       WITH ORDINALITY AS t(account_id, kind, email, role, token_hash, delivery, expires_at, last_sent_at, send_count,
         invited_by_member_id, partner_id, client_id, team, created_at, position)
     ORDER BY position
     RETURNING ${RETURNED_COLUMNS}`,
    [
      column((i) => i.accountId),
      column((i) => i.kind),
      column((i) => (i.email === null ? null : normalizeEmail(i.email))),
      column((i) => i.role),
      column((i) => i.tokenHash),
      column((i) => i.delivery),
      column((i) => i.expiresAt),
      column((i) => i.lastSentAt),
      column((i) => i.sendCount),
      column((i) => i.invitedByMemberId),
      column((i) => i.partnerId),
      column((i) => i.clientId),
      column((i) => uuidArrayLiteral(i.teamMemberIds)),
      column((i) => i.createdAt),
    ],
  );
}

/** A new token and lifetime for a resend, issued by the member sending it now; the old link stops working. */
export async function reissueInvitation(
  db: EntityManager,
  id: string,
  token: { hash: Buffer; expiresAt: Date },
  now: Date,
  issuerMemberId: string,
): Promise<InvitationRow> {
  const [row] = await queryRows<InvitationRow>(
    db,
    `UPDATE invitations i SET token_hash = $2, expires_at = $3, last_sent_at = $4, send_count = send_count + 1, delivery = 'QUEUED', expiry_recorded_at = NULL,
       invited_by_member_id = $5
     WHERE i.id = $1 RETURNING ${INVITATION_COLUMNS}`,
    [id, token.hash, token.expiresAt, now, issuerMemberId],
  );
  return row!;
}

/** The token was used: single use, so the invitation is ACCEPTED (memberId: who joined, if anyone did). */
export async function markInvitationAccepted(
  db: EntityManager,
  id: string,
  at: Date,
  memberId: string | null,
): Promise<void> {
  await queryRows<{ id: string }>(
    db,
    "UPDATE invitations SET status = 'ACCEPTED', accepted_at = $2, accepted_member_id = COALESCE($3::uuid, accepted_member_id) WHERE id = $1 RETURNING id",
    [id, at, memberId],
  );
}

export async function revokeInvitation(
  db: EntityManager,
  id: string,
  at: Date,
): Promise<InvitationRow> {
  const [row] = await queryRows<InvitationRow>(
    db,
    `UPDATE invitations i SET status = 'REVOKED', revoked_at = $2 WHERE i.id = $1 RETURNING ${INVITATION_COLUMNS}`,
    [id, at],
  );
  return row!;
}

/** What a batch of pending invitations hangs on: a partner, a client, or the members who sent them. */
export type PendingInvitationsOf =
  { partnerId: string } | { clientId: string } | { invitedByMemberIds: string[] };

/** Revokes the still-pending invitations tied to a partner, a client or their senders. */
export async function revokePendingInvitations(
  db: EntityManager,
  of: PendingInvitationsOf,
  at: Date,
): Promise<void> {
  const [where, value] =
    "partnerId" in of
      ? ["partner_id = $1", of.partnerId]
      : "clientId" in of
        ? ["client_id = $1", of.clientId]
        : ["invited_by_member_id = ANY($1::uuid[])", of.invitedByMemberIds];
  await queryRows<{ id: string }>(
    db,
    `UPDATE invitations SET status = 'REVOKED', revoked_at = $2 WHERE ${where} AND status = 'PENDING' RETURNING id`,
    [value, at],
  );
}

/** Revokes the still-pending shareable client links these members created; returns the revoked ones. */
export function revokeShareableLinksOf(
  db: EntityManager,
  memberIds: string[],
  at: Date,
): Promise<{ id: string }[]> {
  return queryRows<{ id: string }>(
    db,
    `UPDATE invitations SET status = 'REVOKED', revoked_at = $2
     WHERE invited_by_member_id = ANY($1::uuid[]) AND kind = 'CLIENT' AND email IS NULL AND status = 'PENDING'
     RETURNING id`,
    [memberIds, at],
  );
}

/** Marks the invitation only when this is its newest email, so an old failing send cannot overwrite a newer success. */
export async function recordInvitationDelivery(
  db: EntityManager,
  outboxId: string,
  delivery: "SENT" | "FAILED",
): Promise<void> {
  await queryRows<{ id: string }>(
    db,
    `UPDATE invitations i SET delivery = $2 FROM outbox o
     WHERE o.id = $1 AND i.id = o.invitation_id AND NOT EXISTS (
       SELECT 1 FROM outbox newer WHERE newer.invitation_id = o.invitation_id AND newer.created_at > o.created_at)
     RETURNING i.id`,
    [outboxId, delivery],
  );
}

/**
 * A pending membership answered from the person's own session: their open LOGIN
 * invitation in that account (its emailed link would have been the other way to accept)
 * is marked accepted, or revoked when they declined.
 */
export async function answerLoginInvitations(
  db: EntityManager,
  accountId: string,
  memberId: string,
  answer: "accept" | "decline",
  at: Date,
): Promise<void> {
  await queryRows<{ id: string }>(
    db,
    `UPDATE invitations i SET status = $4,
       accepted_at = CASE WHEN $4 = 'ACCEPTED' THEN $3 ELSE i.accepted_at END,
       accepted_member_id = CASE WHEN $4 = 'ACCEPTED' THEN $2::uuid ELSE i.accepted_member_id END,
       revoked_at = CASE WHEN $4 = 'REVOKED' THEN $3 ELSE i.revoked_at END
     FROM members m JOIN users u ON u.id = m.user_id
     WHERE m.id = $2 AND i.account_id = $1 AND i.kind = 'LOGIN' AND i.status = 'PENDING'
       AND email_key(i.email) = email_key(u.email) RETURNING i.id`,
    [accountId, memberId, at, answer === "accept" ? "ACCEPTED" : "REVOKED"],
  );
}
