/**
 * User invitations: invite a batch (all or nothing) or a CSV, revoke, preview by
 * token, and accept; resending serves every emailed kind (users, clients, partners). Seat checks lock the account row; tokens are 32
 * random bytes of which only the SHA-256 is stored; emails go through the outbox
 * in the same transaction.
 */
import {
  emailKey,
  can,
  INVITATION_LIFETIME_HOURS,
  INVITE_BATCH_MAX,
  InvitationKind,
  InvitationStatus,
  MemberStatus,
  isInvitableRole,
  issuerMayGrant,
  isValidEmail,
  normalizeEmail,
  passwordProblem,
  toGlobalId,
  UserErrorCode,
  type InvitableRole,
  type Permission,
  type Role,
} from "@pn/shared";
import type { EntityManager } from "typeorm";
import { clock } from "../../clock";
import {
  hashSecret,
  isWellFormedSecret,
  mintToken,
  secretMatchesHash,
} from "../../crypto/secret-token";
import { queryRows } from "../../db/sql";
import { tenantScope } from "../../db/tenant-transaction";
import {
  newestFirst,
  paginate,
  type Connection,
  type ConnectionArgs,
} from "../../graphql/connection";
import type { Context } from "../../graphql/context";
import { keysetOrder, type OrderKeys } from "../../graphql/list-order";
import { localIdOf } from "../../graphql/global-id";
import type { NodeSource } from "../../graphql/node";
import type { ExportTable } from "../../db/table-export";
import {
  requireAnyPermission,
  requirePermission,
  type AccountViewer,
} from "../../graphql/permissions";
import { userError, type UserError } from "../../graphql/user-error";
import { accountsService } from "../accounts/accounts.service";
import { lockSeats, type SeatCheck } from "../accounts/seats";
import { auditService, type AuditEntry } from "../audit/audit.service";
import { toAccountSummary, type AccountSummary } from "../accounts/account.type";
import { identityService } from "../identity/identity.service";
import type { Member } from "../members/member.type";
import { membersService, type LoginGrantedHook } from "../members/members.service";
import { mailService } from "../mail/mail.service";
import { RateLimitedError } from "../rate-limits/cost-budget.plugin";
import { rateLimitedUserError } from "../rate-limits/rate-limits.service";
import {
  insertInvitations,
  markInvitationAccepted,
  reissueInvitation,
  revokeInvitation,
} from "./invitation-store";
import { invitationLink } from "./invitation-link";
import {
  invitationKinds,
  type AcceptFailure,
  type AcceptInput,
  type AcceptSuccess,
} from "./invitation-kinds";
import { parseUserInvitationCsv } from "./invitation-csv";
import { userInvitationEmail } from "./invitation-email";
import { addedToAccountEmail, loginInvitationEmail, pendingMembershipsUrl } from "./login-email";
import {
  effectiveStatus,
  INVITATION_COLUMNS,
  toInvitation,
  type ImportRow,
  type Invitation,
  type InvitationFilter,
  type InvitationOrder,
  type InvitationOrderField,
  type InvitationPreview,
  type InvitationRow,
  type ResendPlan,
} from "./invitation.type";

/**
 * The keys of each invitation order, plain columns with indexes (migration 1765400000000):
 * `list_email` is the email with links' null as '', collated. STATUS ranks the stored
 * status (`status_rank`: EXPIRED is not stored, it is PENDING past `expires_at`) and then
 * the expiry, so expired and pending ones each stay together without the order
 * depending on the clock.
 */
export const INVITATION_ORDER_KEYS: OrderKeys<InvitationOrderField> = {
  EMAIL: [
    { expression: "i.list_email", sqlType: "text" },
    { expression: "i.id", sqlType: "uuid" },
  ],
  STATUS: [
    { expression: "i.status_rank", sqlType: "int" },
    { expression: "i.expires_at", sqlType: "timestamptz" },
    { expression: "i.id", sqlType: "uuid" },
  ],
  EXPIRES_AT: [
    { expression: "i.expires_at", sqlType: "timestamptz" },
    { expression: "i.id", sqlType: "uuid" },
  ],
  CREATED_AT: newestFirst("i").orderBy,
};

const LIFETIME_MS = INVITATION_LIFETIME_HOURS * 60 * 60 * 1000;
const TOKEN_GUESSES_MESSAGE =
  "Too many invitation links that do not exist were tried from this network.";

type Invitee = { email: string; role: InvitableRole };
type Conflict = { email: string; reason: "member" | "pending" };

function notFound(field: string): UserError {
  return userError(UserErrorCode.NOT_FOUND, "No such invitation.", [field]);
}

