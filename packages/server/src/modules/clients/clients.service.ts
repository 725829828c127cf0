/**
 * Clients of an account: linked accounts (B's row for A when B accepts A's partner
 * invitation) and people invited by email, by a shareable link or by CSV, each
 * with a team of the account's own people.
 */
import {
  emailKey,
  can,
  CLIENT_LINK_LIFETIME_DAYS,
  INVITATION_LIFETIME_HOURS,
  isValidEmail,
  isValidPhone,
  NAME_MAX_LENGTH,
  normalizeEmail,
  passwordProblem,
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
} from "../../graphql/connection";
import type { Context } from "../../graphql/context";
import { keysetOrder, LIST_COLLATION, type OrderKeys } from "../../graphql/list-order";
import { localIdOf } from "../../graphql/global-id";
import type { NodeSource } from "../../graphql/node";
import type { ExportTable } from "../../db/table-export";
import { requirePermission } from "../../graphql/permissions";
import { userError, type UserError } from "../../graphql/user-error";
import { accountsService } from "../accounts/accounts.service";
import { auditService, type AuditEntry } from "../audit/audit.service";
import {
  emailVerificationService,
  type ClientLinkClaim,
} from "../identity/email-verification.service";
import { identityService } from "../identity/identity.service";
import {
  INVITATION_COLUMNS,
  toInvitation,
  type ImportRow,
  type Invitation,
  type InvitationRow,
  type ResendPlan,
} from "../invitations/invitation.type";
import {
  insertInvitations,
  markInvitationAccepted,
  revokePendingInvitations,
} from "../invitations/invitation-store";
import { invitationLink } from "../invitations/invitation-link";
import { mailService } from "../mail/mail.service";
import { membersService } from "../members/members.service";
import { resolveTeamMembers, teamsService } from "../teams/teams.service";
import { clientInvitationEmail } from "./client-email";
import { parseClientCsv } from "./client-csv";
import {
  CLIENT_COLUMNS,
  toClient,
  type Client,
  type ClientFilter,
  type ClientOrder,
  type ClientOrderField,
  type ClientRow,
} from "./client.type";

/** The keys of each client order; the expressions match the indexes of migration 1765400000000. */
export const CLIENT_ORDER_KEYS: OrderKeys<ClientOrderField> = {
  NAME: [
    { expression: `(c.name COLLATE ${LIST_COLLATION})`, sqlType: "text" },
    { expression: "c.id", sqlType: "uuid" },
  ],
  CREATED_AT: newestFirst("c").orderBy,
};

const EMAIL_LIFETIME_MS = INVITATION_LIFETIME_HOURS * 60 * 60 * 1000;
const LINK_LIFETIME_MS = CLIENT_LINK_LIFETIME_DAYS * 24 * 60 * 60 * 1000;

/** Refused, or (a shareable link) waiting for the typed email to be confirmed. */
type AcceptFailure = {
  account: null;
  member: null;
  userErrors: UserError[];
  verificationEmailSent?: boolean;
};
type AcceptSuccess = {
  accountId: string;
  memberId: string | null;
  newSession: { token: string; expiresAt: Date } | null;
};

function fieldError(code: UserErrorCode, message: string, field: string[] | null): AcceptFailure {
  return { account: null, member: null, userErrors: [userError(code, message, field)] };
}

/** Open (not removed) clients of the account by email key (emailKey). */
async function openClientsByEmail(db: EntityManager, accountId: string, emails: string[]) {
  const rows = await queryRows<ClientRow>(
    db,
    `SELECT ${CLIENT_COLUMNS} FROM clients c WHERE c.account_id = $1 AND c.status <> 'REMOVED' AND email_key(c.email) = ANY($2::text[])`,
    [accountId, emails.map(emailKey)],
  );
  return new Map(rows.map((row) => [emailKey(row.email!), row]));
}

type NewClient = {
  name: string;
  email: string;
  phone: string | null;
  title: string | null;
  teamMemberIds: string[];
};

/** A typed title: trimmed, and empty means none. */
function titleOf(value: string | null | undefined): string | null {
  return value?.trim() || null;
}

