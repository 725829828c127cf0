/**
 * The partner network: partner companies of an account, invitations to them,
 * the link between two accounts, and removal from the network.
 */
import {
  can,
  isValidDomain,
  isValidEmail,
  isValidPublicUrl,
  normalizeEmail,
  PARTNER_INVITATION_LIFETIME_DAYS,
  toGlobalId,
  UserErrorCode,
} from "@pn/shared";
import type { EntityManager } from "typeorm";
import { clock } from "../../clock";
import { mintToken } from "../../crypto/secret-token";
import { execute, likePattern, queryRows } from "../../db/sql";
import { tenantScope } from "../../db/tenant-transaction";
import {
  newestFirst,
  paginate,
  type Connection,
  type ConnectionArgs,
  type RowPreload,
} from "../../graphql/connection";
import type { Context } from "../../graphql/context";
import { keysetOrder, LIST_COLLATION, type OrderKeys } from "../../graphql/list-order";
import { localIdOf } from "../../graphql/global-id";
import type { NodeSource } from "../../graphql/node";
import type { ExportTable } from "../../db/table-export";
import { requirePermission } from "../../graphql/permissions";
import { userError, type UserError } from "../../graphql/user-error";
import { accountsService } from "../accounts/accounts.service";
import {
  INVITATION_COLUMNS,
  toInvitation,
  type Invitation,
  type InvitationRow,
  type ResendPlan,
} from "../invitations/invitation.type";
import { auditService, type AuditEntry } from "../audit/audit.service";
import { clientsService } from "../clients/clients.service";
import {
  insertInvitations,
  markInvitationAccepted,
  revokePendingInvitations,
} from "../invitations/invitation-store";
import { invitationLink } from "../invitations/invitation-link";
import { addedToAccountEmail, pendingMembershipsUrl } from "../invitations/login-email";
import { mailService } from "../mail/mail.service";
import { membersService, type LoginGrantedHook } from "../members/members.service";
import { partnerInvitationEmail } from "./partner-email";
import {
  PARTNER_COLUMN_NAMES,
  PARTNER_COLUMNS,
  toPartner,
  type Partner,
  type PartnerFilter,
  type PartnerOrder,
  type PartnerOrderField,
  type MemberCounts,
  type PartnerRow,
} from "./partner.type";

/** Each partner column and its name in a row that preloads the partner (partnerPreload). */
const PARTNER_PRELOAD_COLUMNS = PARTNER_COLUMN_NAMES.map(
  (name) => [name, `__partner.${name}`] as const,
);

/** The statuses `MemberCounts` counts, as its fields name them. */
const MEMBER_COUNT_STATUSES = [
  "pending",
  "active",
  "archived",
] as const satisfies readonly (keyof MemberCounts)[];

/**
 * The keys of each partner order; the expressions match the indexes of migration
 * 1765400000000. PENDING_MEMBERS reads `partner_member_tallies`, which triggers on
 * members keep (a count per partner cannot be indexed otherwise).
 */
export const PARTNER_ORDER_KEYS: OrderKeys<PartnerOrderField> = {
  COMPANY_NAME: [
    { expression: `(p.company_name COLLATE ${LIST_COLLATION})`, sqlType: "text" },
    { expression: "p.id", sqlType: "uuid" },
  ],
  PENDING_MEMBERS: [
    { expression: "t.pending", sqlType: "int" },
    { expression: "t.partner_id", sqlType: "uuid" },
  ],
  CREATED_AT: newestFirst("p").orderBy,
};

const LIFETIME_MS = PARTNER_INVITATION_LIFETIME_DAYS * 24 * 60 * 60 * 1000;
const TEXT_MAX = 200;

type PartnerFields = {
  companyName?: string | null;
  domain?: string | null;
  externalId?: string | null;
  publicUrl?: string | null;
  guest?: boolean | null;
  allowLogin?: boolean | null;
};

/** Trims optional text; empty means "clear". Collects field errors. */
function validatePartnerFields(fields: PartnerFields, errors: UserError[], requireName: boolean) {
  const text = (value: string | null | undefined) =>
    value === undefined || value === null ? undefined : value.trim() || null;
  const companyName = text(fields.companyName);
  if ((requireName && !companyName) || companyName === null) {
    errors.push(userError(UserErrorCode.INVALID, "Company name is required.", ["companyName"]));
  }
  if (companyName && companyName.length > TEXT_MAX)
    errors.push(
      userError(UserErrorCode.INVALID, `Use at most ${TEXT_MAX} characters.`, ["companyName"]),
    );
  const domain = text(fields.domain)?.toLowerCase() ?? text(fields.domain);
  if (domain && !isValidDomain(domain))
    errors.push(
      userError(UserErrorCode.INVALID, "Enter a domain such as example.com.", ["domain"]),
    );
  const publicUrl = text(fields.publicUrl);
  if (publicUrl && !isValidPublicUrl(publicUrl))
    errors.push(userError(UserErrorCode.INVALID, "Enter a full http(s) URL.", ["publicUrl"]));
  const externalId = text(fields.externalId);
  if (externalId && externalId.length > 100)
    errors.push(userError(UserErrorCode.INVALID, "Use at most 100 characters.", ["externalId"]));
  return { companyName, domain, publicUrl, externalId };
}

