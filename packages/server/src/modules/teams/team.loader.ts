import DataLoader from "dataloader";
import type { EntityManager } from "typeorm";
import { queryRows } from "../../db/sql";
import { toTeam, type Team, type TeamRow } from "./team.type";

export function createTeamByClientLoader(db: EntityManager): DataLoader<string, Team | null> {
  return new DataLoader(async (clientIds) => {
    const rows = await queryRows<TeamRow>(
      db,
      "SELECT id, account_id, client_id FROM teams WHERE client_id = ANY($1::uuid[])",
      [clientIds],
    );
    const byClient = new Map(rows.map((row) => [row.client_id, toTeam(row)]));
    return clientIds.map((id) => byClient.get(id) ?? null);
  });
}

export type TeamMembershipRow = {
  team_id: string;
  member_id: string;
  is_lead: boolean;
  added_at: Date;
};

/** A team's memberships, lead first, then by when they joined. */
export function createTeamMembershipsLoader(
  db: EntityManager,
): DataLoader<string, TeamMembershipRow[]> {
  return new DataLoader(async (teamIds) => {
    const rows = await queryRows<TeamMembershipRow>(
      db,
      "SELECT team_id, member_id, is_lead, added_at FROM team_memberships WHERE team_id = ANY($1::uuid[]) ORDER BY is_lead DESC, added_at, member_id",
      [teamIds],
    );
    const byTeam = new Map<string, TeamMembershipRow[]>();
    for (const row of rows) byTeam.set(row.team_id, [...(byTeam.get(row.team_id) ?? []), row]);
    return teamIds.map((id) => byTeam.get(id) ?? []);
  });
}
