/**
 * Client teams: the account's internal people serving one client. A team always
 * has exactly one lead (a partial unique index allows no second) and at least one
 * member: the lead cannot be removed until another leads; the last member can only
 * be replaced.
 */
import { can, MemberStatus, MemberType, toGlobalId, UserErrorCode } from "@pn/shared";
import type { EntityManager } from "typeorm";
import { execute, queryRows } from "../../db/sql";
import type { Context } from "../../graphql/context";
import { localIdOf } from "../../graphql/global-id";
import type { NodeSource } from "../../graphql/node";
import type { ExportTable } from "../../db/table-export";
import { requirePermission } from "../../graphql/permissions";
import { userError, type UserError } from "../../graphql/user-error";
import { auditService } from "../audit/audit.service";
import { toTeam, type Team, type TeamRow } from "./team.type";

type Outcome = { team: Team | null; userErrors: UserError[] };

/** Checks that team member IDs name distinct active internal members of the account; returns local IDs. */
export async function resolveTeamMembers(
  db: EntityManager,
  accountId: string,
  globalIds: string[],
  field: string,
): Promise<{ memberIds: string[]; userErrors: UserError[] }> {
  const userErrors: UserError[] = [];
  if (globalIds.length === 0)
    userErrors.push(userError(UserErrorCode.INVALID, "Choose at least one team member.", [field]));
  const localIds = globalIds.map((id) => localIdOf(id, "Member"));
  const rows = await queryRows<{ id: string }>(
    db,
    "SELECT id FROM members WHERE id = ANY($1::uuid[]) AND account_id = $2 AND type = $3 AND status = $4",
    [localIds.filter(Boolean), accountId, MemberType.INTERNAL, MemberStatus.ACTIVE],
  );
  const valid = new Set(rows.map((row) => row.id));
  const seen = new Set<string>();
  localIds.forEach((id, index) => {
    if (!id || !valid.has(id))
      userErrors.push(
        userError(UserErrorCode.NOT_FOUND, "Choose an active person of your own account.", [
          field,
          String(index),
        ]),
      );
    else if (seen.has(id))
      userErrors.push(
        userError(UserErrorCode.INVALID, "This person is listed twice.", [field, String(index)]),
      );
    if (id) seen.add(id);
  });
  return { memberIds: localIds.filter((id): id is string => Boolean(id)), userErrors };
}

async function isActiveInternal(
  db: EntityManager,
  accountId: string,
  memberId: string | null,
): Promise<boolean> {
  if (!memberId) return false;
  const [row] = await queryRows<{ found: number }>(
    db,
    "SELECT 1 AS found FROM members WHERE id = $1 AND account_id = $2 AND type = 'INTERNAL' AND status = 'ACTIVE'",
    [memberId, accountId],
  );
  return Boolean(row);
}

async function teamOfClient(
  db: EntityManager,
  accountId: string,
  clientGlobalId: string,
): Promise<TeamRow | null> {
  const clientId = localIdOf(clientGlobalId, "Client");
  if (!clientId) return null;
  const [row] = await queryRows<TeamRow>(
    db,
    `SELECT t.id, t.account_id, t.client_id FROM teams t JOIN clients c ON c.id = t.client_id
     WHERE t.client_id = $1 AND t.account_id = $2 AND c.status <> 'REMOVED' FOR UPDATE OF t`,
    [clientId, accountId],
  );
  return row ?? null;
}

async function memberships(db: EntityManager, teamId: string) {
  return queryRows<{ member_id: string; is_lead: boolean }>(
    db,
    "SELECT member_id, is_lead FROM team_memberships WHERE team_id = $1",
    [teamId],
  );
}

/** What a successful team change did, for the audit log (`team.updated`). */
type TeamChange = {
  change: "member_added" | "member_removed" | "member_replaced" | "lead_changed";
  memberId: string;
  replacementMemberId?: string;
};

/**
 * Runs a team change in a transaction with the team row locked, so concurrent
 * changes cannot break the lead rules. The change returns its refusals, or what it did.
 */