/** Members and open invitations that already cover some of these emails (case-insensitive). */
async function findConflicts(
  db: EntityManager,
  accountId: string,
  emails: string[],
): Promise<Map<string, Conflict>> {
  const rows = await queryRows<{ email: string; reason: "member" | "pending" }>(
    db,
    // Members: one probe of users_email_key per email (users has no row-level security).
    // Filtering the account's members by `email_key(u.email) = ANY(…)` instead computes
    // the ICU-based key of every member's email, a scan the planner thinks cheap and that
    // was most of a 10,000-row import's dry run. Invitations are under row-level security,
    // where email_key (not leakproof) cannot lead an index probe: they are filtered as before.
    `SELECT k.key AS email, 'member' AS reason FROM unnest($2::text[]) AS k(key)
       CROSS JOIN LATERAL (SELECT 1 FROM users u JOIN members m ON m.user_id = u.id
         WHERE email_key(u.email) = k.key AND m.account_id = $1 AND m.status <> 'ARCHIVED' LIMIT 1) AS hit
     UNION ALL
     SELECT email_key(i.email), 'pending' FROM invitations i
       WHERE i.account_id = $1 AND i.kind = 'USER' AND i.status = 'PENDING' AND email_key(i.email) = ANY($2::text[])`,
    [accountId, [...new Set(emails.map(emailKey))]],
  );
  const conflicts = new Map<string, Conflict>();
  for (const row of rows)
    if (!conflicts.has(row.email) || row.reason === "member") conflicts.set(row.email, row);
  return conflicts;
}

function conflictMessage(conflict: Conflict, email: string): string {
  return conflict.reason === "member"
    ? `${email} is already a member of this account.`
    : `${email} already has an open invitation; resend it instead.`;
}

function seatError(
  used: number,
  limit: number,
  adding: number,
  field: (string | number)[] | null,
): UserError {
  return userError(
    UserErrorCode.SEAT_LIMIT_REACHED,
    `${used} of ${limit} seats are used and this needs ${adding} more; change the plan or free seats first.`,
    field,
  );
}

/** Writes the invitations, their emails and delivery jobs; the caller holds the seat lock. */
async function createInvitations(
  context: Context,
  db: EntityManager,
  viewer: AccountViewer,
  accountName: string,
  invitees: Invitee[],
) {
  const now = clock.now();
  const tokens = invitees.map(() => mintToken(LIFETIME_MS, now));
  const expiresAt = new Date(now.getTime() + LIFETIME_MS);
  const rows = await insertInvitations(
    db,
    invitees.map((invitee, index) => ({
      accountId: viewer.accountId,
      kind: "USER",
      email: invitee.email,
      role: invitee.role,
      tokenHash: tokens[index]!.hash,
      delivery: "QUEUED",
      expiresAt,
      lastSentAt: now,
      sendCount: 1,
      invitedByMemberId: viewer.memberId,
      partnerId: null,
      clientId: null,
      teamMemberIds: null,
      createdAt: now,
    })),
  );
  const inviterName = await membersService.nameOf(db, viewer.memberId);
  // The email differs only by role: written once per role, shared by every row.
  const emailByRole = new Map<Role, ReturnType<typeof userInvitationEmail>>();
  const emailFor = (role: Role) => {
    let email = emailByRole.get(role);
    if (!email) {
      email = userInvitationEmail({ inviterName, accountName, role, expiresAt });
      emailByRole.set(role, email);
    }
    return email;
  };
  await mailService.queue(
    db,
    context.mail,
    rows.map((row, index) => ({
      accountId: viewer.accountId,
      invitationId: row.id,
      to: row.email!,
      ...emailFor(row.role!),
      secretLink: invitationLink(context, tokens[index]!.secret),
    })),
  );
  await auditService.record(
    db,
    context,
    rows.map((row) => ({
      accountId: viewer.accountId,
      action: "invitation.created",
      objectType: "Invitation",
      objectId: row.id,
      details: { kind: InvitationKind.USER, email: row.email, role: row.role },
    })),
  );
  return rows.map(toInvitation);
}

/**
 * The account an invitation token belongs to, or null. Before sign-in nothing else
 * names it, so this is the one lookup across tenants (a SECURITY DEFINER function
 * that answers only this); the rest of the flow then reaches into that account.
 */
async function accountOfToken(db: EntityManager, token: string): Promise<string | null> {
  if (!isWellFormedSecret(token)) return null;
  const [row] = await queryRows<{ account_id: string | null }>(
    db,
    "SELECT invitation_account_by_token_hash($1) AS account_id",
    [hashSecret(token)],
  );
  return row?.account_id ?? null;
}

async function findByToken(
  db: EntityManager,
  token: string,
  lock: boolean,
): Promise<(InvitationRow & { token_hash: Buffer }) | null> {
  if (!isWellFormedSecret(token)) return null;
  const hash = hashSecret(token);
  const [row] = await queryRows<InvitationRow & { token_hash: Buffer }>(
    db,
    `SELECT ${INVITATION_COLUMNS}, i.token_hash FROM invitations i WHERE i.token_hash = $1 ${lock ? "FOR UPDATE" : ""}`,
    [hash],
  );
  return row && secretMatchesHash(token, row.token_hash) ? row : null;
}

