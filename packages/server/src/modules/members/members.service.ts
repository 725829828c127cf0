/** Reading members, scoped to the viewer's current account and filtered by role. */
import {
  ASSIGNABLE_INTERNAL_ROLES,
  BULK_MEMBERS_MAX,
  can,
  fromGlobalId,
  INVITATION_KIND_NEEDS,
  MemberStatus,
  MemberType,
  normalizeEmail,
  Role,
  UserErrorCode,
} from "@pn/shared";
import type { EntityManager } from "typeorm";
import { clock } from "../../clock";
import { execute, likePattern, queryRows } from "../../db/sql";
import { localIdOf } from "../../graphql/global-id";
import { requirePermission } from "../../graphql/permissions";
import { userError, type UserError } from "../../graphql/user-error";
import { lockSeatRow } from "../accounts/seats";
import { tenantScope } from "../../db/tenant-transaction";
import { auditService } from "../audit/audit.service";
import {
  answerLoginInvitations,
  revokePendingInvitations,
  revokeShareableLinksOf,
} from "../invitations/invitation-store";
import { apiTokensService, type TokenRevocationReason } from "../identity/api-tokens.service";
import { placeholderUsersService } from "../identity/placeholder-users.service";
import { sessionsService } from "../identity/sessions.service";
import {
  newestFirst,
  paginate,
  type Connection,
  type ConnectionArgs,
  type RowPreload,
} from "../../graphql/connection";
import type { Context } from "../../graphql/context";
import { keysetOrder, type OrderKeys } from "../../graphql/list-order";
import type { NodeSource } from "../../graphql/node";
import type { ExportTable } from "../../db/table-export";
import {
  applyStatusChange,
  STATUS_CHANGES,
  type LockedMember,
  type StatusChange,
} from "./member-bulk-changes";
import {
  MEMBER_COLUMNS,
  MEMBER_EMAIL_SQL,
  MEMBER_FROM,
  MEMBER_NAME_SQL,
  toMember,
  type Member,
  type MemberFilter,
  type MemberOrder,
  type MemberOrderField,
  type MemberRow,
} from "./member.type";

/** A member of the viewer's account, or null when it is elsewhere or hidden from the viewer's role. */
function visibleToViewer(context: Context, member: Member | null): Member | null {
  const viewer = context.viewer;
  if (!member || !viewer || member.accountId !== viewer.accountId) return null;
  if (can(viewer.role, "readAccount") || member.localId === viewer.memberId) return member;
  return null;
}

/**
 * Which of an account's members the viewer may list, from the permission matrix: an
 * account reader (`readAccount`) every one, anyone else in the account (external
 * collaborators, clients) only their own record, a viewer from elsewhere none. Every
 * list of members applies it: `listMembers` and the batched first page of
 * `Partner.members` (createPartnerMembersLoader), so filtered and unfiltered lists agree.
 */
export type MemberListScope =
  { kind: "account" } | { kind: "own"; memberId: string } | { kind: "none" };

export function memberListScope(context: Context, accountId: string): MemberListScope {
  const viewer = context.viewer;
  if (!viewer || viewer.accountId !== accountId || !viewer.memberId) return { kind: "none" };
  return can(viewer.role, "readAccount")
    ? { kind: "account" }
    : { kind: "own", memberId: viewer.memberId };
}

/** Runs when a member is granted login; the invitations module sends a set-password link when needed. */
export type LoginGrantedHook = (
  db: EntityManager,
  context: Context,
  member: { accountId: string; userId: string; invitedByMemberId: string },
) => Promise<void>;

/** A membership awaiting the person's answer, as their pending list reads it. */
export type PendingMembershipRow = {
  id: string;
  account_id: string;
  added_by_name: string | null;
  created_at: Date;
};

/**
 * The keys of each member order, all plain columns (migration 1765400000000 has their
 * indexes): `list_name` and `list_email` are the name and email the account sees
 * (MEMBER_NAME_SQL, MEMBER_EMAIL_SQL), kept on the row by a trigger; `role_rank` and
 * `status_rank` are the value's place in its enum, generated.
 */
export const MEMBER_ORDER_KEYS: OrderKeys<MemberOrderField> = {
  NAME: [
    { expression: "m.list_name", sqlType: "text" },
    { expression: "m.id", sqlType: "uuid" },
  ],
  EMAIL: [
    { expression: "m.list_email", sqlType: "text" },
    { expression: "m.id", sqlType: "uuid" },
  ],
  ROLE: [
    { expression: "m.role_rank", sqlType: "int" },
    { expression: "m.list_name", sqlType: "text" },
    { expression: "m.id", sqlType: "uuid" },
  ],
  STATUS: [
    { expression: "m.status_rank", sqlType: "int" },
    { expression: "m.list_name", sqlType: "text" },
    { expression: "m.id", sqlType: "uuid" },
  ],
  CREATED_AT: newestFirst("m").orderBy,
};

