/**
 * What a page of members reads in its own statement, from what the caller selected below
 * its nodes: today each member's partner (with its member counts when those are selected),
 * which Q1 of the bench, a partner system's Pending list, asks for (issue 20). Relations
 * not covered here are loaded by the per-request DataLoaders as before.
 */
import type { GraphQLResolveInfo } from "graphql";
import type { RowPreload } from "../../graphql/connection";
import type { Context } from "../../graphql/context";
import { selectionsAt, selectsField } from "../../graphql/lookahead";
import { partnersService } from "../partners/partners.service";

export function memberPagePreloads(context: Context, info: GraphQLResolveInfo): RowPreload[] {
  const partner = selectionsAt(info, [
    ["nodes", "partner"],
    ["edges", "node", "partner"],
  ]);
  if (partner.length === 0) return [];
  return [
    partnersService.partnerPreload(context, {
      foreignKey: "partner_id",
      memberCounts: selectsField(partner, "memberCounts", info),
    }),
  ];
}