async function withTeam(
  context: Context,
  clientGlobalId: string,
  change: (db: EntityManager, team: TeamRow) => Promise<UserError[] | TeamChange>,
): Promise<Outcome> {
  const viewer = requirePermission(context, "manageClientsAndTeams");
  return context.db.transaction(async (db) => {
    const team = await teamOfClient(db, viewer.accountId, clientGlobalId);
    if (!team)
      return {
        team: null,
        userErrors: [userError(UserErrorCode.NOT_FOUND, "No such client.", ["clientId"])],
      };
    const outcome = await change(db, team);
    context.loaders.teamMembershipsByTeamId.clear(team.id);
    if (Array.isArray(outcome)) return { team: null, userErrors: outcome };
    await auditService.record(db, context, [
      {
        accountId: team.account_id,
        action: "team.updated",
        objectType: "Team",
        objectId: team.id,
        details: {
          change: outcome.change,
          clientId: toGlobalId("Client", team.client_id),
          memberId: toGlobalId("Member", outcome.memberId),
          ...(outcome.replacementMemberId
            ? { replacementMemberId: toGlobalId("Member", outcome.replacementMemberId) }
            : {}),
        },
      },
    ]);
    return { team: toTeam(team), userErrors: [] };
  });
}

const notInTeam = () =>
  userError(UserErrorCode.NOT_FOUND, "This person is not in the team.", ["memberId"]);

