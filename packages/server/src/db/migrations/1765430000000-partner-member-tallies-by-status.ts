import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * `partner_member_tallies` keeps each partner's people by status, not only the pending
 * ones (migration 1765400000000), so `Partner.memberCounts` reads one row per partner
 * instead of counting the partner's people on every read (issue 20: Q1 counted about a
 * hundred index entries per row of its page on 100,000 members). The same statement-level
 * triggers keep all three counts; a row of members that changes neither its status nor
 * its partner changes none.
 */
const STATUSES = ["PENDING", "ACTIVE", "ARCHIVED"] as const;
const column = (status: (typeof STATUSES)[number]) => status.toLowerCase();

/** `SET pending = t.pending + d.pending, …` from a delta per partner and status column. */
const APPLY = STATUSES.map((s) => `${column(s)} = t.${column(s)} + d.${column(s)}`).join(", ");
/** A row's contribution to each status column, signed. */
const DELTAS = (sign: string) =>
  STATUSES.map((s) => `CASE WHEN status = '${s}' THEN ${sign}1 ELSE 0 END AS ${column(s)}`).join(
    ", ",
  );
const SUMS = STATUSES.map((s) => `sum(${column(s)}) AS ${column(s)}`).join(", ");
const ANY_CHANGE = STATUSES.map((s) => `sum(${column(s)}) <> 0`).join(" OR ");

export class PartnerMemberTalliesByStatus1765430000000 implements MigrationInterface {
  name = "PartnerMemberTalliesByStatus1765430000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE partner_member_tallies
         ADD COLUMN active int NOT NULL DEFAULT 0,
         ADD COLUMN archived int NOT NULL DEFAULT 0`,
    );
    // Writers of members wait for this lock, so no change slips between the count and the trigger.
    await queryRunner.query(`LOCK TABLE members IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(`
      UPDATE partner_member_tallies t SET ${STATUSES.map((s) => `${column(s)} = coalesce(c.${column(s)}, 0)`).join(", ")}
      FROM partners p LEFT JOIN (
        SELECT partner_id, ${STATUSES.map((s) => `count(*) FILTER (WHERE status = '${s}')::int AS ${column(s)}`).join(", ")}
        FROM members WHERE partner_id IS NOT NULL GROUP BY partner_id
      ) c ON c.partner_id = p.id
      WHERE t.partner_id = p.id`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION members_partner_tally() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          UPDATE partner_member_tallies t SET ${APPLY}
          FROM (SELECT partner_id, ${SUMS} FROM (SELECT partner_id, ${DELTAS("+")} FROM new_rows) r
                WHERE partner_id IS NOT NULL GROUP BY partner_id) d
          WHERE t.partner_id = d.partner_id;
        ELSIF TG_OP = 'DELETE' THEN
          UPDATE partner_member_tallies t SET ${APPLY}
          FROM (SELECT partner_id, ${SUMS} FROM (SELECT partner_id, ${DELTAS("-")} FROM old_rows) r
                WHERE partner_id IS NOT NULL GROUP BY partner_id) d
          WHERE t.partner_id = d.partner_id;
        ELSE
          UPDATE partner_member_tallies t SET ${APPLY}
          FROM (SELECT partner_id, ${SUMS} FROM (
                  SELECT partner_id, ${DELTAS("-")} FROM old_rows
                  UNION ALL
                  SELECT partner_id, ${DELTAS("+")} FROM new_rows) r
                WHERE partner_id IS NOT NULL GROUP BY partner_id HAVING ${ANY_CHANGE}) d
          WHERE t.partner_id = d.partner_id;
        END IF;
        RETURN NULL;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION members_partner_tally() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          UPDATE partner_member_tallies t SET pending = t.pending + d.delta
          FROM (SELECT partner_id, count(*) AS delta FROM new_rows
                WHERE status = 'PENDING' AND partner_id IS NOT NULL GROUP BY partner_id) d
          WHERE t.partner_id = d.partner_id;
        ELSIF TG_OP = 'DELETE' THEN
          UPDATE partner_member_tallies t SET pending = t.pending - d.delta
          FROM (SELECT partner_id, count(*) AS delta FROM old_rows
                WHERE status = 'PENDING' AND partner_id IS NOT NULL GROUP BY partner_id) d
          WHERE t.partner_id = d.partner_id;
        ELSE
          UPDATE partner_member_tallies t SET pending = t.pending + d.delta
          FROM (SELECT partner_id, sum(delta) AS delta FROM (
                  SELECT partner_id, -1 AS delta FROM old_rows WHERE status = 'PENDING' AND partner_id IS NOT NULL
                  UNION ALL
                  SELECT partner_id, 1 FROM new_rows WHERE status = 'PENDING' AND partner_id IS NOT NULL) c
                GROUP BY partner_id HAVING sum(delta) <> 0) d
          WHERE t.partner_id = d.partner_id;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `ALTER TABLE partner_member_tallies DROP COLUMN active, DROP COLUMN archived`,
    );
  }
}