/** Above this many matching people, a search pages through the account's members instead. */
export const SEARCH_LOOKUP_MAX = 2_000;

/**
 * The account's people whose name or email contains the term, looked up first through
 * the trigram indexes on users: a term that few people match then pages by `user_id`
 * instead of filtering the account's whole member list row by row. Null when more than
 * SEARCH_LOOKUP_MAX match: the ordered member list finds a page of a common term fastest.
 */
async function searchMatchedUserIds(
  db: EntityManager,
  accountId: string,
  pattern: string,
): Promise<string[] | null> {
  // The trigram lookup finds candidates by the person's own name or email; the member's
  // display identity is matched beside it. Either way only what the account sees
  // (MEMBER_NAME_SQL, MEMBER_EMAIL_SQL) decides: the real name of someone who has not
  // accepted must not match, or search would tell the account who they are.
  const rows = await queryRows<{ id: string }>(
    db,
    `SELECT m.user_id AS id FROM members m JOIN users u ON u.id = m.user_id
     WHERE m.account_id = $1
       AND (m.user_id IN (SELECT id FROM users WHERE name ILIKE $2 OR email ILIKE $2)
         OR m.display_name ILIKE $2 OR m.display_email ILIKE $2)
       AND (${MEMBER_NAME_SQL} ILIKE $2 OR ${MEMBER_EMAIL_SQL} ILIKE $2)
     LIMIT ${SEARCH_LOOKUP_MAX + 1}`,
    [accountId, pattern],
  );
  return rows.length > SEARCH_LOOKUP_MAX ? null : rows.map((row) => row.id);
}

/** What updateMember compares against, so its audit entry names only what changed. */
type MemberBeforeUpdate = LockedMember & {
  can_login: boolean;
  title: string | null;
  name: string;
  name_editable: boolean;
};

/** What a membership change touches; removals from the network archive, so they are "archive". */
export type MembershipChange = "role" | "canLogin" | "title" | StatusChange;

/**
 * Every change to a membership passes this guard first (updateMember, changeStatus; the
 * archiving done by client and partner removal applies it in its statement): the owner's
 * role changes only by transferring ownership, the owner is never archived or removed,
 * and only the owner changes their own login or status. Null when the change may go ahead.
 */
export function ownerGuard(
  actorMemberId: string | null,
  target: { id: string; role: Role },
  change: MembershipChange,
  field: (string | number)[],
): UserError | null {
  if (target.role !== Role.OWNER) return null;
  switch (change) {
    case "title":
      // A title is the account's label for the person, not their access.
      return null;
    case "role":
      return userError(
        UserErrorCode.INVALID_STATE,
        "The owner's role changes only by transferring ownership.",
        field,
      );
    case "archive":
      return userError(UserErrorCode.INVALID_STATE, "The owner cannot be archived.", field);
    case "canLogin":
    case "activate":
    case "restore":
      return actorMemberId === target.id
        ? null
        : userError(
            UserErrorCode.FORBIDDEN,
            change === "canLogin"
              ? "Only the owner changes the owner's login."
              : "Only the owner changes the owner's status.",
            field,
          );
  }
}

/**
 * What a member's lost authority takes with it, in the changing transaction: the API
 * tokens they may no longer hold (all of them, or with `role` those its scopes exceed)
 * and, once they may not invite clients any more, the shareable client links they made.
 */
async function withdrawAuthority(
  db: EntityManager,
  context: Context,
  accountId: string,
  memberIds: string[],
  reason: TokenRevocationReason,
  at: Date,
  role?: Role,
): Promise<void> {
  if (memberIds.length === 0) return;
  await apiTokensService.revokeForCreators(db, context, accountId, memberIds, reason, role);
  if (role !== undefined && can(role, INVITATION_KIND_NEEDS.CLIENT)) return;
  const links = await revokeShareableLinksOf(db, memberIds, at);
  await auditService.record(
    db,
    context,
    links.map((link) => ({
      accountId,
      action: "invitation.revoked",
      objectType: "Invitation",
      objectId: link.id,
      details: { kind: "CLIENT", shareableLink: true, reason },
    })),
  );
}

/** Marks members archived: ends their sessions in the account, their tokens and links, and the invitations they sent. */
async function archive(
  db: EntityManager,
  context: Context,
  accountId: string,
  memberIds: string[],
  userIds: string[],
  at: Date,
  reason: TokenRevocationReason,
): Promise<void> {
  if (memberIds.length === 0) return;
  await sessionsService.endForMembersInAccount(db, accountId, userIds);
  await withdrawAuthority(db, context, accountId, memberIds, reason, at);
  await revokePendingInvitations(db, { invitedByMemberIds: memberIds }, at);
}