/** A login invitation: the person sets their first password (or, already having one, signs in) and enters the account. */
async function acceptLogin(
  context: Context,
  db: EntityManager,
  row: InvitationRow,
  password: string | null,
  passwordHash: string | null,
  name: string | null,
  fail: (code: UserErrorCode, message: string, field?: string[] | null) => AcceptFailure,
): Promise<AcceptFailure | AcceptSuccess> {
  const user = await identityService.loginState(db, { email: row.email });
  // Not yet accepted, perhaps: following this emailed link is how the person accepts.
  const member = user ? await membersService.loginMembership(db, user.id, row.account_id) : null;
  if (!user || !member)
    return fail(UserErrorCode.INVALID_STATE, "Your access to this account was withdrawn.");
  let newSession: AcceptSuccess["newSession"] = null;
  let sessionId: string | null = null;
  const viewer = context.viewer;
  // The emailed link proves the mailbox: an unverified registration is the link-follower's to take over.
  const takeOver = user.hasPassword && !user.emailVerified && !viewer;
  if (user.hasPassword && !takeOver) {
    if (!viewer || viewer.userId !== user.id)
      return fail(UserErrorCode.SIGN_IN_REQUIRED, `Log in as ${row.email} to continue.`, null);
    await identityService.markEmailVerified(db, user.id);
    if (viewer.credential.kind === "session")
      await identityService.moveSession(db, viewer.credential.sessionId, row.account_id);
  } else if (takeOver) {
    const weak = passwordProblem(password ?? "");
    if (weak)
      return {
        account: null,
        member: null,
        userErrors: [userError(UserErrorCode.INVALID, weak, ["password"])],
      };
    const claimed = await identityService.claimVerifiedIdentity(db, context, {
      email: user.email,
      name: name?.trim() || (await identityService.nameOf(db, user.id)),
      passwordHash: passwordHash!,
      accountId: row.account_id,
    });
    if (!claimed)
      return fail(UserErrorCode.SIGN_IN_REQUIRED, `Log in as ${row.email} to continue.`, null);
    const started = await identityService.startSession(db, user.id, row.account_id, context);
    newSession = started;
    sessionId = started.id;
  } else {
    const weak = passwordProblem(password ?? "");
    if (weak)
      return {
        account: null,
        member: null,
        userErrors: [userError(UserErrorCode.INVALID, weak, ["password"])],
      };
    await identityService.setFirstPassword(db, user.id, passwordHash!);
    await identityService.markEmailVerified(db, user.id);
    const started = await identityService.startSession(db, user.id, row.account_id, context);
    newSession = started;
    sessionId = started.id;
  }
  await markInvitationAccepted(db, row.id, clock.now(), member.id);
  await membersService.markAccepted(db, member.id);
  await recordAccepted(context, db, row, { userId: user.id, memberId: member.id }, sessionId);
  return { accountId: row.account_id, memberId: member.id, newSession };
}

/** The accepted invitation, and the session it started (a new user), recorded with the invitee as actor. */
async function recordAccepted(
  context: Context,
  db: EntityManager,
  row: { id: string; account_id: string; kind: InvitationKind; email: string | null },
  actor: { userId: string; memberId: string },
  newSessionId: string | null,
): Promise<void> {
  const entries: AuditEntry[] = [
    {
      accountId: row.account_id,
      action: "invitation.accepted",
      objectType: "Invitation",
      objectId: row.id,
      details: { kind: row.kind, email: row.email, memberId: toGlobalId("Member", actor.memberId) },
      actor,
    },
  ];
  if (newSessionId) {
    entries.push({
      accountId: row.account_id,
      action: "session.created",
      objectType: "Session",
      objectId: newSessionId,
      details: { method: "invitation" },
      actor,
    });
  }
  await auditService.record(db, context, entries);
}

/** Sending an invitation again takes the permission that sends it the first time; registered kinds name theirs. */
const OWN_KIND_RESEND_PERMISSION = {
  [InvitationKind.USER]: "manageInvitations",
  [InvitationKind.LOGIN]: "manageRolesAndLogin",
} as const satisfies Record<InvitationKind.USER | InvitationKind.LOGIN, Permission>;

function resendPermission(kind: InvitationKind): Permission {
  return kind === InvitationKind.USER || kind === InvitationKind.LOGIN
    ? OWN_KIND_RESEND_PERMISSION[kind]
    : invitationKinds.handlerFor(kind).resendPermission;
}

/** How this invitation goes out again: the module owning its kind decides (lifetime, recipients, email). */
async function resendPlan(
  db: EntityManager,
  row: InvitationRow,
  status: InvitationStatus,
  seats: SeatCheck,
): Promise<ResendPlan> {
  switch (row.kind) {
    case InvitationKind.USER:
      // An expired invitation holds no seat, so bringing it back needs a free one.
      if (
        status === InvitationStatus.EXPIRED &&
        seats.limit !== null &&
        seats.used + 1 > seats.limit
      )
        return { refusal: seatError(seats.used, seats.limit, 1, ["invitationId"]) };
      return {
        recipients: [row.email!],
        lifetimeMs: LIFETIME_MS,
        email: (sender) => userInvitationEmail({ ...sender, role: row.role! }),
      };
    case InvitationKind.CLIENT:
    case InvitationKind.PARTNER:
      return invitationKinds.handlerFor(row.kind).resendPlan(db, row);
    case InvitationKind.LOGIN:
      return {
        refusal: userError(
          UserErrorCode.INVALID_STATE,
          "A set-password invitation is not resent; allow the person to log in again to send a new one.",
          ["invitationId"],
        ),
      };
  }
}