/** Creates invited PERSON clients with their teams, invitations and emails, all in the caller's transaction. */
async function createInvitedClients(
  context: Context,
  db: EntityManager,
  viewer: { accountId: string; memberId: string },
  clients: NewClient[],
) {
  const created = await queryRows<ClientRow>(
    db,
    `INSERT INTO clients (account_id, type, name, email, phone, title, status)
     SELECT $1, 'PERSON', name, email, phone, title, 'INVITED'
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t(name, email, phone, title, position)
     ORDER BY position RETURNING ${CLIENT_COLUMNS.replace(/c\./g, "")}`,
    [
      viewer.accountId,
      clients.map((c) => c.name),
      clients.map((c) => normalizeEmail(c.email)),
      clients.map((c) => c.phone),
      clients.map((c) => c.title),
    ],
  );
  for (const [index, client] of created.entries())
    await teamsService.createTeam(db, viewer.accountId, client.id, clients[index]!.teamMemberIds);
  const now = clock.now();
  const tokens = created.map(() => mintToken(EMAIL_LIFETIME_MS, now));
  const expiresAt = tokens[0]?.expiresAt ?? now;
  const invitations = await insertInvitations(
    db,
    created.map((client, index) => ({
      accountId: viewer.accountId,
      kind: "CLIENT",
      email: client.email,
      role: "CLIENT",
      tokenHash: tokens[index]!.hash,
      delivery: "QUEUED",
      expiresAt: tokens[index]!.expiresAt,
      lastSentAt: now,
      sendCount: 1,
      invitedByMemberId: viewer.memberId,
      partnerId: null,
      clientId: client.id,
      teamMemberIds: null,
      createdAt: now,
    })),
  );
  const accountName = await accountsService.nameOf(db, viewer.accountId);
  const inviterName = await membersService.nameOf(db, viewer.memberId);
  await mailService.queue(
    db,
    context.mail,
    invitations.map((invitation, index) => ({
      accountId: viewer.accountId,
      invitationId: invitation.id,
      to: invitation.email!,
      ...clientInvitationEmail({ inviterName, accountName, expiresAt }),
      secretLink: invitationLink(context, tokens[index]!.secret),
    })),
  );
  await auditService.record(db, context, [
    // RETURNING keeps the input order (as createTeam above relies on), so index i is clients[i].
    ...created.map((client, index): AuditEntry => ({
      accountId: viewer.accountId,
      action: "client.created",
      objectType: "Client",
      objectId: client.id,
      details: {
        type: "PERSON",
        name: client.name,
        email: client.email,
        ...(client.title ? { title: client.title } : {}),
        teamSize: clients[index]!.teamMemberIds.length,
      },
    })),
    ...invitations.map((invitation): AuditEntry => ({
      accountId: viewer.accountId,
      action: "invitation.created",
      objectType: "Invitation",
      objectId: invitation.id,
      details: {
        kind: "CLIENT",
        email: invitation.email,
        clientId: invitation.client_id && toGlobalId("Client", invitation.client_id),
      },
    })),
  ]);
  return { clients: created.map(toClient), invitations: invitations.map(toInvitation) };
}

/** Ends a partner link given the partner row id; the partners module provides it (it owns that rule). */
export type EndPartnerLink = (
  context: Context,
  db: EntityManager,
  partnerId: string,
) => Promise<number>;