/** The owner guard for one updateMember call: only what it would change is judged. */
function ownerGuardForUpdate(
  actorMemberId: string,
  target: { id: string; role: Role; can_login: boolean },
  input: { role?: Role | null; canLogin?: boolean | null; title?: string | null },
): UserError[] {
  const errors: (UserError | null)[] = [];
  if (input.role != null && input.role !== target.role)
    errors.push(ownerGuard(actorMemberId, target, "role", ["role"]));
  if (input.canLogin != null && input.canLogin !== target.can_login)
    errors.push(ownerGuard(actorMemberId, target, "canLogin", ["canLogin"]));
  if (input.title != null) errors.push(ownerGuard(actorMemberId, target, "title", ["title"]));
  return errors.filter((error): error is UserError => error !== null);
}

export const membersService = {
  /**
   * Activate, archive or restore up to 1,000 members at once: all or nothing, each
   * refused ID reported with its index. The same few statements for any number of IDs:
   * the seat lock (activate and restore), one statement that locks, judges, counts seats
   * and updates (applyStatusChange), the audit entries and their webhook deliveries.
   */
  async changeStatus(
    context: Context,
    globalIds: string[],
    change: StatusChange,
  ): Promise<{ members: Member[]; userErrors: UserError[] }> {
    const viewer = requirePermission(context, "activateMembers");
    const rule = STATUS_CHANGES[change];
    if (globalIds.length === 0 || globalIds.length > BULK_MEMBERS_MAX) {
      return {
        members: [],
        userErrors: [
          userError(UserErrorCode.INVALID, `Choose 1 to ${BULK_MEMBERS_MAX} members.`, [
            "memberIds",
          ]),
        ],
      };
    }
    const localIds = globalIds.map((id) => localIdOf(id, "Member"));
    return context.db.transaction(async (db) => {
      const seatLock = change === "archive" ? null : await lockSeatRow(db, viewer.accountId);
      const now = clock.now();
      const outcome = await applyStatusChange(db, {
        accountId: viewer.accountId,
        actorMemberId: viewer.memberId,
        memberIds: localIds.filter((id): id is string => Boolean(id)),
        listed: globalIds.length,
        change,
        seatLimit: seatLock?.limit ?? null,
        now,
      });
      const locked = outcome.locked;
      const byId = new Map(locked.map((row) => [row.id, row]));
      const userErrors: UserError[] = [];
      const seen = new Set<string>();
      localIds.forEach((id, index) => {
        const member = id ? byId.get(id) : undefined;
        const field = ["memberIds", String(index)];
        const guarded = member ? ownerGuard(viewer.memberId, member, change, field) : null;
        if (!member) userErrors.push(userError(UserErrorCode.NOT_FOUND, "No such member.", field));
        else if (seen.has(member.id))
          userErrors.push(userError(UserErrorCode.INVALID, "This member is listed twice.", field));
        else if (guarded) userErrors.push(guarded);
        else if (!rule.from.includes(member.status)) {
          userErrors.push(
            userError(
              UserErrorCode.INVALID_STATE,
              `This member cannot be ${rule.verb}: they are ${member.status.toLowerCase()}.`,
              field,
            ),
          );
        } else if (change === "archive" && member.id === viewer.memberId) {
          userErrors.push(
            userError(UserErrorCode.INVALID_STATE, "You cannot archive yourself.", field),
          );
        }
        if (member) seen.add(member.id);
      });
      const internalGaining = locked.filter(
        (m) => m.type === MemberType.INTERNAL && m.status !== MemberStatus.ACTIVE,
      ).length;
      const seatLimit = seatLock?.limit ?? null;
      const seatsUsed = outcome.seatsUsed ?? 0;
      if (!userErrors.length && seatLimit !== null && seatsUsed + internalGaining > seatLimit) {
        userErrors.push(
          userError(
            UserErrorCode.SEAT_LIMIT_REACHED,
            `${seatsUsed} of ${seatLimit} seats are used and this needs ${internalGaining} more.`,
            ["memberIds"],
          ),
        );
      }
      // The statement applies the same rules; should they ever disagree, fail (the savepoint
      // rolls the change back) rather than answer one thing and store another.
      if (userErrors.length > 0 === outcome.changed.length > 0)
        throw new Error(
          `bulk ${change}: the statement ${outcome.changed.length ? "changed" : "refused"} a batch the rules ${userErrors.length ? "refuse" : "allow"}`,
        );
      if (userErrors.length) return { members: [], userErrors };
      if (change === "archive")
        await archive(
          db,
          context,
          viewer.accountId,
          locked.map((m) => m.id),
          locked.map((m) => m.user_id),
          now,
          "creator_archived",
        );
      await auditService.record(
        db,
        context,
        locked.map((member) => ({
          accountId: viewer.accountId,
          action: rule.action,
          objectType: "Member",
          objectId: member.id,
          details: { type: member.type, from: member.status, to: rule.to },
        })),
      );
      context.loaders.seatsUsedByAccountId.clear(viewer.accountId);
      const order = new Map(localIds.map((id, index) => [id, index]));
      return {
        members: outcome.changed
          .map(toMember)
          .sort((a, b) => order.get(a.localId)! - order.get(b.localId)!),
        userErrors: [],
      };
    });
  },

  /** Archives every non-archived member of a partner (removal from the network); returns how many. */
  async archivePartnerPeople(
    db: EntityManager,
    context: Context,
    accountId: string,
    partnerId: string,
    at: Date,
  ): Promise<number> {
    const people = await queryRows<{ id: string }>(
      db,
      "SELECT id FROM members WHERE account_id = $1 AND partner_id = $2 AND status <> 'ARCHIVED'",
      [accountId, partnerId],
    );
    return membersService.archiveMembersById(
      db,
      context,
      accountId,
      people.map((person) => person.id),
      at,
    );
  },

  /**
   * Archives the given members (a removed client's member, say), ending their sessions,
   * tokens and links here; returns how many changed. The owner guard holds here too: the
   * owner is never among a removal's people (they are internal and never a client), and
   * should an owner's id arrive all the same the statement leaves that row alone.
   */
  async archiveMembersById(
    db: EntityManager,
    context: Context,
    accountId: string,
    memberIds: string[],
    at: Date,
  ): Promise<number> {
    const rows = await queryRows<{ id: string; user_id: string }>(
      db,
      `UPDATE members SET status = 'ARCHIVED', archived_at = $3
       WHERE account_id = $1 AND id = ANY($2::uuid[]) AND status <> 'ARCHIVED' AND role <> $4
       RETURNING id, user_id`,
      [accountId, memberIds, at, Role.OWNER],
    );
    await archive(
      db,
      context,
      accountId,
      rows.map((r) => r.id),
      rows.map((r) => r.user_id),
      at,
      "creator_removed",
    );
    return rows.length;
  },

  /** A client's own member: external, role CLIENT, active with login. Null when the user is a member already. */
  async addClientMember(
    db: EntityManager,
    accountId: string,
    userId: string,
  ): Promise<string | null> {
    const [row] = await queryRows<{ id: string }>(
      db,
      // The person accepted the client invitation or used the link themselves: accepted at once.
      `INSERT INTO members (account_id, user_id, type, role, status, can_login, activated_at, accepted_at)
       VALUES ($1, $2, 'EXTERNAL', 'CLIENT', 'ACTIVE', true, now(), now()) ON CONFLICT (account_id, user_id) DO NOTHING RETURNING id`,
      [accountId, userId],
    );
    return row?.id ?? null;
  },

  /**
   * An external person added by hand, active at once but awaiting the person: the account
   * sees the name and email it typed until they accept (docs/api.md "Identity ownership").
   * A new email gets a placeholder user without password; an existing user is never
   * changed, only pointed at. The same statements run either way, and `existingUser`
   * stays with the caller's mail step, never in the answer. Null when already a member.
   */
  async addExternalMember(
    db: EntityManager,
    input: {
      accountId: string;
      partnerId: string;
      name: string;
      email: string;
      canLogin: boolean;
      addedByMemberId: string;
    },
  ): Promise<{ memberId: string; userId: string; existingUser: boolean } | null> {
    const user = await placeholderUsersService.findOrCreate(db, input.email, input.name);
    const addedByName = await membersService.nameOf(db, input.addedByMemberId);
    const [row] = await queryRows<{ id: string }>(
      db,
      `INSERT INTO members (account_id, user_id, type, role, status, can_login, partner_id, activated_at,
         accepted_at, display_name, display_email, added_by_name)
       VALUES ($1, $2, 'EXTERNAL', 'COLLABORATOR_EXTERNAL', 'ACTIVE', $3, $4, now(), NULL, $5, $6, $7)
       ON CONFLICT (account_id, user_id) DO NOTHING RETURNING id`,
      [
        input.accountId,
        user.id,
        input.canLogin,
        input.partnerId,
        input.name,
        // Lower-cased as typed: whatever the person's own address looks like is theirs to show.
        normalizeEmail(input.email).toLowerCase(),
        addedByName,
      ],
    );
    return row ? { memberId: row.id, userId: user.id, existingUser: !user.created } : null;
  },

  /**
   * Whether the user accepted their membership in the account, and the email the account
   * sees for them (what it typed, until they accept); null without a membership.
   */
  async acceptanceOf(
    db: EntityManager,
    accountId: string,
    userId: string,
  ): Promise<{ accepted: boolean; email: string } | null> {
    const [row] = await queryRows<{ accepted: boolean; email: string }>(
      db,
      `SELECT m.accepted_at IS NOT NULL AS accepted, ${MEMBER_EMAIL_SQL} AS email
       FROM members m JOIN users u ON u.id = m.user_id WHERE m.account_id = $1 AND m.user_id = $2`,
      [accountId, userId],
    );
    return row ?? null;
  },

  /**
   * The membership a LOGIN invitation's link opens: active with login allowed, accepted or
   * not (following the emailed link is the acceptance; see markAccepted).
   */
  async loginMembership(
    db: EntityManager,
    userId: string,
    accountId: string,
  ): Promise<{ id: string } | null> {
    const [row] = await queryRows<{ id: string }>(
      db,
      "SELECT id FROM members WHERE user_id = $1 AND account_id = $2 AND status = $3 AND can_login",
      [userId, accountId, MemberStatus.ACTIVE],
    );
    return row ?? null;
  },

  /** The person accepted (their emailed link, or their own session): from now on the account sees who they are. */
  async markAccepted(db: EntityManager, memberId: string): Promise<void> {
    await execute(
      db,
      "UPDATE members SET accepted_at = coalesce(accepted_at, now()), declined_at = NULL WHERE id = $1",
      [memberId],
    );
  },

  /**
   * Memberships someone else created for the user that await their answer: not accepted,
   * not declined, not archived. Read through the user's own-memberships policy.
   */
  async pendingFor(db: EntityManager, userId: string): Promise<PendingMembershipRow[]> {
    return queryRows<PendingMembershipRow>(
      db,
      `SELECT m.id, m.account_id, m.added_by_name, m.created_at FROM members m
       WHERE m.user_id = $1 AND m.accepted_at IS NULL AND m.declined_at IS NULL AND m.status <> 'ARCHIVED'
       ORDER BY m.created_at, m.id`,
      [userId],
    );
  },

  /**
   * The person's answer to a pending membership, from their own session (the caller checked
   * their email is verified). Accepting makes it enterable and shows their own identity to
   * the account; declining archives it (sessions there end, it never counts as pending
   * again). Null when the membership is not theirs or not pending.
   */
  async answerPending(
    context: Context,
    db: EntityManager,
    userId: string,
    memberGlobalId: string,
    answer: "accept" | "decline",
  ): Promise<{ accountId: string; memberId: string } | null> {
    const memberId = localIdOf(memberGlobalId, "Member");
    if (!memberId) return null;
    const [pending] = (await membersService.pendingFor(db, userId)).filter(
      (row) => row.id === memberId,
    );
    if (!pending) return null;
    const accountId = pending.account_id;
    // The person writes their own membership in the account that added them.
    return tenantScope.reachInto(db, [accountId], async () => {
      const now = clock.now();
      if (answer === "accept") await membersService.markAccepted(db, memberId);
      else {
        await execute(
          db,
          "UPDATE members SET declined_at = $2, status = 'ARCHIVED', archived_at = $2 WHERE id = $1",
          [memberId, now],
        );
        await sessionsService.endForMembersInAccount(db, accountId, [userId]);
      }
      await answerLoginInvitations(db, accountId, memberId, answer, now);
      await auditService.record(db, context, [
        {
          accountId,
          action: answer === "accept" ? "member.accepted" : "member.declined",
          objectType: "Member",
          objectId: memberId,
          actor: { userId, memberId },
        },
      ]);
      context.loaders.memberById.clear(memberId);
      context.loaders.membershipsByUserId.clear(userId);
      return { accountId, memberId };
    });
  },

  /**
   * Role and login need ADMINISTRATOR; title and name need EDITOR. The name is the member's
   * display name in this account, never the person's own (users.name): it changes only
   * while they have not accepted or never set a password; after that only they rename
   * themselves (updateProfile).
   */
  async updateMember(
    context: Context,
    input: {
      memberId: string;
      role?: Role | null;
      canLogin?: boolean | null;
      title?: string | null;
      name?: string | null;
    },
    onLoginGranted: LoginGrantedHook,
  ): Promise<{ member: Member | null; userErrors: UserError[] }> {
    const wantsAccess = input.role != null || input.canLogin != null;
    const viewer = requirePermission(
      context,
      wantsAccess ? "manageRolesAndLogin" : "editMemberProfiles",
    );
    const id = localIdOf(input.memberId, "Member");
    const [member] = id
      ? await queryRows<MemberBeforeUpdate>(
          context.db,
          `SELECT m.id, m.user_id, m.status, m.type, m.role, m.can_login, m.title, ${MEMBER_NAME_SQL} AS name,
             (m.accepted_at IS NULL OR u.password_hash IS NULL) AS name_editable
           FROM members m JOIN users u ON u.id = m.user_id WHERE m.id = $1 AND m.account_id = $2`,
          [id, viewer.accountId],
        )
      : [];
    if (!member)
      return {
        member: null,
        userErrors: [userError(UserErrorCode.NOT_FOUND, "No such member.", ["memberId"])],
      };
    const userErrors: UserError[] = ownerGuardForUpdate(viewer.memberId, member, input);
    if (input.role != null && input.role !== member.role && member.role !== Role.OWNER) {
      if (member.type === MemberType.EXTERNAL)
        userErrors.push(
          userError(UserErrorCode.INVALID, "External members are always collaborators.", ["role"]),
        );
      else if (!(ASSIGNABLE_INTERNAL_ROLES as readonly Role[]).includes(input.role))
        userErrors.push(
          userError(UserErrorCode.INVALID, "Choose Administrator, Editor or Viewer.", ["role"]),
        );
    }
    if (input.canLogin === false && member.id === viewer.memberId)
      userErrors.push(
        userError(UserErrorCode.INVALID_STATE, "You cannot turn off your own login.", ["canLogin"]),
      );
    const name = input.name?.trim();
    if (input.name != null && !name)
      userErrors.push(userError(UserErrorCode.INVALID, "Name cannot be empty.", ["name"]));
    else if (name && name !== member.name && !member.name_editable)
      userErrors.push(
        userError(
          UserErrorCode.FORBIDDEN,
          `Only ${member.name} can change their own name: they accepted this membership.`,
          ["name"],
        ),
      );
    if (userErrors.length) return { member: null, userErrors };
    const refused = await context.db.transaction(async (db) => {
      // Read again under a row lock: an ownership transfer may have made them the owner since.
      const [current] = await queryRows<{ id: string; role: Role; can_login: boolean }>(
        db,
        "SELECT id, role, can_login FROM members WHERE id = $1 FOR UPDATE",
        [member.id],
      );
      const guarded = ownerGuardForUpdate(viewer.memberId, current!, input);
      if (guarded.length) return guarded;
      await execute(
        db,
        `UPDATE members SET role = coalesce($2, role), can_login = coalesce($3, can_login),
           title = CASE WHEN $4::boolean THEN nullif(btrim($5), '') ELSE title END WHERE id = $1`,
        [
          member.id,
          input.role ?? null,
          input.canLogin ?? null,
          input.title !== undefined && input.title !== null,
          input.title ?? null,
        ],
      );
      // The account's name for the person; their own name (users.name) is theirs alone.
      if (name && name !== member.name)
        await execute(db, "UPDATE members SET display_name = $2 WHERE id = $1", [member.id, name]);
      const now = clock.now();
      if (input.canLogin === false) {
        await sessionsService.endForMembersInAccount(db, viewer.accountId, [member.user_id]);
        await withdrawAuthority(
          db,
          context,
          viewer.accountId,
          [member.id],
          "creator_login_withdrawn",
          now,
        );
      }
      if (input.role != null && input.role !== member.role)
        await withdrawAuthority(
          db,
          context,
          viewer.accountId,
          [member.id],
          "creator_role_changed",
          now,
          input.role,
        );
      if (input.canLogin === true)
        await onLoginGranted(db, context, {
          accountId: viewer.accountId,
          userId: member.user_id,
          invitedByMemberId: viewer.memberId,
        });
      const title = input.title == null ? undefined : input.title.trim() || null;
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (input.role != null && input.role !== member.role)
        changes.role = { from: member.role, to: input.role };
      if (input.canLogin != null && input.canLogin !== member.can_login)
        changes.canLogin = { from: member.can_login, to: input.canLogin };
      if (title !== undefined && title !== member.title)
        changes.title = { from: member.title, to: title };
      if (name && name !== member.name) changes.name = { from: member.name, to: name };
      if (Object.keys(changes).length) {
        await auditService.record(db, context, [
          {
            accountId: viewer.accountId,
            action: "member.updated",
            objectType: "Member",
            objectId: member.id,
            details: { changes },
          },
        ]);
      }
      return [];
    });
    if (refused.length) return { member: null, userErrors: refused };
    context.loaders.memberById.clear(member.id);
    return { member: await context.loaders.memberById.load(member.id), userErrors: [] };
  },

  /** Locks a member of the account for an ownership transfer; eligible = an active internal administrator. */
  async lockForOwnership(
    db: EntityManager,
    accountId: string,
    memberId: string,
  ): Promise<{ id: string; eligible: boolean } | null> {
    const [row] = await queryRows<LockedMember>(
      db,
      "SELECT id, user_id, status, type, role FROM members WHERE id = $1 AND account_id = $2 FOR UPDATE",
      [memberId, accountId],
    );
    if (!row) return null;
    const eligible =
      row.status === MemberStatus.ACTIVE &&
      row.type === MemberType.INTERNAL &&
      row.role === Role.ADMINISTRATOR;
    return { id: row.id, eligible };
  },

  /**
   * The owner becomes an administrator, then the new owner is promoted: two
   * statements in this order, since the one-owner index is checked row by row.
   * False (nothing changed) when `fromMemberId` is not the owner any more.
   */
  async moveOwnership(
    db: EntityManager,
    accountId: string,
    fromMemberId: string,
    toMemberId: string,
  ): Promise<boolean> {
    const demoted = await queryRows<{ id: string }>(
      db,
      "UPDATE members SET role = $3 WHERE id = $1 AND account_id = $2 AND role = $4 RETURNING id",
      [fromMemberId, accountId, Role.ADMINISTRATOR, Role.OWNER],
    );
    // The caller is no longer the owner (a concurrent transfer won): change nothing.
    if (demoted.length === 0) return false;
    await execute(db, "UPDATE members SET role = $3 WHERE id = $1 AND account_id = $2", [
      toMemberId,
      accountId,
      Role.OWNER,
    ]);
    return true;
  },

  /** Whether the user is an active owner or administrator of the account. */
  async administers(db: EntityManager, userId: string, accountId: string): Promise<boolean> {
    const [row] = await queryRows<{ administers: number }>(
      db,
      "SELECT 1 AS administers FROM members WHERE user_id = $1 AND account_id = $2 AND status = 'ACTIVE' AND role IN ('OWNER', 'ADMINISTRATOR')",
      [userId, accountId],
    );
    return Boolean(row);
  },

  /** The account's owner at sign-up: internal, active, with login. */
  async addOwner(db: EntityManager, accountId: string, userId: string): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      db,
      `INSERT INTO members (account_id, user_id, type, role, status, can_login, activated_at, accepted_at)
       VALUES ($1, $2, $3, $4, $5, true, now(), now()) RETURNING id`,
      [accountId, userId, MemberType.INTERNAL, Role.OWNER, MemberStatus.ACTIVE],
    );
    return row.id;
  },

  /**
   * The member an accepted user invitation creates: internal and active with the
   * invited role. An archived member comes back; null when they are a member already.
   */
  async addInvitedMember(
    db: EntityManager,
    input: { accountId: string; userId: string; role: Role },
  ): Promise<string | null> {
    const [row] = await queryRows<{ id: string }>(
      db,
      // Accepting the invitation from their own session or its emailed link is the person's consent.
      `INSERT INTO members (account_id, user_id, type, role, status, can_login, activated_at, accepted_at)
       VALUES ($1, $2, 'INTERNAL', $3, 'ACTIVE', true, now(), now())
       ON CONFLICT (account_id, user_id) DO UPDATE
         SET type = 'INTERNAL', role = excluded.role, status = 'ACTIVE', can_login = true, activated_at = now(), archived_at = NULL,
           accepted_at = coalesce(members.accepted_at, now())
         WHERE members.status = 'ARCHIVED'
       RETURNING id`,
      [input.accountId, input.userId, input.role],
    );
    return row?.id ?? null;
  },

  /**
   * What an invitation's issuer holds now, read in the accepting transaction: their role
   * and whether they are active with login. The row is share-locked, so a demotion or
   * archive racing the accept waits for it and then revokes what it must.
   */
  async issuerStanding(
    db: EntityManager,
    accountId: string,
    memberId: string,
  ): Promise<{ role: Role; enterable: boolean } | null> {
    const [row] = await queryRows<{ role: Role; enterable: boolean }>(
      db,
      "SELECT role, (status = $3 AND can_login) AS enterable FROM members WHERE id = $1 AND account_id = $2 FOR SHARE",
      [memberId, accountId, MemberStatus.ACTIVE],
    );
    return row ?? null;
  },

  /** A member's display name, read inside the caller's transaction (no second pool connection). */
  async nameOf(db: EntityManager, memberId: string): Promise<string> {
    const [row] = await queryRows<{ name: string }>(
      db,
      `SELECT ${MEMBER_NAME_SQL} AS name FROM members m JOIN users u ON u.id = m.user_id WHERE m.id = $1`,
      [memberId],
    );
    return row?.name ?? "Someone";
  },

  /** Emails of the account's active owners and administrators (who receive partner invitations). */
  async adminEmails(db: EntityManager, accountId: string): Promise<string[]> {
    const rows = await queryRows<{ email: string }>(
      db,
      `SELECT u.email FROM members m JOIN users u ON u.id = m.user_id
       WHERE m.account_id = $1 AND m.status = 'ACTIVE' AND m.role IN ('OWNER', 'ADMINISTRATOR') ORDER BY m.role DESC, m.created_at`,
      [accountId],
    );
    return rows.map((row) => row.email);
  },

  /** The user's member in the account, whatever its status; null when they have none. */
  async memberIdOf(db: EntityManager, accountId: string, userId: string): Promise<string | null> {
    const [row] = await queryRows<{ id: string }>(
      db,
      "SELECT id FROM members WHERE account_id = $1 AND user_id = $2",
      [accountId, userId],
    );
    return row?.id ?? null;
  },

  /** Whether the user may enter the account: an accepted, active membership with login allowed. */
  async enterableMembership(
    db: EntityManager,
    userId: string,
    accountId: string,
  ): Promise<{ id: string } | null> {
    const [row] = await queryRows<{ id: string }>(
      db,
      "SELECT id FROM members WHERE user_id = $1 AND account_id = $2 AND status = $3 AND can_login AND accepted_at IS NOT NULL",
      [userId, accountId, MemberStatus.ACTIVE],
    );
    return row ?? null;
  },

  /** The account a fresh session starts in: the oldest enterable membership. */
  async firstEnterableMembership(
    db: EntityManager,
    userId: string,
  ): Promise<{ accountId: string; memberId: string } | null> {
    const [row] = await queryRows<{ account_id: string; id: string }>(
      db,
      "SELECT account_id, id FROM members WHERE user_id = $1 AND status = $2 AND can_login AND accepted_at IS NOT NULL ORDER BY created_at, id LIMIT 1",
      [userId, MemberStatus.ACTIVE],
    );
    return row ? { accountId: row.account_id, memberId: row.id } : null;
  },

  async listMembers(
    context: Context,
    accountId: string,
    args: ConnectionArgs,
    filter: MemberFilter | null | undefined,
    order?: MemberOrder | null,
    /** Relations the caller selected below the nodes, read with the page (member-page-preloads.ts). */
    options: { preloads?: RowPreload[] } = {},
  ): Promise<Connection<Member>> {
    const where = ["m.account_id = $1"];
    const params: unknown[] = [accountId];
    const add = (condition: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      where.push(condition(`$${params.length}`));
    };
    const scope = memberListScope(context, accountId);
    if (scope.kind === "none") where.push("false");
    else if (scope.kind === "own") add((p) => `m.id = ${p}::uuid`, scope.memberId);
    // One status as `=`, so the (account, status, created_at) index is read in order instead of sorted.
    if (filter?.status?.length === 1) add((p) => `m.status = ${p}`, filter.status[0]);
    else if (filter?.status?.length) add((p) => `m.status = ANY(${p}::text[])`, filter.status);
    if (filter?.type) add((p) => `m.type = ${p}`, filter.type);
    if (filter?.partnerId != null) {
      const partner = fromGlobalId(filter.partnerId);
      if (partner?.type === "Partner") add((p) => `m.partner_id = ${p}::uuid`, partner.id);
      else where.push("false");
    }
    const search = filter?.search?.trim();
    if (search) {
      const pattern = likePattern(search);
      const matches = await searchMatchedUserIds(context.db, accountId, pattern);
      if (matches) add((p) => `m.user_id = ANY(${p}::uuid[])`, matches);
      else add((p) => `(${MEMBER_NAME_SQL} ILIKE ${p} OR ${MEMBER_EMAIL_SQL} ILIKE ${p})`, pattern);
    }
    return paginate<MemberRow & Record<string, unknown>, Member>(
      context.db,
      {
        select: MEMBER_COLUMNS,
        from: MEMBER_FROM,
        where,
        params,
        ...keysetOrder(order, MEMBER_ORDER_KEYS),
        preloads: options.preloads,
      },
      args,
      toMember,
    );
  },

  async memberById(context: Context, localId: string): Promise<Member | null> {
    return visibleToViewer(context, await context.loaders.memberById.load(localId));
  },

  /** The accounts a user can enter: their accepted, active memberships with login allowed. */
  async enterableMemberships(context: Context, userId: string): Promise<Member[]> {
    const memberships = await context.loaders.membershipsByUserId.load(userId);
    return memberships.filter(
      (member) =>
        member.acceptedAt !== null && member.status === MemberStatus.ACTIVE && member.canLogin,
    );
  },

  async currentMember(context: Context): Promise<Member | null> {
    const memberId = context.viewer?.memberId;
    return memberId ? context.loaders.memberById.load(memberId) : null;
  },
};

export const memberNodeSource: NodeSource = {
  typeName: "Member",
  load: (context, ids) => Promise.all(ids.map((id) => membersService.memberById(context, id))),
};

/** members.csv of the account backup: every member, with the name and email the account sees. */
export const memberExportTable: ExportTable = {
  file: "members.csv",
  columns: [
    "id",
    "user_id",
    "name",
    "email",
    "type",
    "role",
    "status",
    "can_login",
    "title",
    "partner_id",
    "created_at",
    "activated_at",
    "archived_at",
    "accepted_at",
  ],
  // The names and emails the account sees, as in its member list: not the identity of someone who has not accepted.
  sql: `SELECT m.id, m.user_id, ${MEMBER_NAME_SQL} AS name, ${MEMBER_EMAIL_SQL} AS email, m.type, m.role, m.status,
          m.can_login, m.title, m.partner_id, m.created_at, m.activated_at, m.archived_at, m.accepted_at
        FROM members m JOIN users u ON u.id = m.user_id
        WHERE m.account_id = $1 ORDER BY m.created_at, m.id`,
};