const ISSUER_NOT_AUTHORIZED_MESSAGE =
  "The person who sent this invitation can no longer invite; ask the account to send it again.";

/**
 * The issuer rule: an invitation or shareable link carries its issuer's authority, so
 * at accept time the issuer must still be an active member with login of the account
 * whose role may send this kind and grant its role (issuerMayGrant). A LOGIN
 * invitation only lets the person set the password for a login already granted, so it
 * carries the member's access, not the sender's.
 */
async function issuerStillAuthorized(db: EntityManager, row: InvitationRow): Promise<boolean> {
  if (row.kind === InvitationKind.LOGIN) return true;
  if (!row.invited_by_member_id) return false;
  const issuer = await membersService.issuerStanding(db, row.account_id, row.invited_by_member_id);
  return Boolean(issuer?.enterable && issuerMayGrant(issuer.role, row.kind, row.role));
}

/** The same rule on what the invitation list shows: whether accepting would pass the issuer check now. */
export function issuerCanGrant(invitation: Invitation, issuer: Member | null): boolean {
  if (invitation.kind === InvitationKind.LOGIN) return true;
  return Boolean(
    issuer &&
    issuer.accountId === invitation.accountId &&
    issuer.status === MemberStatus.ACTIVE &&
    issuer.canLogin &&
    issuerMayGrant(issuer.role, invitation.kind, invitation.role),
  );
}

function localInvitationId(globalId: string): string | null {
  return localIdOf(globalId, "Invitation");
}

