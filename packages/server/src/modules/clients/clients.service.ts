/**
 * Clients of an account. For now: the ACCOUNT clients that the partner network
 * creates (B's row for A when B accepts A's partner invitation) and their removal.
 */
import type { EntityManager } from "typeorm";

export const clientsService = {
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
