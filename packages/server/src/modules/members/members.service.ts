/** Reading members, scoped to the viewer's current account and filtered by role. */
import { can, fromGlobalId, MemberStatus, MemberType, Role } from "@pn/shared";
import type { EntityManager } from "typeorm";
import { paginate, type Connection, type ConnectionArgs } from "../../graphql/connection";
import type { Context } from "../../graphql/context";
import type { NodeSource } from "../../graphql/node";
import { MEMBER_COLUMNS, MEMBER_FROM, toMember, type Member, type MemberFilter, type MemberRow } from "./member.type";

/** `%` and `_` typed by the user match themselves, not any text. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** A member of the viewer's account, or null when it is elsewhere or hidden from the viewer's role. */
function visibleToViewer(context: Context, member: Member | null): Member | null {
  const viewer = context.viewer;
  if (!member || !viewer || member.accountId !== viewer.accountId) return null;
  if (can(viewer.role, "readAccount") || member.localId === viewer.memberId) return member;
  return null;
}

export const membersService = {
  /** The account's owner at sign-up: internal, active, with login. */
  async addOwner(db: EntityManager, accountId: string, userId: string): Promise<string> {
    const [row] = await db.query(
      `INSERT INTO members (account_id, user_id, type, role, status, can_login, activated_at)
       VALUES ($1, $2, $3, $4, $5, true, now()) RETURNING id`,
      [accountId, userId, MemberType.INTERNAL, Role.OWNER, MemberStatus.ACTIVE],
    );
    return row.id;
  },

  /**
   * The member an accepted user invitation creates: internal and active with the
   * invited role. An archived member comes back; null when they are a member already.
   */
  async addInvitedMember(db: EntityManager, input: { accountId: string; userId: string; role: Role }): Promise<string | null> {
    const [row] = await db.query(
      `INSERT INTO members (account_id, user_id, type, role, status, can_login, activated_at)
       VALUES ($1, $2, 'INTERNAL', $3, 'ACTIVE', true, now())
       ON CONFLICT (account_id, user_id) DO UPDATE
         SET type = 'INTERNAL', role = excluded.role, status = 'ACTIVE', can_login = true, activated_at = now(), archived_at = NULL
         WHERE members.status = 'ARCHIVED'
       RETURNING id`,
      [input.accountId, input.userId, input.role],
    );
    return row?.id ?? null;
  },

  /** A member's display name, read inside the caller's transaction (no second pool connection). */
  async nameOf(db: EntityManager, memberId: string): Promise<string> {
    const [row] = await db.query("SELECT u.name FROM members m JOIN users u ON u.id = m.user_id WHERE m.id = $1", [memberId]);
    return row?.name ?? "Someone";
  },

  /** Whether the user may enter the account: an active membership with login allowed. */
  async enterableMembership(db: EntityManager, userId: string, accountId: string): Promise<{ id: string } | null> {
    const [row] = await db.query(
      "SELECT id FROM members WHERE user_id = $1 AND account_id = $2 AND status = $3 AND can_login",
      [userId, accountId, MemberStatus.ACTIVE],
    );
    return row ?? null;
  },

  /** The account a fresh session starts in: the oldest enterable membership. */
  async firstEnterableAccountId(db: EntityManager, userId: string): Promise<string | null> {
    const [row] = await db.query(
      "SELECT account_id FROM members WHERE user_id = $1 AND status = $2 AND can_login ORDER BY created_at, id LIMIT 1",
      [userId, MemberStatus.ACTIVE],
    );
    return row?.account_id ?? null;
  },

  async listMembers(
    context: Context,
    accountId: string,
    args: ConnectionArgs,
    filter: MemberFilter | null | undefined,
  ): Promise<Connection<Member>> {
    const viewer = context.viewer;
    const where = ["m.account_id = $1"];
    const params: unknown[] = [accountId];
    const add = (condition: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      where.push(condition(`$${params.length}`));
    };
    if (!viewer || viewer.accountId !== accountId) {
      where.push("false");
    } else if (!can(viewer.role, "readAccount")) {
      // External collaborators and clients see only their own record.
      add((p) => `m.id = ${p}::uuid`, viewer.memberId);
    }
    if (filter?.status?.length) add((p) => `m.status = ANY(${p}::text[])`, filter.status);
    if (filter?.type) add((p) => `m.type = ${p}`, filter.type);
    if (filter?.partnerId != null) {
      const partner = fromGlobalId(filter.partnerId);
      if (partner?.type === "Partner") add((p) => `m.partner_id = ${p}::uuid`, partner.id);
      else where.push("false");
    }
    const search = filter?.search?.trim();
    if (search) add((p) => `(u.name ILIKE ${p} OR u.email ILIKE ${p})`, likePattern(search));
    return paginate<MemberRow & Record<string, unknown>, Member>(
      context.db,
      {
        select: MEMBER_COLUMNS,
        from: MEMBER_FROM,
        where,
        params,
        orderBy: [
          { expression: "m.created_at", sqlType: "timestamptz" },
          { expression: "m.id", sqlType: "uuid" },
        ],
        direction: "DESC",
      },
      args,
      toMember,
    );
  },

  async memberById(context: Context, localId: string): Promise<Member | null> {
    return visibleToViewer(context, await context.loaders.memberById.load(localId));
  },

  /** The accounts a user can enter: their active memberships with login allowed. */
  async enterableMemberships(context: Context, userId: string): Promise<Member[]> {
    const memberships = await context.loaders.membershipsByUserId.load(userId);
    return memberships.filter((member) => member.status === MemberStatus.ACTIVE && member.canLogin);
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