export const invitationsService = {
  /**
   * Granting login to someone who has never set a password (an external member added
   * by hand, say) sends them a link to set one; granting it to someone who has not
   * accepted yet sends the same kind of invitation, whose link (with them signed in)
   * accepts. Known and unknown emails so leave the account the same invitation to see.
   * No seat: they are not internal.
   */
  sendLoginInvitationIfNeeded: (async (db, context, member) => {
    const user = await identityService.loginState(db, { id: member.userId });
    if (!user) return;
    const membership = await membersService.acceptanceOf(db, member.accountId, member.userId);
    if (!membership || (user.hasPassword && membership.accepted)) return;
    // The address as the account knows it: a known user's own spelling would tell them apart.
    const email = membership.email;
    const [open] = await queryRows<{ open: number }>(
      db,
      "SELECT 1 AS open FROM invitations WHERE account_id = $1 AND kind = 'LOGIN' AND email_key(email) = email_key($2) AND status = 'PENDING' AND expires_at > $3",
      [member.accountId, email, clock.now()],
    );
    if (open) return;
    const now = clock.now();
    const token = mintToken(LIFETIME_MS, now);
    const expiresAt = token.expiresAt;
    const [row] = await insertInvitations(db, [
      {
        accountId: member.accountId,
        kind: "LOGIN",
        email,
        role: null,
        tokenHash: token.hash,
        delivery: "QUEUED",
        expiresAt,
        lastSentAt: now,
        sendCount: 1,
        invitedByMemberId: member.invitedByMemberId,
        partnerId: null,
        clientId: null,
        teamMemberIds: null,
        createdAt: now,
      },
    ]);
    const accountName = await accountsService.nameOf(db, member.accountId);
    const inviterName = await membersService.nameOf(db, member.invitedByMemberId);
    await mailService.queue(db, context.mail, [
      {
        accountId: member.accountId,
        invitationId: row!.id,
        to: email,
        ...(user.hasPassword
          ? addedToAccountEmail({
              inviterName,
              accountName,
              expiresAt,
              pendingUrl: pendingMembershipsUrl(context),
            })
          : loginInvitationEmail({ inviterName, accountName, expiresAt })),
        secretLink: invitationLink(context, token.secret),
      },
    ]);
    await auditService.record(db, context, [
      {
        accountId: member.accountId,
        action: "invitation.created",
        objectType: "Invitation",
        objectId: row!.id,
        details: { kind: InvitationKind.LOGIN, email },
      },
    ]);
  }) satisfies LoginGrantedHook,

  async list(
    context: Context,
    accountId: string,
    args: ConnectionArgs,
    filter: InvitationFilter | null | undefined,
    order?: InvitationOrder | null,
  ): Promise<Connection<Invitation>> {
    const viewer = context.viewer;
    const where = ["i.account_id = $1"];
    const params: unknown[] = [accountId, clock.now()];
    if (!viewer || viewer.accountId !== accountId || !can(viewer.role, "readAccount"))
      where.push("false");
    if (filter?.kind) {
      params.push(filter.kind);
      where.push(`i.kind = $${params.length}`);
    }
    if (filter?.status?.length) {
      const byStatus: Record<InvitationStatus, string> = {
        PENDING: "(i.status = 'PENDING' AND i.expires_at > $2)",
        EXPIRED: "(i.status = 'PENDING' AND i.expires_at <= $2)",
        ACCEPTED: "i.status = 'ACCEPTED'",
        REVOKED: "i.status = 'REVOKED'",
      };
      where.push(`(${filter.status.map((status) => byStatus[status]).join(" OR ")})`);
    }
    // $2 (now) must appear in every variant of the statement, or PostgreSQL cannot type it.
    where.push("$2::timestamptz IS NOT NULL");
    return paginate<InvitationRow & Record<string, unknown>, Invitation>(
      context.db,
      {
        select: INVITATION_COLUMNS,
        from: "invitations i",
        where,
        params,
        ...keysetOrder(order, INVITATION_ORDER_KEYS),
      },
      args,
      toInvitation,
    );
  },

  async inviteUsers(
    context: Context,
    invitees: { email: string; role: string }[],
  ): Promise<{ invitations: Invitation[]; userErrors: UserError[] }> {
    const viewer = requirePermission(context, "manageInvitations");
    const userErrors: UserError[] = [];
    if (invitees.length === 0)
      userErrors.push(
        userError(UserErrorCode.INVALID, "Add at least one person to invite.", ["invitees"]),
      );
    if (invitees.length > INVITE_BATCH_MAX) {
      userErrors.push(
        userError(
          UserErrorCode.INVALID,
          `Invite at most ${INVITE_BATCH_MAX} people at once; use a CSV import for more.`,
          ["invitees"],
        ),
      );
    }
    const seen = new Set<string>();
    const valid: Invitee[] = [];
    invitees.forEach((invitee, index) => {
      const email = normalizeEmail(invitee.email);
      if (!isValidEmail(email)) {
        userErrors.push(
          userError(UserErrorCode.INVALID, `"${email}" is not a valid email address.`, [
            "invitees",
            index,
            "email",
          ]),
        );
      } else if (seen.has(emailKey(email))) {
        userErrors.push(
          userError(UserErrorCode.INVALID, `${email} appears more than once in this invitation.`, [
            "invitees",
            index,
            "email",
          ]),
        );
      }
      seen.add(emailKey(email));
      const role = invitee.role as Parameters<typeof isInvitableRole>[0];
      if (!isInvitableRole(role)) {
        userErrors.push(
          userError(UserErrorCode.INVALID, "Invite as Administrator, Editor or Viewer.", [
            "invitees",
            index,
            "role",
          ]),
        );
      } else {
        valid.push({ email, role });
      }
    });
    if (userErrors.length) return { invitations: [], userErrors };

    return context.db.transaction(async (db) => {
      const seats = await lockSeats(db, viewer.accountId);
      const conflicts = await findConflicts(
        db,
        viewer.accountId,
        valid.map((invitee) => invitee.email),
      );
      valid.forEach((invitee, index) => {
        const conflict = conflicts.get(emailKey(invitee.email));
        if (conflict)
          userErrors.push(
            userError(UserErrorCode.TAKEN, conflictMessage(conflict, invitee.email), [
              "invitees",
              index,
              "email",
            ]),
          );
      });
      if (!userErrors.length && seats.limit !== null && seats.used + valid.length > seats.limit) {
        userErrors.push(seatError(seats.used, seats.limit, valid.length, ["invitees"]));
      }
      if (userErrors.length) return { invitations: [], userErrors };
      const overSendLimit = await context.rateLimits.reserveInvitationSends(
        db,
        viewer.accountId,
        valid.length,
        { field: ["invitees"] },
      );
      if (overSendLimit) return { invitations: [], userErrors: [overSendLimit] };
      return {
        invitations: await createInvitations(context, db, viewer, seats.accountName, valid),
        userErrors: [],
      };
    });
  },

  async importUserInvitations(context: Context, csv: string, dryRun: boolean) {
    const viewer = requirePermission(context, "manageInvitations");
    const { rows: parsed, fileErrors } = parseUserInvitationCsv(csv);
    if (fileErrors.length) return { rows: [], created: 0, updated: 0, userErrors: fileErrors };

    const run = async (db: EntityManager) => {
      const seats = await lockSeats(db, viewer.accountId);
      const conflicts = await findConflicts(
        db,
        viewer.accountId,
        parsed.filter((row) => !row.errors.length).map((row) => row.email),
      );
      const seen = new Set<string>();
      const rows: ImportRow[] = [];
      const toCreate: Invitee[] = [];
      for (const row of parsed) {
        const key = emailKey(row.email);
        const conflict = conflicts.get(key);
        if (row.errors.length) {
          rows.push({
            line: row.line,
            email: row.email || null,
            outcome: "ERROR",
            errors: row.errors,
          });
        } else if (seen.has(key)) {
          rows.push({
            line: row.line,
            email: row.email,
            outcome: "SKIPPED",
            errors: [
              userError(
                UserErrorCode.TAKEN,
                `Line ${row.line}: ${row.email} appears earlier in the file.`,
                [String(row.line), "email"],
              ),
            ],
          });
        } else if (conflict) {
          rows.push({
            line: row.line,
            email: row.email,
            outcome: "SKIPPED",
            errors: [
              userError(
                UserErrorCode.TAKEN,
                `Line ${row.line}: ${conflictMessage(conflict, row.email)}`,
                [String(row.line), "email"],
              ),
            ],
          });
        } else {
          rows.push({ line: row.line, email: row.email, outcome: "CREATED", errors: [] });
          toCreate.push({ email: row.email, role: row.role! });
        }
        seen.add(key);
      }
      if (seats.limit !== null && seats.used + toCreate.length > seats.limit) {
        return {
          rows,
          created: 0,
          updated: 0,
          userErrors: [seatError(seats.used, seats.limit, toCreate.length, ["csv"])],
        };
      }
      const overSendLimit = await context.rateLimits.reserveInvitationSends(
        db,
        viewer.accountId,
        toCreate.length,
        { dryRun, field: ["csv"] },
      );
      if (overSendLimit) return { rows, created: 0, updated: 0, userErrors: [overSendLimit] };
      if (!dryRun && toCreate.length)
        await createInvitations(context, db, viewer, seats.accountName, toCreate);
      return { rows, created: toCreate.length, updated: 0, userErrors: [] };
    };
    // A dry run takes the same seat lock, so its answer matches what a real run would do now; it writes nothing.
    return context.db.transaction(run);
  },

  /** Sends an invitation again with a new token and lifetime: users, clients by email and partners, each by whoever may invite that kind. */
  async resend(
    context: Context,
    globalId: string,
  ): Promise<{ invitation: Invitation | null; userErrors: UserError[] }> {
    const viewer = requireAnyPermission(context, [
      ...Object.values(OWN_KIND_RESEND_PERMISSION),
      ...invitationKinds.resendPermissions(),
    ]);
    const id = localInvitationId(globalId);
    if (!id) return { invitation: null, userErrors: [notFound("invitationId")] };
    return context.db.transaction(async (db) => {
      const seats = await lockSeats(db, viewer.accountId);
      const [row] = await queryRows<InvitationRow>(
        db,
        `SELECT ${INVITATION_COLUMNS} FROM invitations i WHERE i.id = $1 AND i.account_id = $2 FOR UPDATE`,
        [id, viewer.accountId],
      );
      if (!row) return { invitation: null, userErrors: [notFound("invitationId")] };
      requirePermission(context, resendPermission(row.kind));
      const status = effectiveStatus(row);
      if (status === InvitationStatus.ACCEPTED) {
        return {
          invitation: null,
          userErrors: [
            userError(UserErrorCode.ALREADY_ACCEPTED, "This invitation was accepted already.", [
              "invitationId",
            ]),
          ],
        };
      }
      if (status === InvitationStatus.REVOKED) {
        return {
          invitation: null,
          userErrors: [
            userError(
              UserErrorCode.REVOKED,
              "This invitation was cancelled; invite again instead.",
              ["invitationId"],
            ),
          ],
        };
      }
      const plan = await resendPlan(db, row, status, seats);
      if ("refusal" in plan) return { invitation: null, userErrors: [plan.refusal] };
      const tooSoon = await context.rateLimits.reserveInvitationResend(db, id, plan.recipients, [
        "invitationId",
      ]);
      if (tooSoon) return { invitation: null, userErrors: [tooSoon] };
      const overSendLimit = await context.rateLimits.reserveInvitationSends(
        db,
        viewer.accountId,
        plan.recipients.length,
        { field: ["invitationId"] },
      );
      if (overSendLimit) return { invitation: null, userErrors: [overSendLimit] };
      const now = clock.now();
      const token = mintToken(plan.lifetimeMs, now);
      const expiresAt = token.expiresAt;
      // Re-sent as the caller: the email names them, and their authority is what the accept checks.
      const updated = await reissueInvitation(db, id, token, now, viewer.memberId);
      const email = plan.email({
        inviterName: await membersService.nameOf(db, viewer.memberId),
        accountName: seats.accountName,
        expiresAt,
      });
      await mailService.queue(
        db,
        context.mail,
        plan.recipients.map((to) => ({
          accountId: viewer.accountId,
          invitationId: id,
          to,
          ...email,
          secretLink: invitationLink(context, token.secret),
        })),
      );
      await auditService.record(db, context, [
        {
          accountId: viewer.accountId,
          action: "invitation.resent",
          objectType: "Invitation",
          objectId: id,
          details: {
            kind: updated!.kind,
            email: updated!.email,
            recipientCount: plan.recipients.length,
            sendCount: updated!.send_count,
            wasExpired: status === InvitationStatus.EXPIRED,
            ...(row.invited_by_member_id !== viewer.memberId && {
              previousIssuerId:
                row.invited_by_member_id && toGlobalId("Member", row.invited_by_member_id),
            }),
          },
        },
      ]);
      return { invitation: toInvitation(updated!), userErrors: [] };
    });
  },

  async revoke(
    context: Context,
    globalId: string,
  ): Promise<{ invitation: Invitation | null; userErrors: UserError[] }> {
    const viewer = requirePermission(context, "manageInvitations");
    const id = localInvitationId(globalId);
    if (!id) return { invitation: null, userErrors: [notFound("invitationId")] };
    return context.db.transaction(async (db) => {
      const [row] = await queryRows<InvitationRow>(
        db,
        `SELECT ${INVITATION_COLUMNS} FROM invitations i WHERE i.id = $1 AND i.account_id = $2 FOR UPDATE`,
        [id, viewer.accountId],
      );
      if (!row) return { invitation: null, userErrors: [notFound("invitationId")] };
      if (row.status !== "PENDING") {
        const code =
          row.status === "ACCEPTED" ? UserErrorCode.ALREADY_ACCEPTED : UserErrorCode.REVOKED;
        return {
          invitation: null,
          userErrors: [
            userError(code, `This invitation is ${row.status.toLowerCase()} already.`, [
              "invitationId",
            ]),
          ],
        };
      }
      const revoked = await revokeInvitation(db, id, clock.now());
      await auditService.record(db, context, [
        {
          accountId: viewer.accountId,
          action: "invitation.revoked",
          objectType: "Invitation",
          objectId: id,
          details: { kind: row.kind, email: row.email },
        },
      ]);
      context.loaders.seatsUsedByAccountId.clear(viewer.accountId);
      return { invitation: toInvitation(revoked!), userErrors: [] };
    });
  },

  /** Public: what an invitee sees before accepting; null for an unknown token. */
  async preview(context: Context, token: string): Promise<InvitationPreview | null> {
    const lookup = await context.rateLimits.beginTokenLookup(context.ip);
    if (lookup.blocked) throw new RateLimitedError(TOKEN_GUESSES_MESSAGE, lookup.retryAfterSeconds);
    const accountId = await accountOfToken(context.db, token);
    if (!accountId) return null;
    const preview = await tenantScope.reachInto(context.db, [accountId], () =>
      invitationsService.previewInAccount(context, token),
    );
    // Only unknown tokens count as guesses.
    if (preview) await lookup.succeeded();
    return preview;
  },

  async previewInAccount(context: Context, token: string): Promise<InvitationPreview | null> {
    const row = await findByToken(context.db, token, false);
    if (!row) return null;
    const account = await accountsService.accountById(context, row.account_id);
    const inviter = row.invited_by_member_id
      ? await context.loaders.memberById.load(row.invited_by_member_id)
      : null;
    return {
      kind: row.kind,
      accountName: account?.name ?? "",
      inviterName: inviter?.name ?? null,
      email: row.email,
      role: row.role,
      status: effectiveStatus(row),
      expiresAt: row.expires_at,
    };
  },

  async accept(
    context: Context,
    input: AcceptInput,
  ): Promise<{ account: AccountSummary | null; member: Member | null; userErrors: UserError[] }> {
    const fail = (code: UserErrorCode, message: string, field: string[] | null = ["token"]) => ({
      account: null,
      member: null,
      userErrors: [userError(code, message, field)],
    });
    const lookup = await context.rateLimits.beginTokenLookup(context.ip);
    if (lookup.blocked)
      return {
        account: null,
        member: null,
        userErrors: [
          rateLimitedUserError(TOKEN_GUESSES_MESSAGE, lookup.retryAfterSeconds, ["token"]),
        ],
      };
    // Hashed before the request's transaction opens, so no connection waits on the hash.
    const passwordHash =
      input.password && !passwordProblem(input.password)
        ? await identityService.hashPassword(input.password)
        : null;
    input = { ...input, passwordHash };
    const tokenAccountId = await accountOfToken(context.db, input.token);
    if (!tokenAccountId) return fail(UserErrorCode.NOT_FOUND, "This invitation link is not valid.");
    let tokenFound = false;
    const result = await tenantScope.reachInto(context.db, [tokenAccountId], () =>
      context.db.transaction(async (db) => {
        const row = await findByToken(db, input.token, true);
        if (!row) return fail(UserErrorCode.NOT_FOUND, "This invitation link is not valid.");
        tokenFound = true;
        const status = effectiveStatus(row);
        if (status === InvitationStatus.REVOKED)
          return fail(UserErrorCode.REVOKED, "This invitation was cancelled.");
        if (status === InvitationStatus.ACCEPTED)
          return fail(UserErrorCode.ALREADY_ACCEPTED, "This invitation was used already.");
        if (status === InvitationStatus.EXPIRED)
          return fail(UserErrorCode.EXPIRED, "This invitation has expired; ask for a new one.");
        if (!(await issuerStillAuthorized(db, row)))
          return fail(UserErrorCode.ISSUER_NOT_AUTHORIZED, ISSUER_NOT_AUTHORIZED_MESSAGE, null);
        if (row.kind === InvitationKind.LOGIN)
          return acceptLogin(
            context,
            db,
            row,
            input.password ?? null,
            input.passwordHash ?? null,
            input.name ?? null,
            fail,
          );
        if (row.kind === InvitationKind.CLIENT || row.kind === InvitationKind.PARTNER)
          return invitationKinds.handlerFor(row.kind).accept(context, db, row, input);
        if (row.kind !== InvitationKind.USER)
          return fail(
            UserErrorCode.INVALID_STATE,
            "This kind of invitation cannot be accepted here yet.",
          );

        const existing = await identityService.findUserByEmail(db, row.email!);
        const viewer = context.viewer;
        let userId: string;
        let newSession: { id: string; token: string; expiresAt: Date } | null = null;
        // An unverified registration of the email is the link-follower's to take over.
        if (existing && (existing.emailVerified || viewer)) {
          if (!viewer)
            return fail(
              UserErrorCode.SIGN_IN_REQUIRED,
              `Log in as ${row.email} to accept this invitation.`,
              null,
            );
          if (viewer.userId !== existing.id)
            return fail(
              UserErrorCode.EMAIL_MISMATCH,
              `This invitation is for ${row.email}; log in with that email.`,
              null,
            );
          userId = existing.id;
          // The emailed link proves the mailbox.
          await identityService.markEmailVerified(db, userId);
        } else {
          if (viewer)
            return fail(
              UserErrorCode.EMAIL_MISMATCH,
              `This invitation is for ${row.email}; log out and open the link again.`,
              null,
            );
          const errors: UserError[] = [];
          if (!input.name?.trim())
            errors.push(userError(UserErrorCode.INVALID, "Your name is required.", ["name"]));
          const weak = passwordProblem(input.password ?? "");
          if (weak) errors.push(userError(UserErrorCode.INVALID, weak, ["password"]));
          if (errors.length) return { account: null, member: null, userErrors: errors };
          const claimed = await identityService.claimVerifiedIdentity(db, context, {
            email: row.email!,
            name: input.name!.trim(),
            passwordHash: input.passwordHash!,
            accountId: row.account_id,
          });
          if (!claimed)
            return fail(
              UserErrorCode.SIGN_IN_REQUIRED,
              `Log in as ${row.email} to accept this invitation.`,
              null,
            );
          userId = claimed.userId;
          await tenantScope.identifyUser(db, userId);
        }
        const memberId = await membersService.addInvitedMember(db, {
          accountId: row.account_id,
          userId,
          role: row.role!,
        });
        if (!memberId)
          return fail(UserErrorCode.TAKEN, "You are a member of this account already.", null);
        // Listeners (the partner network) mirror the newcomer elsewhere, e.g. as a pending external member.
        await invitationKinds.peopleJoined(context, db, row.account_id, [userId]);
        await markInvitationAccepted(db, row.id, clock.now(), memberId);
        if (viewer?.credential.kind === "session")
          await identityService.moveSession(db, viewer.credential.sessionId, row.account_id);
        else newSession = await identityService.startSession(db, userId, row.account_id, context);
        await recordAccepted(context, db, row, { userId, memberId }, newSession?.id ?? null);
        return { accountId: row.account_id, memberId, newSession };
      }),
    );
    // Only unknown tokens count as guesses.
    if (tokenFound) await lookup.succeeded();
    if (!("accountId" in result)) return result;
    // The person now acts in the account they joined (a partner's admin stays where they are).
    if (result.memberId) await tenantScope.enterAccount(context.db, result.accountId);
    if (result.newSession)
      context.sessionCookie.set(result.newSession.token, result.newSession.expiresAt);
    const account = await accountsService.accountById(context, result.accountId);
    const member = result.memberId ? await context.loaders.memberById.load(result.memberId) : null;
    return { account: account && toAccountSummary(account), member, userErrors: [] };
  },
};