function notFound(field = "partnerId"): UserError {
  return userError(UserErrorCode.NOT_FOUND, "No such partner.", [field]);
}

async function partnerInAccount(
  db: EntityManager,
  partnerId: string | null,
  accountId: string,
  lock = false,
): Promise<PartnerRow | null> {
  if (!partnerId) return null;
  const [row] = await queryRows<PartnerRow>(
    db,
    `SELECT ${PARTNER_COLUMNS} FROM partners p WHERE p.id = $1 AND p.account_id = $2 ${lock ? "FOR UPDATE" : ""}`,
    [partnerId, accountId],
  );
  return row ?? null;
}

/** An invitation by handle goes to the invited account's owners and administrators: a named reach into that account. */
function invitedAccountRecipients(db: EntityManager, invitedAccountId: string): Promise<string[]> {
  return tenantScope.reachInto(db, [invitedAccountId], () =>
    membersService.adminEmails(db, invitedAccountId),
  );
}

async function externalIdTaken(
  db: EntityManager,
  accountId: string,
  externalId: string,
  exceptPartnerId: string | null,
) {
  const [row] = await queryRows<{ taken: number }>(
    db,
    "SELECT 1 AS taken FROM partners WHERE account_id = $1 AND external_id = $2 AND id IS DISTINCT FROM $3",
    [accountId, externalId, exceptPartnerId],
  );
  return Boolean(row);
}

/**
 * Whether the viewer may see this partner: account readers, or its own external members;
 * answered at once when the role alone decides.
 */
function visibleToViewer(
  context: Context,
  partner: Partner | null,
): Partner | null | Promise<Partner | null> {
  const viewer = context.viewer;
  if (!partner || !viewer || partner.accountId !== viewer.accountId) return null;
  if (can(viewer.role, "readAccount")) return partner;
  // An external person sees only their own partner.
  if (!viewer.memberId) return null;
  return context.loaders.memberById
    .load(viewer.memberId)
    .then((self) => (self?.partnerId === partner.localId ? partner : null));
}

