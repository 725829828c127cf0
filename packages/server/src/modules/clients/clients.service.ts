/**
 * Clients of an account. For now: the ACCOUNT clients that the partner network
 * creates (B's row for A when B accepts A's partner invitation) and their removal.
 */
import { can, UserErrorCode } from "@pn/shared";
import type { EntityManager } from "typeorm";
import { likePattern, queryRows } from "../../db/sql";
import { paginate, type Connection, type ConnectionArgs } from "../../graphql/connection";
import type { Context } from "../../graphql/context";
import { localIdOf } from "../../graphql/global-id";
import type { NodeSource } from "../../graphql/node";
import { requirePermission } from "../../graphql/permissions";
import { userError } from "../../graphql/user-error";
import { CLIENT_COLUMNS, toClient, type Client, type ClientFilter, type ClientRow } from "./client.type";

/** Ends a partner link given the partner row id; the partners module provides it (it owns that rule). */
export type EndPartnerLink = (db: EntityManager, partnerId: string) => Promise<number>;

export const clientsService = {
  async list(context: Context, accountId: string, args: ConnectionArgs, filter: ClientFilter | null | undefined): Promise<Connection<Client>> {
    const viewer = context.viewer;
    const where = ["c.account_id = $1"];
    const params: unknown[] = [accountId];
    if (!viewer || viewer.accountId !== accountId || !can(viewer.role, "readAccount")) where.push("false");
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
        orderBy: [
          { expression: "c.created_at", sqlType: "timestamptz" },
          { expression: "c.id", sqlType: "uuid" },
        ],
        direction: "DESC",
      },
      args,
      toClient,
    );
  },

  /**
   * B's side of ending a partnership: removing A (an ACCOUNT client) ends the link
   * both ways, exactly as A removing B would.
   */
  async removeFromNetwork(context: Context, clientGlobalId: string, endPartnerLink: EndPartnerLink) {
    const viewer = requirePermission(context, "removeFromNetwork");
    const clientId = localIdOf(clientGlobalId, "Client");
    return context.db.transaction(async (db) => {
      const [row] = clientId
        ? await queryRows<ClientRow>(db, `SELECT ${CLIENT_COLUMNS} FROM clients c WHERE c.id = $1 AND c.account_id = $2 FOR UPDATE`, [clientId, viewer.accountId])
        : [];
      if (!row) return { client: null, archivedMemberCount: 0, userErrors: [userError(UserErrorCode.NOT_FOUND, "No such client.", ["clientId"])] };
      if (row.type !== "ACCOUNT" || !row.partner_id) {
        return { client: null, archivedMemberCount: 0, userErrors: [userError(UserErrorCode.INVALID_STATE, "Only linked accounts can be removed here for now.", ["clientId"])] };
      }
      const archivedMemberCount = row.status === "REMOVED" ? 0 : await endPartnerLink(db, row.partner_id);
      const [updated] = await queryRows<ClientRow>(db, `SELECT ${CLIENT_COLUMNS} FROM clients c WHERE c.id = $1`, [row.id]);
      return { client: toClient(updated!), archivedMemberCount, userErrors: [] };
    });
  },

  /** On the partner's side (B), the account that invited it (A) becomes a client. */
  async linkAccountClient(db: EntityManager, input: { accountId: string; clientAccountId: string; name: string; partnerId: string }): Promise<void> {
    await db.query(
      `INSERT INTO clients (account_id, type, name, client_account_id, partner_id, status)
       VALUES ($1, 'ACCOUNT', $2, $3, $4, 'ACTIVE')
       ON CONFLICT (partner_id) WHERE partner_id IS NOT NULL DO UPDATE SET status = 'ACTIVE', removed_at = NULL, account_id = excluded.account_id`,
      [input.accountId, input.name, input.clientAccountId, input.partnerId],
    );
  },

  /** The link ended from either side: B's client row for A is removed too. */
  async removeAccountClientOfPartner(db: EntityManager, partnerId: string, at: Date): Promise<void> {
    await db.query("UPDATE clients SET status = 'REMOVED', removed_at = $2 WHERE partner_id = $1 AND status <> 'REMOVED'", [partnerId, at]);
  },
};

export const clientNodeSource: NodeSource = {
  typeName: "Client",
  async load(context, ids) {
    const viewer = context.viewer;
    if (!viewer?.accountId || !can(viewer.role, "readAccount")) return ids.map(() => null);
    const rows = await queryRows<ClientRow>(context.db, `SELECT ${CLIENT_COLUMNS} FROM clients c WHERE c.id = ANY($1::uuid[]) AND c.account_id = $2`, [ids, viewer.accountId]);
    const byId = new Map(rows.map((row) => [row.id, toClient(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  },
};
