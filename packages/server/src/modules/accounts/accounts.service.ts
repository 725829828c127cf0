/** Accounts: the viewer's current account in full, others as summaries; plans and seats. */
import { handleFromName, Plan, PLAN_SEAT_LIMITS, UserErrorCode } from "@pn/shared";
import { randomBytes } from "node:crypto";
import type { EntityManager } from "typeorm";
import { queryRows } from "../../db/sql";
import type { Context } from "../../graphql/context";
import type { NodeSource } from "../../graphql/node";
import { requirePermission } from "../../graphql/permissions";
import { userError, type UserError } from "../../graphql/user-error";
import { auditService } from "../audit/audit.service";
import { seatsUsed } from "./seats";
import { toAccount, toAccountSummary, type Account, type AccountRow, type AccountSummary } from "./account.type";

export type SeatCheck = { used: number; limit: number | null; accountName: string };

export const accountsService = {
  /**
   * Locks the account row until the transaction ends and reports its seats, so
   * concurrent invitations are serialised and can never overshoot the plan.
   */
  async lockSeats(db: EntityManager, accountId: string): Promise<SeatCheck> {
    const [row]: AccountRow[] = await db.query("SELECT id, name, handle, plan FROM accounts WHERE id = $1 FOR UPDATE", [accountId]);
    if (!row) throw new Error(`account ${accountId} missing`);
    const used = (await seatsUsed(db, [accountId])).get(accountId) ?? 0;
    return { used, limit: PLAN_SEAT_LIMITS[row.plan], accountName: row.name };
  },

  async currentAccount(context: Context): Promise<Account | null> {
    const accountId = context.viewer?.accountId;
    return accountId ? context.loaders.accountById.load(accountId) : null;
  },

  /** Name and handle of any account the viewer meets across the network (memberships, partners, clients). */
  async summaryById(context: Context, accountId: string): Promise<AccountSummary> {
    const account = await context.loaders.accountById.load(accountId);
    if (!account) throw new Error(`account ${accountId} referenced but missing`);
    return toAccountSummary(account);
  },

  async accountById(context: Context, accountId: string): Promise<Account | null> {
    return context.loaders.accountById.load(accountId);
  },

  seatsUsed(context: Context, accountId: string): Promise<number> {
    return context.loaders.seatsUsedByAccountId.load(accountId);
  },

  /** Creates an account on FREE with a unique handle derived from its name (suffixed when taken). */
  async createAccount(db: EntityManager, name: string): Promise<Account> {
    const base = handleFromName(name);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const handle = attempt === 0 ? base : `${base.slice(0, 33)}-${randomBytes(3).toString("hex")}`;
      const [row]: AccountRow[] = await db.query(
        `INSERT INTO accounts (name, handle, plan) VALUES ($1, $2, $3)
         ON CONFLICT (handle) DO NOTHING RETURNING id, name, handle, plan`,
        [name, handle, Plan.FREE],
      );
      if (row) return toAccount(row);
    }
    throw new Error("could not find a free handle");
  },

  /** OWNER only. Locks the account row so a concurrent invitation cannot slip past the new limit. */
  async changePlan(context: Context, plan: Plan): Promise<{ account: Account | null; userErrors: UserError[] }> {
    const viewer = requirePermission(context, "changePlan");
    return context.db.transaction(async (db) => {
      const [locked]: AccountRow[] = await db.query(
        "SELECT id, name, handle, plan FROM accounts WHERE id = $1 FOR UPDATE",
        [viewer.accountId],
      );
      const used = (await seatsUsed(db, [viewer.accountId])).get(viewer.accountId) ?? 0;
      const limit = PLAN_SEAT_LIMITS[plan];
      if (limit !== null && used > limit) {
        return {
          account: null,
          userErrors: [
            userError(
              UserErrorCode.INVALID_STATE,
              `The ${plan} plan has ${limit} seats but ${used} are in use; free ${used - limit} first.`,
              ["plan"],
            ),
          ],
        };
      }
      const [row] = await queryRows<AccountRow>(
        db,
        "UPDATE accounts SET plan = $2 WHERE id = $1 RETURNING id, name, handle, plan",
        [locked!.id, plan],
      );
      if (locked!.plan !== plan) {
        await auditService.record(db, context, [
          { accountId: row!.id, action: "account.plan_changed", objectType: "Account", objectId: row!.id, details: { from: locked!.plan, to: plan } },
        ]);
      }
      context.loaders.accountById.clear(row!.id);
      return { account: toAccount(row!), userErrors: [] };
    });
  },
};

export const accountNodeSource: NodeSource = {
  typeName: "Account",
  // Only the current account is readable as a whole; others exist as summaries.
  load: (context, ids) =>
    Promise.all(
      ids.map((id) => (id === context.viewer?.accountId ? context.loaders.accountById.load(id) : Promise.resolve(null))),
    ),
};