export const partnersService = {
  /**
   * The network map's partners (not removed), by name, with their people's counts here: one
   * statement however many. The caller checks that the viewer may read the account.
   */
  async networkNodes(db: EntityManager, accountId: string, limit: number) {
    return queryRows<{
      id: string;
      name: string;
      status: "INVITED" | "ACTIVE";
      active: number;
      pending: number;
    }>(
      db,
      `SELECT p.id, p.company_name AS name, p.status,
         count(m.id) FILTER (WHERE m.status = 'ACTIVE')::int AS active,
         count(m.id) FILTER (WHERE m.status = 'PENDING')::int AS pending
       FROM partners p LEFT JOIN members m ON m.partner_id = p.id AND m.account_id = p.account_id
       WHERE p.account_id = $1 AND p.status <> 'REMOVED'
       GROUP BY p.id ORDER BY lower(p.company_name), p.id LIMIT $2`,
      [accountId, limit],
    );
  },

  /** How many partners (not removed) the account has. */
  async networkCount(db: EntityManager, accountId: string): Promise<number> {
    const [row] = await queryRows<{ count: number }>(
      db,
      "SELECT count(*)::int AS count FROM partners WHERE account_id = $1 AND status <> 'REMOVED'",
      [accountId],
    );
    return row?.count ?? 0;
  },

  /** Synchronous when a page's preload primed the partner (PeekableLoader). */
  partnerById(context: Context, partnerId: string): Partner | null | Promise<Partner | null> {
    const partner = context.loaders.partnerById.peekOrLoad(partnerId);
    return partner instanceof Promise
      ? partner.then((loaded) => visibleToViewer(context, loaded))
      : visibleToViewer(context, partner);
  },

  /**
   * Joins each row of a page holding a partner id (`foreignKey`) to its partner and, when
   * asked, the partner's member counts, in the page's own statement; each row's part primes
   * the request's loaders, where `partnerById` and `Partner.memberCounts` find it (issue 20).
   * The joins read what the loaders' statements read, under the same row-level security.
   */
  partnerPreload(
    context: Context,
    options: { foreignKey: string; memberCounts: boolean },
  ): RowPreload {
    const primed = new Set<string>();
    const columns = PARTNER_PRELOAD_COLUMNS.map(
      ([name, column]) => `__partner.${name} AS "${column}"`,
    );
    if (options.memberCounts)
      columns.push(
        ...MEMBER_COUNT_STATUSES.map(
          (status) => `__partner_counts.${status} AS "__partner_counts.${status}"`,
        ),
      );
    // The counts the members triggers keep (migration 1765430000000): one row per partner.
    const countsJoin = `LEFT JOIN partner_member_tallies __partner_counts ON __partner_counts.partner_id = __partner.id`;
    return {
      columns: columns.join(", "),
      joins: (page) =>
        `LEFT JOIN partners __partner ON __partner.id = ${page}.${options.foreignKey}` +
        (options.memberCounts ? ` ${countsJoin}` : ""),
      prime(row) {
        const id = row["__partner.id"];
        // A page often lists several people of one partner: one partner object for all of them.
        if (typeof id !== "string" || primed.has(id)) return;
        primed.add(id);
        const partner: Record<string, unknown> = {};
        for (const [name, column] of PARTNER_PRELOAD_COLUMNS) partner[name] = row[column];
        context.loaders.partnerById.prime(id, toPartner(partner as PartnerRow));
        if (options.memberCounts) {
          const count = (status: keyof MemberCounts) => Number(row[`__partner_counts.${status}`]);
          context.loaders.memberCountsByPartnerId.prime(id, {
            pending: count("pending"),
            active: count("active"),
            archived: count("archived"),
          });
        }
      },
    };
  },

  async list(
    context: Context,
    accountId: string,
    args: ConnectionArgs,
    filter: PartnerFilter | null | undefined,
    order?: PartnerOrder | null,
  ): Promise<Connection<Partner>> {
    const viewer = context.viewer;
    const where = ["p.account_id = $1"];
    const params: unknown[] = [accountId];
    if (!viewer || viewer.accountId !== accountId || !can(viewer.role, "readAccount"))
      where.push("false");
    if (filter?.status?.length) {
      params.push(filter.status);
      where.push(`p.status = ANY($${params.length}::text[])`);
    }
    const search = filter?.search?.trim();
    if (search) {
      params.push(likePattern(search));
      where.push(
        `(p.company_name ILIKE $${params.length} OR p.contact_name ILIKE $${params.length} OR p.contact_email ILIKE $${params.length} OR p.domain ILIKE $${params.length})`,
      );
    }
    const byTally = order?.field === "PENDING_MEMBERS";
    // The tally's own account condition lets its (account_id, pending, partner_id) index give the order.
    if (byTally) where.push("t.account_id = $1");
    return paginate<PartnerRow & Record<string, unknown>, Partner>(
      context.db,
      {
        select: PARTNER_COLUMNS,
        from: byTally
          ? "partners p JOIN partner_member_tallies t ON t.partner_id = p.id"
          : "partners p",
        where,
        params,
        ...keysetOrder(order, PARTNER_ORDER_KEYS),
      },
      args,
      toPartner,
    );
  },

  async latestInvitation(context: Context, partner: Partner): Promise<Invitation | null> {
    const id = await context.loaders.latestInvitationIdByPartnerId.load(partner.localId);
    if (!id) return null;
    const [row] = await queryRows<InvitationRow>(
      context.db,
      `SELECT ${INVITATION_COLUMNS} FROM invitations i WHERE i.id = $1`,
      [id],
    );
    return row ? toInvitation(row) : null;
  },

  async create(
    context: Context,
    input: PartnerFields,
  ): Promise<{ partner: Partner | null; invitation: null; userErrors: UserError[] }> {
    const viewer = requirePermission(context, "managePartners");
    const userErrors: UserError[] = [];
    const fields = validatePartnerFields(input, userErrors, true);
    if (
      !userErrors.length &&
      fields.externalId &&
      (await externalIdTaken(context.db, viewer.accountId, fields.externalId, null))
    ) {
      userErrors.push(
        userError(UserErrorCode.TAKEN, "Another partner has this external ID.", ["externalId"]),
      );
    }
    if (userErrors.length) return { partner: null, invitation: null, userErrors };
    const row = await context.db.transaction(async (db) => {
      const [created] = await queryRows<PartnerRow>(
        db,
        `INSERT INTO partners (account_id, company_name, status, allow_login, guest, domain, external_id, public_url)
         VALUES ($1, $2, 'ACTIVE', $3, $4, $5, $6, $7) RETURNING ${PARTNER_COLUMNS.replace(/p\./g, "")}`,
        [
          viewer.accountId,
          fields.companyName,
          input.allowLogin ?? false,
          input.guest ?? false,
          fields.domain ?? null,
          fields.externalId ?? null,
          fields.publicUrl ?? null,
        ],
      );
      await auditService.record(db, context, [
        {
          accountId: viewer.accountId,
          action: "partner.created",
          objectType: "Partner",
          objectId: created!.id,
          details: {
            companyName: created!.company_name,
            guest: created!.guest,
            allowLogin: created!.allow_login,
          },
        },
      ]);
      return created!;
    });
    return { partner: toPartner(row), invitation: null, userErrors: [] };
  },

  async update(context: Context, input: PartnerFields & { partnerId: string }) {
    const viewer = requirePermission(context, "managePartners");
    const partnerId = localIdOf(input.partnerId, "Partner");
    const existing = await partnerInAccount(context.db, partnerId, viewer.accountId);
    if (!existing) return { partner: null, invitation: null, userErrors: [notFound()] };
    const userErrors: UserError[] = [];
    const fields = validatePartnerFields(input, userErrors, false);
    if (
      !userErrors.length &&
      fields.externalId &&
      (await externalIdTaken(context.db, viewer.accountId, fields.externalId, existing.id))
    ) {
      userErrors.push(
        userError(UserErrorCode.TAKEN, "Another partner has this external ID.", ["externalId"]),
      );
    }
    if (userErrors.length) return { partner: null, invitation: null, userErrors };
    const set = (value: string | null | undefined, current: string | null) =>
      value === undefined ? current : value;
    const next = {
      companyName: fields.companyName ?? existing.company_name,
      domain: set(fields.domain, existing.domain),
      externalId: set(fields.externalId, existing.external_id),
      publicUrl: set(fields.publicUrl, existing.public_url),
      guest: input.guest ?? existing.guest,
      allowLogin: input.allowLogin ?? existing.allow_login,
    };
    const before = {
      companyName: existing.company_name,
      domain: existing.domain,
      externalId: existing.external_id,
      publicUrl: existing.public_url,
      guest: existing.guest,
      allowLogin: existing.allow_login,
    };
    const changes = Object.fromEntries(
      (Object.keys(next) as (keyof typeof next)[])
        .filter((key) => next[key] !== before[key])
        .map((key) => [key, { from: before[key], to: next[key] }]),
    );
    const row = await context.db.transaction(async (db) => {
      const [updated] = await queryRows<PartnerRow>(
        db,
        `UPDATE partners p SET company_name = $2, domain = $3, external_id = $4, public_url = $5, guest = $6, allow_login = $7
         WHERE p.id = $1 RETURNING ${PARTNER_COLUMNS}`,
        [
          existing.id,
          next.companyName,
          next.domain,
          next.externalId,
          next.publicUrl,
          next.guest,
          next.allowLogin,
        ],
      );
      if (Object.keys(changes).length) {
        await auditService.record(db, context, [
          {
            accountId: viewer.accountId,
            action: "partner.updated",
            objectType: "Partner",
            objectId: existing.id,
            details: { changes },
          },
        ]);
      }
      return updated!;
    });
    context.loaders.partnerById.clear(existing.id);
    return { partner: toPartner(row), invitation: null, userErrors: [] };
  },

  /** OWNER/ADMINISTRATOR (checked by the upload route): stores a partner's logo; false when the partner is not the viewer's. */
  async setLogo(
    context: Context,
    partnerId: string | null,
    logo: { bytes: Buffer; contentType: string },
  ): Promise<Partner | null> {
    const viewer = requirePermission(context, "managePartners");
    if (!partnerId) return null;
    return context.db.transaction(async (db) => {
      const [row] = await queryRows<PartnerRow>(
        db,
        `UPDATE partners p SET logo = $3, logo_content_type = $4, logo_updated_at = $5 WHERE p.id = $1 AND p.account_id = $2 RETURNING ${PARTNER_COLUMNS}`,
        [partnerId, viewer.accountId, logo.bytes, logo.contentType, clock.now()],
      );
      if (!row) return null;
      await auditService.record(db, context, [
        {
          accountId: viewer.accountId,
          action: "partner.logo_updated",
          objectType: "Partner",
          objectId: row.id,
          details: { contentType: logo.contentType, bytes: logo.bytes.length },
        },
      ]);
      return toPartner(row);
    });
  },

  /** Invites a company by email (not here yet) or by the handle of its account; the partner starts INVITED. */
  async invite(
    context: Context,
    input: {
      email?: string | null;
      accountHandle?: string | null;
      contactName?: string | null;
      companyName?: string | null;
      allowLogin?: boolean | null;
    },
  ): Promise<{ partner: Partner | null; invitation: Invitation | null; userErrors: UserError[] }> {
    const viewer = requirePermission(context, "managePartners");
    const fail = (...userErrors: UserError[]) => ({ partner: null, invitation: null, userErrors });
    const email = input.email?.trim() ? normalizeEmail(input.email) : null;
    const handle = input.accountHandle?.trim().toLowerCase() || null;
    if ((email === null) === (handle === null)) {
      return fail(
        userError(
          UserErrorCode.INVALID,
          "Give either the partner's email or their account ID, not both.",
          [email ? "accountHandle" : "email"],
        ),
      );
    }
    if (email && !isValidEmail(email))
      return fail(userError(UserErrorCode.INVALID, "Enter a valid email address.", ["email"]));
    const contactName = input.contactName?.trim() || null;
    return context.db.transaction(async (db) => {
      let target: { id: string; name: string } | null = null;
      let recipients: string[] = email ? [email] : [];
      if (handle) {
        const account = await accountsService.findByHandle(db, handle);
        if (!account)
          return fail(
            userError(UserErrorCode.NOT_FOUND, `No account has the ID "${handle}".`, [
              "accountHandle",
            ]),
          );
        if (account.id === viewer.accountId)
          return fail(
            userError(UserErrorCode.INVALID, "An account cannot be its own partner.", [
              "accountHandle",
            ]),
          );
        const [linked] = await queryRows<{ linked: number }>(
          db,
          "SELECT 1 AS linked FROM partners WHERE account_id = $1 AND partner_account_id = $2 AND status <> 'REMOVED'",
          [viewer.accountId, account.id],
        );
        if (linked)
          return fail(
            userError(UserErrorCode.TAKEN, `${account.name} is already your partner.`, [
              "accountHandle",
            ]),
          );
        target = account;
        recipients = await invitedAccountRecipients(db, account.id);
      }
      const overSendLimit = await context.rateLimits.reserveInvitationSends(
        db,
        viewer.accountId,
        recipients.length,
        { field: [email ? "email" : "accountHandle"] },
      );
      if (overSendLimit) return fail(overSendLimit);
      const companyName = input.companyName?.trim() || target?.name || email!.split("@")[1]!;
      // By handle, the partner row names the intended account at once: a second invitation to it is refused.
      const [partner] = await queryRows<PartnerRow>(
        db,
        `INSERT INTO partners (account_id, company_name, contact_name, contact_email, partner_account_id, status, allow_login)
         VALUES ($1, $2, $3, $4, $5, 'INVITED', $6) RETURNING ${PARTNER_COLUMNS.replace(/p\./g, "")}`,
        [
          viewer.accountId,
          companyName,
          contactName,
          email,
          target?.id ?? null,
          input.allowLogin ?? false,
        ],
      );
      const now = clock.now();
      const token = mintToken(LIFETIME_MS, now);
      const expiresAt = token.expiresAt;
      const [invitation] = await insertInvitations(db, [
        {
          accountId: viewer.accountId,
          kind: "PARTNER",
          email: email ?? recipients[0] ?? null,
          role: null,
          tokenHash: token.hash,
          delivery: recipients.length ? "QUEUED" : "NOT_SENT",
          expiresAt,
          lastSentAt: now,
          sendCount: recipients.length ? 1 : 0,
          invitedByMemberId: viewer.memberId,
          partnerId: partner!.id,
          clientId: null,
          teamMemberIds: null,
          createdAt: now,
        },
      ]);
      const accountName =
        (await accountsService.accountById(context, viewer.accountId))?.name ?? "";
      const inviterName = await membersService.nameOf(db, viewer.memberId);
      await mailService.queue(
        db,
        context.mail,
        recipients.map((to) => ({
          accountId: viewer.accountId,
          invitationId: invitation!.id,
          to,
          ...partnerInvitationEmail({ inviterName, accountName, companyName, expiresAt }),
          secretLink: invitationLink(context, token.secret),
        })),
      );
      await auditService.record(db, context, [
        {
          accountId: viewer.accountId,
          action: "partner.invited",
          objectType: "Partner",
          objectId: partner!.id,
          details: { companyName, email, accountHandle: handle, allowLogin: partner!.allow_login },
        },
        {
          accountId: viewer.accountId,
          action: "invitation.created",
          objectType: "Invitation",
          objectId: invitation!.id,
          details: {
            kind: "PARTNER",
            email: invitation!.email,
            partnerId: toGlobalId("Partner", partner!.id),
          },
        },
      ]);
      return {
        partner: toPartner(partner!),
        invitation: toInvitation(invitation!),
        userErrors: [],
      };
    });
  },
};