export const teamsService = {
  /** A new client's team: the first member leads. */
  async createTeam(
    db: EntityManager,
    accountId: string,
    clientId: string,
    memberIds: string[],
  ): Promise<void> {
    const [team] = await queryRows<{ id: string }>(
      db,
      "INSERT INTO teams (account_id, client_id) VALUES ($1, $2) RETURNING id",
      [accountId, clientId],
    );
    await execute(
      db,
      `INSERT INTO team_memberships (team_id, member_id, account_id, is_lead)
       SELECT $1, member_id, $2, position = 1 FROM unnest($3::uuid[]) WITH ORDINALITY AS t(member_id, position)`,
      [team!.id, accountId, memberIds],
    );
  },

  addMember(context: Context, input: { clientId: string; memberId: string }) {
    return withTeam(context, input.clientId, async (db, team) => {
      const memberId = localIdOf(input.memberId, "Member");
      if (!(await isActiveInternal(db, team.account_id, memberId))) {
        return [
          userError(UserErrorCode.NOT_FOUND, "Choose an active person of your own account.", [
            "memberId",
          ]),
        ];
      }
      const [added] = await queryRows<{ member_id: string }>(
        db,
        "INSERT INTO team_memberships (team_id, member_id, account_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING member_id",
        [team.id, memberId, team.account_id],
      );
      return added
        ? { change: "member_added", memberId: memberId! }
        : [userError(UserErrorCode.TAKEN, "This person is in the team already.", ["memberId"])];
    });
  },

  removeMember(context: Context, input: { clientId: string; memberId: string }) {
    return withTeam(context, input.clientId, async (db, team) => {
      const memberId = localIdOf(input.memberId, "Member");
      const current = await memberships(db, team.id);
      const target = current.find((m) => m.member_id === memberId);
      if (!target) return [notInTeam()];
      if (current.length === 1)
        return [
          userError(
            UserErrorCode.LAST_TEAM_MEMBER,
            "A team needs at least one person; replace this one instead.",
            ["memberId"],
          ),
        ];
      if (target.is_lead)
        return [
          userError(
            UserErrorCode.TEAM_LEAD_REQUIRED,
            "Make someone else the lead before removing the lead.",
            ["memberId"],
          ),
        ];
      await execute(db, "DELETE FROM team_memberships WHERE team_id = $1 AND member_id = $2", [
        team.id,
        memberId,
      ]);
      return { change: "member_removed", memberId: target.member_id };
    });
  },

  replaceMember(
    context: Context,
    input: { clientId: string; memberId: string; replacementMemberId: string },
  ) {
    return withTeam(context, input.clientId, async (db, team) => {
      const memberId = localIdOf(input.memberId, "Member");
      const replacementId = localIdOf(input.replacementMemberId, "Member");
      const current = await memberships(db, team.id);
      const target = current.find((m) => m.member_id === memberId);
      if (!target) return [notInTeam()];
      if (!(await isActiveInternal(db, team.account_id, replacementId))) {
        return [
          userError(UserErrorCode.NOT_FOUND, "Choose an active person of your own account.", [
            "replacementMemberId",
          ]),
        ];
      }
      if (current.some((m) => m.member_id === replacementId)) {
        return [
          userError(UserErrorCode.TAKEN, "The replacement is in the team already.", [
            "replacementMemberId",
          ]),
        ];
      }
      // The replacement takes over the lead when the replaced person led.
      await execute(db, "DELETE FROM team_memberships WHERE team_id = $1 AND member_id = $2", [
        team.id,
        memberId,
      ]);
      await execute(
        db,
        "INSERT INTO team_memberships (team_id, member_id, account_id, is_lead) VALUES ($1, $2, $3, $4)",
        [team.id, replacementId, team.account_id, target.is_lead],
      );
      return {
        change: "member_replaced",
        memberId: target.member_id,
        replacementMemberId: replacementId!,
      };
    });
  },

  makeLead(context: Context, input: { clientId: string; memberId: string }) {
    return withTeam(context, input.clientId, async (db, team) => {
      const memberId = localIdOf(input.memberId, "Member");
      if (!(await memberships(db, team.id)).some((m) => m.member_id === memberId))
        return [notInTeam()];
      // Two statements: the one-lead index is checked row by row, so the old lead steps down first.
      await execute(
        db,
        "UPDATE team_memberships SET is_lead = false WHERE team_id = $1 AND is_lead",
        [team.id],
      );
      await execute(
        db,
        "UPDATE team_memberships SET is_lead = true WHERE team_id = $1 AND member_id = $2",
        [team.id, memberId],
      );
      return { change: "lead_changed", memberId: memberId! };
    });
  },

  async teamOfClientForViewer(context: Context, client: { localId: string }): Promise<Team | null> {
    return context.loaders.teamByClientId.load(client.localId);
  },

  /** Memberships with their members; the team's visibility was checked through its client. */
  async membershipsOf(context: Context, team: Team) {
    const rows = await context.loaders.teamMembershipsByTeamId.load(team.localId);
    const members = await context.loaders.memberById.loadMany(rows.map((row) => row.member_id));
    return rows.flatMap((row, index) => {
      const member = members[index];
      return member && !(member instanceof Error)
        ? [{ memberId: row.member_id, member, isLead: row.is_lead, addedAt: row.added_at }]
        : [];
    });
  },
};

export const teamNodeSource: NodeSource = {
  typeName: "Team",
  async load(context, ids) {
    const viewer = context.viewer;
    if (!viewer?.accountId) return ids.map(() => null);
    const rows = await queryRows<TeamRow>(
      context.db,
      `SELECT t.id, t.account_id, t.client_id FROM teams t JOIN clients c ON c.id = t.client_id
       WHERE t.id = ANY($1::uuid[]) AND t.account_id = $2 AND ($3 OR c.member_id = $4)`,
      [ids, viewer.accountId, can(viewer.role, "readAccount"), viewer.memberId],
    );
    const byId = new Map(rows.map((row) => [row.id, toTeam(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  },
};

/** teams.csv and team_members.csv of the account backup. */
export const teamExportTables: ExportTable[] = [
  {
    file: "teams.csv",
    columns: ["id", "client_id", "created_at"],
    sql: `SELECT id, client_id, created_at FROM teams WHERE account_id = $1 ORDER BY created_at, id`,
  },
  {
    file: "team_members.csv",
    columns: ["team_id", "member_id", "is_lead", "added_at"],
    sql: `SELECT team_id, member_id, is_lead, added_at FROM team_memberships
          WHERE account_id = $1 ORDER BY team_id, added_at, member_id`,
  },
];