export const clientsService = {
  /**
   * The network map's clients (not removed), by name: `active` counts the active people of
   * the account in each client's team, `pending` the client's invitations still open. One
   * statement however many; the caller checks that the viewer may read the account.
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
      `WITH page AS (
         SELECT c.id, c.name, c.status FROM clients c
         WHERE c.account_id = $1 AND c.status <> 'REMOVED'
         ORDER BY lower(c.name), c.id LIMIT $2
       ), team AS (
         SELECT t.client_id, count(*)::int AS active FROM teams t
         JOIN team_memberships tm ON tm.team_id = t.id
         JOIN members m ON m.id = tm.member_id AND m.status = 'ACTIVE'
         WHERE t.client_id IN (SELECT id FROM page) GROUP BY t.client_id
       ), open_invitations AS (
         SELECT i.client_id, count(*)::int AS pending FROM invitations i
         WHERE i.account_id = $1 AND i.status = 'PENDING' AND i.expires_at > $3
           AND i.client_id IN (SELECT id FROM page)
         GROUP BY i.client_id
       )
       SELECT page.id, page.name, page.status, coalesce(team.active, 0) AS active,
         coalesce(open_invitations.pending, 0) AS pending
       FROM page LEFT JOIN team ON team.client_id = page.id
       LEFT JOIN open_invitations ON open_invitations.client_id = page.id
       ORDER BY lower(page.name), page.id`,
      [accountId, limit, clock.now()],
    );
  },

  /** How many clients (not removed) the account has. */
  async networkCount(db: EntityManager, accountId: string): Promise<number> {
    const [row] = await queryRows<{ count: number }>(
      db,
      "SELECT count(*)::int AS count FROM clients WHERE account_id = $1 AND status <> 'REMOVED'",
      [accountId],
    );
    return row?.count ?? 0;
  },

  /** A client the viewer may see: account readers see all; a client sees only their own record. */
  async clientById(
    context: Context,
    clientId: string,
    options: { bypassVisibility?: boolean } = {},
  ): Promise<Client | null> {
    const viewer = context.viewer;
    if (!viewer?.accountId) return null;
    const [row] = await queryRows<ClientRow>(
      context.db,
      `SELECT ${CLIENT_COLUMNS} FROM clients c WHERE c.id = $1 AND c.account_id = $2`,
      [clientId, viewer.accountId],
    );
    if (!row) return null;
    return options.bypassVisibility ||
      can(viewer.role, "readAccount") ||
      row.member_id === viewer.memberId
      ? toClient(row)
      : null;
  },

  async latestInvitation(context: Context, client: Client): Promise<Invitation | null> {
    const [row] = await queryRows<InvitationRow>(
      context.db,
      `SELECT ${INVITATION_COLUMNS} FROM invitations i WHERE i.client_id = $1 ORDER BY i.created_at DESC LIMIT 1`,
      [client.localId],
    );
    return row ? toInvitation(row) : null;
  },

  /** Sending a CLIENT invitation again: an email invitation to its address for another 48 hours; a shareable link has no one to send to. */
  resendPlan(invitation: { email: string | null }): ResendPlan {
    if (!invitation.email) {
      return {
        refusal: userError(
          UserErrorCode.INVALID_STATE,
          "A shareable link is not emailed, so it cannot be resent; share the link you copied again, or create a new one.",
          ["invitationId"],
        ),
      };
    }
    return {
      recipients: [invitation.email],
      lifetimeMs: EMAIL_LIFETIME_MS,
      email: clientInvitationEmail,
    };
  },

  async inviteClient(
    context: Context,
    input: {
      name: string;
      email: string;
      phone?: string | null;
      title?: string | null;
      teamMemberIds: string[];
    },
  ) {
    const viewer = requirePermission(context, "manageClientsAndTeams");
    const userErrors: UserError[] = [];
    const name = input.name.trim();
    const email = normalizeEmail(input.email);
    const phone = input.phone?.trim() || null;
    if (!name || name.length > NAME_MAX_LENGTH)
      userErrors.push(userError(UserErrorCode.INVALID, "Enter the client's name.", ["name"]));
    if (!isValidEmail(email))
      userErrors.push(userError(UserErrorCode.INVALID, "Enter a valid email address.", ["email"]));
    if (phone && !isValidPhone(phone))
      userErrors.push(userError(UserErrorCode.INVALID, "Enter a phone number.", ["phone"]));
    return context.db.transaction(async (db) => {
      const team = await resolveTeamMembers(
        db,
        viewer.accountId,
        input.teamMemberIds,
        "teamMemberIds",
      );
      userErrors.push(...team.userErrors);
      if (
        !userErrors.length &&
        (await openClientsByEmail(db, viewer.accountId, [email])).size > 0
      ) {
        userErrors.push(userError(UserErrorCode.TAKEN, `${email} is a client already.`, ["email"]));
      }
      if (userErrors.length) return { client: null, invitation: null, userErrors };
      const overSendLimit = await context.rateLimits.reserveInvitationSends(
        db,
        viewer.accountId,
        1,
        { field: ["email"] },
      );
      if (overSendLimit) return { client: null, invitation: null, userErrors: [overSendLimit] };
      const made = await createInvitedClients(context, db, viewer, [
        { name, email, phone, title: titleOf(input.title), teamMemberIds: team.memberIds },
      ]);
      return { client: made.clients[0]!, invitation: made.invitations[0]!, userErrors: [] };
    });
  },

  async createInviteLink(context: Context, teamMemberIds: string[]) {
    const viewer = requirePermission(context, "manageClientsAndTeams");
    return context.db.transaction(async (db) => {
      const team = await resolveTeamMembers(db, viewer.accountId, teamMemberIds, "teamMemberIds");
      if (team.userErrors.length)
        return { invitation: null, url: null, userErrors: team.userErrors };
      const now = clock.now();
      const token = mintToken(LINK_LIFETIME_MS, now);
      const [row] = await insertInvitations(db, [
        {
          accountId: viewer.accountId,
          kind: "CLIENT",
          email: null,
          role: "CLIENT",
          tokenHash: token.hash,
          delivery: "NOT_SENT",
          expiresAt: token.expiresAt,
          lastSentAt: null,
          sendCount: 0,
          invitedByMemberId: viewer.memberId,
          partnerId: null,
          clientId: null,
          teamMemberIds: team.memberIds,
          createdAt: now,
        },
      ]);
      await auditService.record(db, context, [
        {
          accountId: viewer.accountId,
          action: "client.invite_link_created",
          objectType: "Invitation",
          objectId: row!.id,
          details: {
            teamMemberIds: team.memberIds.map((id) => toGlobalId("Member", id)),
            expiresAt: row!.expires_at,
          },
        },
      ]);
      return {
        invitation: toInvitation(row!),
        url: invitationLink(context, token.secret),
        userErrors: [],
      };
    });
  },

  /**
   * Accepting a CLIENT invitation: by email (the client exists, invited) or through a
   * shareable link (each sign-up creates a client with the link's team). The person
   * becomes a member with role CLIENT.
   */
  async acceptInvitation(
    context: Context,
    db: EntityManager,
    row: { id: string; account_id: string; email: string | null; client_id: string | null },
    input: {
      token: string;
      name?: string | null;
      password?: string | null;
      passwordHash?: string | null;
      email?: string | null;
      claimToken?: string | null;
    },
  ): Promise<AcceptFailure | AcceptSuccess> {
    const isLink = row.email === null;
    // A shareable link's second step: the emailed claim carries the email, name and password.
    let claim: ClientLinkClaim | null = null;
    if (isLink && input.claimToken) {
      const opened = await emailVerificationService.openClientLinkClaim(
        db,
        input.claimToken,
        row.id,
      );
      if ("code" in opened) return { account: null, member: null, userErrors: [opened] };
      claim = opened;
    }
    const email = normalizeEmail(claim ? claim.email : isLink ? (input.email ?? "") : row.email!);
    if (isLink && !isValidEmail(email))
      return fieldError(UserErrorCode.INVALID, "Enter your email address.", ["email"]);
    const existing = await identityService.findUserByEmail(db, email);
    const viewer = context.viewer;
    const newPersonErrors = () => {
      const errors: UserError[] = [];
      if (!input.name?.trim())
        errors.push(userError(UserErrorCode.INVALID, "Your name is required.", ["name"]));
      const weak = passwordProblem(input.password ?? "");
      if (weak) errors.push(userError(UserErrorCode.INVALID, weak, ["password"]));
      return errors;
    };
    if (isLink && !claim && !(viewer && existing && viewer.userId === existing.id)) {
      if (viewer)
        return fieldError(
          UserErrorCode.EMAIL_MISMATCH,
          `You are logged in as someone else; log out to accept as ${email}.`,
          null,
        );
      // A typed email proves nothing yet: nothing is created until its mailbox answers, and
      // the answer is the same whether the email belongs to someone.
      const errors = newPersonErrors();
      if (errors.length) return { account: null, member: null, userErrors: errors };
      const limited = await emailVerificationService.storeClientLinkClaim(db, context, {
        invitationId: row.id,
        invitationToken: input.token,
        accountId: row.account_id,
        accountName: await accountsService.nameOf(db, row.account_id),
        email,
        name: input.name!.trim(),
        passwordHash: input.passwordHash!,
      });
      if (limited) return { account: null, member: null, userErrors: [limited] };
      return { account: null, member: null, userErrors: [], verificationEmailSent: true };
    }
    let userId: string;
    // An unverified registration of a proven email is the claimant's to take over.
    if (existing && (viewer || existing.emailVerified)) {
      if (!viewer)
        return fieldError(
          UserErrorCode.SIGN_IN_REQUIRED,
          claim
            ? `${email} has an account: log in as ${email} and open the link again.`
            : `Log in as ${email} to accept this invitation.`,
          null,
        );
      if (viewer.userId !== existing.id)
        return fieldError(
          UserErrorCode.EMAIL_MISMATCH,
          `This invitation is for ${email}; log in with that email.`,
          null,
        );
      userId = existing.id;
      // An emailed invitation or claim proves the mailbox; a bare link with a session does not.
      if (!isLink || claim) await identityService.markEmailVerified(db, userId);
    } else {
      if (viewer)
        return fieldError(
          UserErrorCode.EMAIL_MISMATCH,
          `You are logged in as someone else; log out to accept as ${email}.`,
          null,
        );
      const errors = claim ? [] : newPersonErrors();
      if (errors.length) return { account: null, member: null, userErrors: errors };
      const claimed = await identityService.claimVerifiedIdentity(db, context, {
        email,
        name: claim ? claim.name : input.name!.trim(),
        passwordHash: claim ? claim.passwordHash : input.passwordHash!,
        accountId: row.account_id,
      });
      if (!claimed)
        return fieldError(
          UserErrorCode.SIGN_IN_REQUIRED,
          `Log in as ${email} to accept this invitation.`,
          null,
        );
      userId = claimed.userId;
      await tenantScope.identifyUser(db, userId);
    }
    if (claim) await emailVerificationService.closeClientLinkClaim(db, claim.id);
    const memberId = await membersService.addClientMember(db, row.account_id, userId);
    if (!memberId)
      return fieldError(UserErrorCode.TAKEN, "You are a member of this account already.", null);
    const now = clock.now();
    const actor = { userId, memberId };
    const entries: AuditEntry[] = [];
    if (isLink) {
      const [invitation] = await queryRows<{ team_member_ids: string[] | null }>(
        db,
        "SELECT team_member_ids FROM invitations WHERE id = $1",
        [row.id],
      );
      const team = await queryRows<{ id: string }>(
        db,
        "SELECT id FROM members WHERE id = ANY($1::uuid[]) AND account_id = $2 AND type = 'INTERNAL' AND status = 'ACTIVE'",
        [invitation.team_member_ids ?? [], row.account_id],
      );
      // Keep the link's order (its first person leads) among those still active.
      const ids = invitation.team_member_ids!.filter((id) =>
        team.some((member) => member.id === id),
      );
      if (ids.length === 0)
        return fieldError(
          UserErrorCode.INVALID_STATE,
          "This link's team no longer exists; ask for a new link.",
          ["token"],
        );
      const name = await identityService.nameOf(db, userId);
      const [client] = await queryRows<{ id: string }>(
        db,
        "INSERT INTO clients (account_id, type, name, email, member_id, status) VALUES ($1, 'PERSON', $2, $3, $4, 'ACTIVE') RETURNING id",
        [row.account_id, name, email, memberId],
      );
      await teamsService.createTeam(db, row.account_id, client.id, ids);
      entries.push(
        {
          accountId: row.account_id,
          action: "invitation.accepted",
          objectType: "Invitation",
          objectId: row.id,
          details: { kind: "CLIENT", email, clientId: toGlobalId("Client", client.id) },
          actor,
        },
        {
          accountId: row.account_id,
          action: "client.created",
          objectType: "Client",
          objectId: client.id,
          details: { type: "PERSON", name, email, viaLink: true },
          actor,
        },
      );
    } else {
      // queryRows: TypeORM's query() gives [rows, count] for an UPDATE, which is always truthy.
      const [client] = await queryRows<{ id: string }>(
        db,
        "UPDATE clients SET status = 'ACTIVE', member_id = $2 WHERE id = $1 AND status <> 'REMOVED' RETURNING id",
        [row.client_id, memberId],
      );
      if (!client)
        return fieldError(UserErrorCode.REVOKED, "This invitation was withdrawn.", ["token"]);
      await markInvitationAccepted(db, row.id, now, memberId);
      entries.push(
        {
          accountId: row.account_id,
          action: "invitation.accepted",
          objectType: "Invitation",
          objectId: row.id,
          details: { kind: "CLIENT", email, clientId: toGlobalId("Client", client.id) },
          actor,
        },
        {
          accountId: row.account_id,
          action: "client.activated",
          objectType: "Client",
          objectId: client.id,
          details: { email },
          actor,
        },
      );
    }
    let newSession: AcceptSuccess["newSession"] = null;
    if (viewer?.credential.kind === "session")
      await identityService.moveSession(db, viewer.credential.sessionId, row.account_id);
    else {
      const started = await identityService.startSession(db, userId, row.account_id, context);
      newSession = started;
      entries.push({
        accountId: row.account_id,
        action: "session.created",
        objectType: "Session",
        objectId: started.id,
        details: { method: "invitation" },
        actor,
      });
    }
    await auditService.record(db, context, entries);
    return { accountId: row.account_id, memberId, newSession };
  },

  /** CSV import of clients: valid rows are applied, each invalid row reported by line; a dry run writes nothing. */
  async importClients(
    context: Context,
    input: { csv: string; updateExisting: boolean; dryRun: boolean },
  ) {
    const viewer = requirePermission(context, "manageClientsAndTeams");
    const { rows: parsed, fileErrors, hasTitle } = parseClientCsv(input.csv);
    if (fileErrors.length) return { rows: [], created: 0, updated: 0, userErrors: fileErrors };
    return context.db.transaction(async (db) => {
      const teamEmails = [...new Set(parsed.flatMap((row) => row.teamEmails.map(emailKey)))];
      const staff = await queryRows<{ id: string; email: string }>(
        db,
        `SELECT m.id, email_key(u.email) AS email FROM members m JOIN users u ON u.id = m.user_id
         WHERE m.account_id = $1 AND m.type = 'INTERNAL' AND m.status = 'ACTIVE' AND email_key(u.email) = ANY($2::text[])`,
        [viewer.accountId, teamEmails],
      );
      const staffByEmail = new Map(staff.map((member) => [member.email, member.id]));
      const existing = await openClientsByEmail(
        db,
        viewer.accountId,
        parsed.filter((row) => !row.errors.length).map((row) => row.email),
      );
      const seen = new Set<string>();
      const report: ImportRow[] = [];
      const toCreate: NewClient[] = [];
      // Without a Title column the file says nothing of titles: each keeps its own.
      const toUpdate: { id: string; name: string; phone: string | null; title: string | null }[] =
        [];
      for (const row of parsed) {
        const errors = [...row.errors];
        for (const teamEmail of row.teamEmails) {
          if (!staffByEmail.has(emailKey(teamEmail))) {
            errors.push(
              userError(
                UserErrorCode.NOT_FOUND,
                `Line ${row.line}: ${teamEmail} is not an active person of your account.`,
                [String(row.line), "team"],
              ),
            );
          }
        }
        const key = emailKey(row.email);
        const current = existing.get(key);
        const outcome = (value: string, extra: UserError[] = []) =>
          report.push({ line: row.line, email: row.email || null, outcome: value, errors: extra });
        if (errors.length) outcome("ERROR", errors);
        else if (seen.has(key))
          outcome("SKIPPED", [
            userError(
              UserErrorCode.TAKEN,
              `Line ${row.line}: ${row.email} appears earlier in the file.`,
              [String(row.line), "email"],
            ),
          ]);
        else if (current && !input.updateExisting)
          outcome("SKIPPED", [
            userError(UserErrorCode.TAKEN, `Line ${row.line}: ${row.email} is a client already.`, [
              String(row.line),
              "email",
            ]),
          ]);
        else if (
          current &&
          current.name === row.name &&
          current.phone === row.phone &&
          (!hasTitle || current.title === row.title)
        )
          outcome("UNCHANGED");
        else if (current) {
          outcome("UPDATED");
          toUpdate.push({
            id: current.id,
            name: row.name,
            phone: row.phone,
            title: hasTitle ? (row.title ?? null) : current.title,
          });
        } else {
          outcome("CREATED");
          toCreate.push({
            name: row.name,
            email: row.email,
            phone: row.phone,
            title: row.title ?? null,
            teamMemberIds: [...new Set(row.teamEmails.map((e) => staffByEmail.get(emailKey(e))!))],
          });
        }
        seen.add(key);
      }
      const overSendLimit = await context.rateLimits.reserveInvitationSends(
        db,
        viewer.accountId,
        toCreate.length,
        { dryRun: input.dryRun, field: ["csv"] },
      );
      if (overSendLimit)
        return { rows: report, created: 0, updated: 0, userErrors: [overSendLimit] };
      if (!input.dryRun) {
        if (toCreate.length) await createInvitedClients(context, db, viewer, toCreate);
        if (toUpdate.length) {
          await execute(
            db,
            `UPDATE clients c SET name = t.name, phone = t.phone, title = t.title
             FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS t(id, name, phone, title) WHERE c.id = t.id`,
            [
              toUpdate.map((u) => u.id),
              toUpdate.map((u) => u.name),
              toUpdate.map((u) => u.phone),
              toUpdate.map((u) => u.title),
            ],
          );
          await auditService.record(
            db,
            context,
            toUpdate.map((update) => ({
              accountId: viewer.accountId,
              action: "client.updated",
              objectType: "Client",
              objectId: update.id,
              details: {
                name: update.name,
                phone: update.phone,
                ...(hasTitle ? { title: update.title } : {}),
                source: "csv",
              },
            })),
          );
        }
      }
      return { rows: report, created: toCreate.length, updated: toUpdate.length, userErrors: [] };
    });
  },

  /** EDITOR and up: a client's title (omitted stays, empty clears); removed clients stay as they were. */
  async updateClient(context: Context, input: { clientId: string; title?: string | null }) {
    const viewer = requirePermission(context, "manageClientsAndTeams");
    const clientId = localIdOf(input.clientId, "Client");
    return context.db.transaction(async (db) => {
      const [row] = clientId
        ? await queryRows<ClientRow>(
            db,
            `SELECT ${CLIENT_COLUMNS} FROM clients c WHERE c.id = $1 AND c.account_id = $2 FOR UPDATE`,
            [clientId, viewer.accountId],
          )
        : [];
      if (!row)
        return {
          client: null,
          userErrors: [userError(UserErrorCode.NOT_FOUND, "No such client.", ["clientId"])],
        };
      if (row.status === "REMOVED")
        return {
          client: null,
          userErrors: [
            userError(
              UserErrorCode.INVALID_STATE,
              "This client was removed from the network; it can no longer be changed.",
              ["clientId"],
            ),
          ],
        };
      const title = input.title === undefined ? row.title : titleOf(input.title);
      if (title === row.title) return { client: toClient(row), userErrors: [] };
      const [updated] = await queryRows<ClientRow>(
        db,
        `UPDATE clients c SET title = $2 WHERE c.id = $1 RETURNING ${CLIENT_COLUMNS}`,
        [row.id, title],
      );
      await auditService.record(db, context, [
        {
          accountId: viewer.accountId,
          action: "client.updated",
          objectType: "Client",
          objectId: row.id,
          details: { title },
        },
      ]);
      return { client: toClient(updated!), userErrors: [] };
    });
  },

  async list(
    context: Context,
    accountId: string,
    args: ConnectionArgs,
    filter: ClientFilter | null | undefined,
    order?: ClientOrder | null,
  ): Promise<Connection<Client>> {
    const viewer = context.viewer;
    const where = ["c.account_id = $1"];
    const params: unknown[] = [accountId];
    if (!viewer || viewer.accountId !== accountId) where.push("false");
    else if (!can(viewer.role, "readAccount")) {
      // A client sees only their own record.
      params.push(viewer.memberId);
      where.push(`c.member_id = $${params.length}::uuid`);
    }
    if (filter?.status?.length) {
      params.push(filter.status);
      where.push(`c.status = ANY($${params.length}::text[])`);
    }
    const search = filter?.search?.trim();
    if (search) {
      params.push(likePattern(search));
      where.push(`(c.name ILIKE $${params.length} OR c.email ILIKE $${params.length})`);
    }
    return paginate<ClientRow & Record<string, unknown>, Client>(
      context.db,
      {
        select: CLIENT_COLUMNS,
        from: "clients c",
        where,
        params,
        ...keysetOrder(order, CLIENT_ORDER_KEYS),
      },
      args,
      toClient,
    );
  },

  /**
   * B's side of ending a partnership: removing A (an ACCOUNT client) ends the link
   * both ways, exactly as A removing B would.
   */
  async removeFromNetwork(
    context: Context,
    clientGlobalId: string,
    endPartnerLink: EndPartnerLink,
  ) {
    const viewer = requirePermission(context, "removeFromNetwork");
    const clientId = localIdOf(clientGlobalId, "Client");
    return context.db.transaction(async (db) => {
      const [row] = clientId
        ? await queryRows<ClientRow>(
            db,
            `SELECT ${CLIENT_COLUMNS} FROM clients c WHERE c.id = $1 AND c.account_id = $2 FOR UPDATE`,
            [clientId, viewer.accountId],
          )
        : [];
      if (!row)
        return {
          client: null,
          archivedMemberCount: 0,
          userErrors: [userError(UserErrorCode.NOT_FOUND, "No such client.", ["clientId"])],
        };
      let archivedMemberCount = 0;
      if (row.status !== "REMOVED" && row.type === "ACCOUNT" && row.partner_id)
        archivedMemberCount = await endPartnerLink(context, db, row.partner_id);
      else if (row.status !== "REMOVED") {
        // A person: their client record and their member end, with their sessions.
        const now = clock.now();
        await execute(db, "UPDATE clients SET status = 'REMOVED', removed_at = $2 WHERE id = $1", [
          row.id,
          now,
        ]);
        await revokePendingInvitations(db, { clientId: row.id }, now);
        if (row.member_id)
          archivedMemberCount = await membersService.archiveMembersById(
            db,
            context,
            viewer.accountId,
            [row.member_id],
            now,
          );
        await auditService.record(db, context, [
          {
            accountId: viewer.accountId,
            action: "client.removed",
            objectType: "Client",
            objectId: row.id,
            details: { type: row.type, archivedMemberCount },
          },
        ]);
      }
      const [updated] = await queryRows<ClientRow>(
        db,
        `SELECT ${CLIENT_COLUMNS} FROM clients c WHERE c.id = $1`,
        [row.id],
      );
      return { client: toClient(updated!), archivedMemberCount, userErrors: [] };
    });
  },

  /** On the partner's side (B), the account that invited it (A) becomes a client. */
  async linkAccountClient(
    db: EntityManager,
    input: { accountId: string; clientAccountId: string; name: string; partnerId: string },
  ): Promise<string> {
    const [client] = await queryRows<{ id: string }>(
      db,
      `INSERT INTO clients (account_id, type, name, client_account_id, partner_id, status)
       VALUES ($1, 'ACCOUNT', $2, $3, $4, 'ACTIVE')
       ON CONFLICT (partner_id) WHERE partner_id IS NOT NULL DO UPDATE SET status = 'ACTIVE', removed_at = NULL, account_id = excluded.account_id
       RETURNING id`,
      [input.accountId, input.name, input.clientAccountId, input.partnerId],
    );
    // Every client has a team; a linked account's team starts empty.
    await execute(
      db,
      "INSERT INTO teams (account_id, client_id) VALUES ($1, $2) ON CONFLICT (client_id) DO NOTHING",
      [input.accountId, client.id],
    );
    return client.id;
  },

  /** The link ended from either side: B's client row for A is removed too. */
  async removeAccountClientOfPartner(
    db: EntityManager,
    partnerId: string,
    at: Date,
  ): Promise<{ id: string; accountId: string } | null> {
    const [row] = await queryRows<{ id: string; account_id: string }>(
      db,
      "UPDATE clients SET status = 'REMOVED', removed_at = $2 WHERE partner_id = $1 AND status <> 'REMOVED' RETURNING id, account_id",
      [partnerId, at],
    );
    return row ? { id: row.id, accountId: row.account_id } : null;
  },
};

export const clientNodeSource: NodeSource = {
  typeName: "Client",
  async load(context, ids) {
    const viewer = context.viewer;
    if (!viewer?.accountId) return ids.map(() => null);
    const rows = await queryRows<ClientRow>(
      context.db,
      `SELECT ${CLIENT_COLUMNS} FROM clients c WHERE c.id = ANY($1::uuid[]) AND c.account_id = $2 AND ($3 OR c.member_id = $4)`,
      [ids, viewer.accountId, can(viewer.role, "readAccount"), viewer.memberId],
    );
    const byId = new Map(rows.map((row) => [row.id, toClient(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  },
};

/** clients.csv of the account backup. */
export const clientExportTable: ExportTable = {
  file: "clients.csv",
  columns: [
    "id",
    "type",
    "name",
    "title",
    "email",
    "phone",
    "client_account_id",
    "partner_id",
    "member_id",
    "status",
    "created_at",
    "removed_at",
  ],
  sql: `SELECT id, type, name, title, email, phone, client_account_id, partner_id, member_id, status, created_at, removed_at
        FROM clients WHERE account_id = $1 ORDER BY created_at, id`,
};