/** `accountId`: the inviting account (A); `linkedAccountId`: the partner's account (B). */
type AcceptResult = { accountId: string; linkedAccountId: string } | { userErrors: UserError[] };

/** Every active internal member of the partner's account appears in the inviting account as pending external. */
async function addPartnerPeople(
  context: Context,
  db: EntityManager,
  partner: { id: string; account_id: string; allow_login: boolean },
  partnerAccountId: string,
  userIds: string[] | null,
): Promise<number> {
  const added = await queryRows<{ id: string }>(
    db,
    // Accepted: the person joined their own account (B) themselves, and B's administrators
    // linked B to this account; the mirror follows their B membership and ends with the link
    // (docs/api.md "Identity ownership"). Only people who accepted in B are mirrored.
    `INSERT INTO members (account_id, user_id, type, role, status, can_login, partner_id, accepted_at)
     SELECT $1, m.user_id, 'EXTERNAL', 'COLLABORATOR_EXTERNAL', 'PENDING', $2, $3, now() FROM members m
     WHERE m.account_id = $4 AND m.type = 'INTERNAL' AND m.status = 'ACTIVE' AND m.accepted_at IS NOT NULL AND ($5::uuid[] IS NULL OR m.user_id = ANY($5::uuid[]))
     ON CONFLICT (account_id, user_id) DO NOTHING RETURNING id`,
    [partner.account_id, partner.allow_login, partner.id, partnerAccountId, userIds],
  );
  // Recorded in the account they appear in, where admins will activate them.
  await auditService.record(
    db,
    context,
    added.map((member) => ({
      accountId: partner.account_id,
      action: "member.created",
      objectType: "Member",
      objectId: member.id,
      details: {
        type: "EXTERNAL",
        status: "PENDING",
        partnerId: toGlobalId("Partner", partner.id),
      },
    })),
  );
  return added.length;
}