export const invitationNodeSource: NodeSource = {
  typeName: "Invitation",
  async load(context, ids) {
    const viewer = context.viewer;
    if (!viewer?.accountId || !can(viewer.role, "readAccount")) return ids.map(() => null);
    const rows = await queryRows<InvitationRow>(
      context.db,
      `SELECT ${INVITATION_COLUMNS} FROM invitations i WHERE i.id = ANY($1::uuid[]) AND i.account_id = $2`,
      [ids, viewer.accountId],
    );
    const byId = new Map(rows.map((row) => [row.id, toInvitation(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  },
};

/** invitations.csv of the account backup: never the token hash; EXPIRED as the API reports it. */
export const invitationExportTable: ExportTable = {
  file: "invitations.csv",
  columns: [
    "id",
    "kind",
    "email",
    "role",
    "status",
    "delivery",
    "expires_at",
    "last_sent_at",
    "send_count",
    "invited_by_member_id",
    "accepted_member_id",
    "partner_id",
    "client_id",
    "created_at",
    "accepted_at",
    "revoked_at",
  ],
  sql: `SELECT id, kind, email, role,
          CASE WHEN status = 'PENDING' AND expires_at <= $2::timestamptz THEN 'EXPIRED' ELSE status END AS status,
          delivery, expires_at, last_sent_at, send_count, invited_by_member_id, accepted_member_id, partner_id, client_id,
          created_at, accepted_at, revoked_at
        FROM invitations WHERE account_id = $1 ORDER BY created_at, id`,
};
