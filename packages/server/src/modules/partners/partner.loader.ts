/** Batched reads for partner fields: one statement per field per request, whatever the page size. */
import DataLoader from "dataloader";
import type { EntityManager } from "typeorm";
import { queryRows } from "../../db/sql";
import { encodeCursor } from "../../graphql/connection";
import { PeekableLoader } from "../../graphql/peekable-loader";
import {
  MEMBER_COLUMNS,
  MEMBER_FROM,
  toMember,
  type Member,
  type MemberRow,
} from "../members/member.type";
import type { MemberListScope } from "../members/members.service";
import {
  PARTNER_COLUMNS,
  toPartner,
  type MemberCounts,
  type Partner,
  type PartnerRow,
} from "./partner.type";

export function createPartnerLoader(db: EntityManager): PeekableLoader<string, Partner | null> {
  return new PeekableLoader(async (ids) => {
    const rows = await queryRows<PartnerRow>(
      db,
      `SELECT ${PARTNER_COLUMNS} FROM partners p WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, toPartner(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

export function createMemberCountsLoader(db: EntityManager): PeekableLoader<string, MemberCounts> {
  return new PeekableLoader(async (partnerIds) => {
    // Kept by the members triggers (migration 1765430000000), one row per partner.
    const rows = await queryRows<MemberCounts & { partner_id: string }>(
      db,
      `SELECT partner_id, pending, active, archived FROM partner_member_tallies WHERE partner_id = ANY($1::uuid[])`,
      [partnerIds],
    );
    const counts = new Map(
      rows.map(({ partner_id, pending, active, archived }) => [
        partner_id,
        { pending, active, archived },
      ]),
    );
    return partnerIds.map((id) => counts.get(id) ?? { pending: 0, active: 0, archived: 0 });
  });
}

/**
 * The first page of several partners' members in one statement: DataLoader cannot
 * pass `first` per parent, so the key carries it and ROW_NUMBER() cuts each partner's list.
 * The key carries the viewer's scope too (membersService's memberListScope, the one
 * `listMembers` applies), so this page and a filtered list show the same people.
 */
export type PartnerMembersKey = {
  partnerId: string;
  first: number;
  statuses: string[] | null;
  scope: MemberListScope;
};

export type PartnerMembersPage = { edges: { cursor: string; node: Member }[]; hasMore: boolean };

function scopeKey(scope: MemberListScope): string {
  return scope.kind === "own" ? `own=${scope.memberId}` : scope.kind;
}

/** Keys that can share one statement: same status filter and scope. */
function groupKey(key: PartnerMembersKey): string {
  return `${key.statuses?.join(",") ?? ""}|${scopeKey(key.scope)}`;
}

export function createPartnerMembersLoader(
  db: EntityManager,
): DataLoader<PartnerMembersKey, PartnerMembersPage, string> {
  return new DataLoader(
    async (keys) => {
      // Keys with the same filter and scope share one statement; others (rare) get one each.
      const groups = new Map<string, PartnerMembersKey[]>();
      for (const key of keys)
        groups.set(groupKey(key), [...(groups.get(groupKey(key)) ?? []), key]);
      const byPartner = new Map<string, { cursor: string; node: Member }[]>();
      for (const [group, groupKeys] of groups) {
        const { statuses, scope } = groupKeys[0]!;
        if (scope.kind === "none") continue;
        const limit = Math.max(...groupKeys.map((key) => key.first)) + 1;
        const rows = await queryRows<MemberRow & { key0: string; key1: string }>(
          db,
          `SELECT * FROM (
             SELECT ${MEMBER_COLUMNS}, m.created_at::text AS key0, m.id::text AS key1, ROW_NUMBER() OVER (PARTITION BY m.partner_id ORDER BY m.created_at DESC, m.id DESC) AS rank
             FROM ${MEMBER_FROM} WHERE m.partner_id = ANY($1::uuid[]) AND ($3::text[] IS NULL OR m.status = ANY($3::text[]))
               AND ($4::uuid IS NULL OR m.id = $4::uuid)
           ) ranked WHERE rank <= $2 ORDER BY partner_id, rank`,
          [
            groupKeys.map((key) => key.partnerId),
            limit,
            statuses,
            scope.kind === "own" ? scope.memberId : null,
          ],
        );
        for (const row of rows) {
          const list = byPartner.get(`${row.partner_id}:${group}`) ?? [];
          // Same cursor format as the connection builder, so `after` continues where this page ends.
          list.push({ cursor: encodeCursor([row.key0, row.key1]), node: toMember(row) });
          byPartner.set(`${row.partner_id}:${group}`, list);
        }
      }
      return keys.map((key) => {
        const edges = byPartner.get(`${key.partnerId}:${groupKey(key)}`) ?? [];
        return { edges: edges.slice(0, key.first), hasMore: edges.length > key.first };
      });
    },
    // Keys differing only in partner share a batch; other page sizes, filters or scopes get their own.
    { cacheKeyFn: (key) => `${key.partnerId}:${key.first}:${groupKey(key)}` },
  );
}

export function createLatestPartnerInvitationLoader(
  db: EntityManager,
): DataLoader<string, string | null> {
  return new DataLoader(async (partnerIds) => {
    const rows = await queryRows<{ partner_id: string; id: string }>(
      db,
      `SELECT DISTINCT ON (partner_id) partner_id, id FROM invitations WHERE partner_id = ANY($1::uuid[]) ORDER BY partner_id, created_at DESC`,
      [partnerIds],
    );
    const byPartner = new Map(rows.map((row) => [row.partner_id, row.id]));
    return partnerIds.map((id) => byPartner.get(id) ?? null);
  });
}