/**
 * The link ends both ways: the partner is REMOVED in A, every one of B's people in A
 * is archived (sessions in A end), B's client row for A is REMOVED, and open
 * invitations to the partner are revoked. Returns how many members were archived.
 */
async function endLink(context: Context, db: EntityManager, partner: PartnerRow): Promise<number> {
  const now = clock.now();
  await execute(db, "UPDATE partners SET status = 'REMOVED', removed_at = $2 WHERE id = $1", [
    partner.id,
    now,
  ]);
  // The link has two sides: A's partner row and people, B's client row and audit trail.
  return tenantScope.reachInto(db, [partner.account_id, partner.partner_account_id], async () => {
    const archived = await membersService.archivePartnerPeople(
      db,
      context,
      partner.account_id,
      partner.id,
      now,
    );
    const removedClient = await clientsService.removeAccountClientOfPartner(db, partner.id, now);
    await revokePendingInvitations(db, { partnerId: partner.id }, now);
    const details = { archivedMemberCount: archived, companyName: partner.company_name };
    const entries: AuditEntry[] = [
      {
        accountId: partner.account_id,
        action: "partner.removed",
        objectType: "Partner",
        objectId: partner.id,
        details,
      },
    ];
    if (partner.partner_account_id) {
      // The other side: the same link ended, and its client row for this account with it.
      entries.push({
        accountId: partner.partner_account_id,
        action: "partner.removed",
        objectType: "Partner",
        objectId: partner.id,
        details,
      });
      if (removedClient) {
        entries.push({
          accountId: removedClient.accountId,
          action: "client.removed",
          objectType: "Client",
          objectId: removedClient.id,
          details: { type: "ACCOUNT" },
        });
      }
    }
    await auditService.record(db, context, entries);
    return archived;
  });
}

export const partnerNetwork = {
  /**
   * Sending a PARTNER invitation again, for another full lifetime: by email to that
   * address; by handle to the invited account's owners and administrators as they are now.
   */
  async resendPlan(
    db: EntityManager,
    invitation: { account_id: string; partner_id: string | null; email: string | null },
  ): Promise<ResendPlan> {
    const partner = await partnerInAccount(db, invitation.partner_id, invitation.account_id);
    if (!partner || partner.status !== "INVITED") {
      return {
        refusal: userError(
          UserErrorCode.INVALID_STATE,
          "This partner is no longer invited; invite the company again.",
          ["invitationId"],
        ),
      };
    }
    const recipients = partner.partner_account_id
      ? await invitedAccountRecipients(db, partner.partner_account_id)
      : invitation.email
        ? [invitation.email]
        : [];
    if (recipients.length === 0) {
      return {
        refusal: userError(
          UserErrorCode.INVALID_STATE,
          `${partner.company_name} has no active owner or administrator to send the invitation to.`,
          ["invitationId"],
        ),
      };
    }
    return {
      recipients,
      lifetimeMs: LIFETIME_MS,
      email: (sender) => partnerInvitationEmail({ ...sender, companyName: partner.company_name }),
    };
  },

  /** For the client side (B) removing A: ends the link from the partner row's id. */
  async endLinkOfPartner(context: Context, db: EntityManager, partnerId: string): Promise<number> {
    // B's own client row names A, whose partner row this is.
    const [client] = await queryRows<{ client_account_id: string | null }>(
      db,
      "SELECT client_account_id FROM clients WHERE partner_id = $1",
      [partnerId],
    );
    return tenantScope.reachInto(db, [client?.client_account_id ?? null], async () => {
      const [partner] = await queryRows<PartnerRow>(
        db,
        `SELECT ${PARTNER_COLUMNS} FROM partners p WHERE p.id = $1 FOR UPDATE`,
        [partnerId],
      );
      return partner && partner.status !== "REMOVED" ? endLink(context, db, partner) : 0;
    });
  },

  /**
   * An administrator of B accepts A's partner invitation: links an account they
   * administer (or creates one), activates the partner, gives B a client row for A,
   * and brings B's people into A as pending external members.
   */
  async acceptInvitation(
    context: Context,
    db: EntityManager,
    invitation: { id: string; account_id: string; partner_id: string | null },
    input: { partnerAccountId?: string | null; accountName?: string | null },
    /** A person with no login who created one in this transaction: they can only name a new account. */
    newcomer: { userId: string } | null = null,
  ): Promise<AcceptResult> {
    const fail = (code: UserErrorCode, message: string, field: string[] | null) => ({
      userErrors: [userError(code, message, field)],
    });
    const actorUserId = context.viewer?.userId ?? newcomer?.userId;
    if (!actorUserId)
      return fail(
        UserErrorCode.SIGN_IN_REQUIRED,
        "Log in (or sign up) as an administrator of your company to accept.",
        null,
      );
    const viewer = { userId: actorUserId };
    if (newcomer && !input.accountName?.trim())
      return fail(UserErrorCode.INVALID, "Name your company's account.", ["accountName"]);
    const partner = await partnerInAccount(db, invitation.partner_id, invitation.account_id, true);
    if (!partner || partner.status === "REMOVED")
      return fail(UserErrorCode.REVOKED, "This partnership was withdrawn.", ["token"]);

    let accountId: string | null = null;
    let createdAccount: { name: string; handle: string } | null = null;
    if (input.partnerAccountId) {
      accountId = localIdOf(input.partnerAccountId, "Account");
      const administers = accountId
        ? await membersService.administers(db, viewer.userId, accountId)
        : false;
      if (!administers)
        return fail(UserErrorCode.NOT_FOUND, "Choose an account you administer.", [
          "partnerAccountId",
        ]);
    } else if (input.accountName?.trim()) {
      const account = await accountsService.createAccount(db, input.accountName.trim());
      await tenantScope.reachInto(db, [account.localId], () =>
        membersService.addOwner(db, account.localId, viewer.userId),
      );
      accountId = account.localId;
      createdAccount = account;
    } else if (
      partner.partner_account_id &&
      (await membersService.administers(db, viewer.userId, partner.partner_account_id))
    ) {
      accountId = partner.partner_account_id;
    } else {
      return fail(
        UserErrorCode.INVALID,
        "Choose one of your accounts to link, or name a new one.",
        ["partnerAccountId"],
      );
    }
    if (!accountId)
      return fail(UserErrorCode.NOT_FOUND, "Choose an account you administer.", [
        "partnerAccountId",
      ]);
    if (partner.partner_account_id && partner.partner_account_id !== accountId) {
      return fail(UserErrorCode.INVALID, "This invitation was sent to another account.", [
        "partnerAccountId",
      ]);
    }
    if (accountId === invitation.account_id)
      return fail(UserErrorCode.INVALID, "An account cannot be its own partner.", [
        "partnerAccountId",
      ]);
    const [linked] = await queryRows<{ linked: number }>(
      db,
      "SELECT 1 AS linked FROM partners WHERE account_id = $1 AND partner_account_id = $2 AND status <> 'REMOVED' AND id <> $3",
      [invitation.account_id, accountId, partner.id],
    );
    if (linked)
      return fail(UserErrorCode.TAKEN, "Your account is already a partner of this account.", [
        "partnerAccountId",
      ]);

    const now = clock.now();
    const linkedAccountId = accountId;
    // Accepting writes on both sides: A's partner row and new external members, B's client row and both audit trails.
    await tenantScope.reachInto(db, [linkedAccountId], async () => {
      await execute(
        db,
        "UPDATE partners SET status = 'ACTIVE', partner_account_id = $2, connected_at = $3 WHERE id = $1",
        [partner.id, linkedAccountId, now],
      );
      const invitingName = await accountsService.nameOf(db, invitation.account_id);
      const clientId = await clientsService.linkAccountClient(db, {
        accountId: linkedAccountId,
        clientAccountId: invitation.account_id,
        name: invitingName,
        partnerId: partner.id,
      });
      const pendingMemberCount = await addPartnerPeople(
        context,
        db,
        partner,
        linkedAccountId,
        null,
      );
      await markInvitationAccepted(db, invitation.id, now, null);
      const actorB = {
        userId: viewer.userId,
        memberId: await membersService.memberIdOf(db, linkedAccountId, viewer.userId),
      };
      const entries: AuditEntry[] = [
        {
          accountId: invitation.account_id,
          action: "invitation.accepted",
          objectType: "Invitation",
          objectId: invitation.id,
          details: { kind: "PARTNER", partnerId: toGlobalId("Partner", partner.id) },
          actor: { userId: viewer.userId, memberId: null },
        },
        // Both sides learn the link is live; it is the same link, so the same object.
        {
          accountId: invitation.account_id,
          action: "partner.connected",
          objectType: "Partner",
          objectId: partner.id,
          details: { pendingMemberCount },
          actor: { userId: viewer.userId, memberId: null },
        },
        {
          accountId: linkedAccountId,
          action: "partner.connected",
          objectType: "Partner",
          objectId: partner.id,
          details: { clientId: toGlobalId("Client", clientId) },
          actor: actorB,
        },
        {
          accountId: linkedAccountId,
          action: "client.created",
          objectType: "Client",
          objectId: clientId,
          details: { type: "ACCOUNT", name: invitingName },
          actor: actorB,
        },
      ];
      if (createdAccount) {
        entries.unshift({
          accountId: linkedAccountId,
          action: "account.created",
          objectType: "Account",
          objectId: linkedAccountId,
          details: { name: createdAccount.name, handle: createdAccount.handle },
          actor: actorB,
        });
      }
      await auditService.record(db, context, entries);
    });
    return { accountId: invitation.account_id, linkedAccountId };
  },

  /** People who join a partner account later appear in every account it is an active partner of. */
  async addPeopleWhoJoined(
    context: Context,
    db: EntityManager,
    partnerAccountId: string,
    userIds: string[],
  ): Promise<void> {
    // The accounts B is a partner of are B's own ACCOUNT clients: reach into exactly those.
    const inviters = await queryRows<{ client_account_id: string }>(
      db,
      "SELECT client_account_id FROM clients WHERE account_id = $1 AND type = 'ACCOUNT' AND status = 'ACTIVE' AND client_account_id IS NOT NULL",
      [partnerAccountId],
    );
    if (inviters.length === 0) return;
    await tenantScope.reachInto(
      db,
      inviters.map((row) => row.client_account_id),
      async () => {
        const partners = await queryRows<PartnerRow>(
          db,
          `SELECT ${PARTNER_COLUMNS} FROM partners p WHERE p.partner_account_id = $1 AND p.status = 'ACTIVE'`,
          [partnerAccountId],
        );
        for (const partner of partners)
          await addPartnerPeople(context, db, partner, partnerAccountId, userIds);
      },
    );
  },

  /** Ends the link from A's side: archives B's people in A, ends their sessions there, and removes B's client row. */
  async removeFromNetwork(context: Context, partnerGlobalId: string) {
    const viewer = requirePermission(context, "removeFromNetwork");
    const partnerId = localIdOf(partnerGlobalId, "Partner");
    return context.db.transaction(async (db) => {
      const partner = await partnerInAccount(db, partnerId, viewer.accountId, true);
      if (!partner) return { partner: null, archivedMemberCount: 0, userErrors: [notFound()] };
      if (partner.status === "REMOVED")
        return { partner: toPartner(partner), archivedMemberCount: 0, userErrors: [] };
      const archived = await endLink(context, db, partner);
      const [removed] = await queryRows<PartnerRow>(
        db,
        `SELECT ${PARTNER_COLUMNS} FROM partners p WHERE p.id = $1`,
        [partner.id],
      );
      context.loaders.partnerById.clear(partner.id);
      return { partner: toPartner(removed!), archivedMemberCount: archived, userErrors: [] };
    });
  },

  /** Adds a person of a partner company directly: active at once, external collaborator. */
  async addExternalMember(
    context: Context,
    input: { partnerId: string; name: string; email: string },
    onLoginGranted: LoginGrantedHook,
  ) {
    const viewer = requirePermission(context, "addExternalMembers");
    const partnerId = localIdOf(input.partnerId, "Partner");
    const partner = await partnerInAccount(context.db, partnerId, viewer.accountId);
    if (!partner || partner.status === "REMOVED") return { member: null, userErrors: [notFound()] };
    const userErrors: UserError[] = [];
    const name = input.name.trim();
    const email = normalizeEmail(input.email);
    if (!name) userErrors.push(userError(UserErrorCode.INVALID, "Name is required.", ["name"]));
    if (!isValidEmail(email))
      userErrors.push(userError(UserErrorCode.INVALID, "Enter a valid email address.", ["email"]));
    if (userErrors.length) return { member: null, userErrors };
    const memberId = await context.db.transaction(async (db) => {
      const added = await membersService.addExternalMember(db, {
        accountId: viewer.accountId,
        partnerId: partner.id,
        name,
        email,
        canLogin: partner.allow_login,
        addedByMemberId: viewer.memberId,
      });
      if (!added) return null;
      await auditService.record(db, context, [
        {
          accountId: viewer.accountId,
          action: "member.created",
          objectType: "Member",
          objectId: added.memberId,
          details: {
            type: "EXTERNAL",
            status: "ACTIVE",
            name,
            email,
            partnerId: toGlobalId("Partner", partner.id),
            canLogin: partner.allow_login,
          },
        },
      ]);
      if (partner.allow_login)
        await onLoginGranted(db, context, {
          accountId: viewer.accountId,
          userId: added.userId,
          invitedByMemberId: viewer.memberId,
        });
      else if (added.existingUser) {
        // Without login there is no invitation to send; someone who already uses the product
        // still learns they were added, and answers from their own session.
        await mailService.queue(db, context.mail, [
          {
            accountId: viewer.accountId,
            invitationId: null,
            to: email,
            ...addedToAccountEmail({
              inviterName: await membersService.nameOf(db, viewer.memberId),
              accountName: await accountsService.nameOf(db, viewer.accountId),
              expiresAt: null,
              pendingUrl: pendingMembershipsUrl(context),
            }),
            secretLink: null,
          },
        ]);
      }
      return added.memberId;
    });
    if (!memberId)
      return {
        member: null,
        userErrors: [
          userError(UserErrorCode.TAKEN, `${email} is already a member of this account.`, [
            "email",
          ]),
        ],
      };
    return { member: await context.loaders.memberById.load(memberId), userErrors: [] };
  },
};

export const partnerNodeSource: NodeSource = {
  typeName: "Partner",
  load: (context, ids) => Promise.all(ids.map((id) => partnersService.partnerById(context, id))),
};

/** partners.csv of the account backup; logos stay out (binary, served by their own URL). */
export const partnerExportTable: ExportTable = {
  file: "partners.csv",
  columns: [
    "id",
    "company_name",
    "contact_name",
    "contact_email",
    "partner_account_id",
    "status",
    "allow_login",
    "guest",
    "domain",
    "external_id",
    "public_url",
    "created_at",
    "connected_at",
    "removed_at",
  ],
  sql: `SELECT id, company_name, contact_name, contact_email, partner_account_id, status, allow_login, guest, domain, external_id,
          public_url, created_at, connected_at, removed_at
        FROM partners WHERE account_id = $1 ORDER BY created_at, id`,
};
