/** Accounts: the viewer's current account in full, others as summaries; plans and seats. */
import {
  handleFromName,
  handleProblem,
  NAME_MAX_LENGTH,
  normalizeHandle,
  Plan,
  PLAN_SEAT_LIMITS,
  UserErrorCode,
} from "@pn/shared";
import { randomBytes } from "node:crypto";
import type { EntityManager } from "typeorm";
import { execute, queryRows } from "../../db/sql";
import type { Context } from "../../graphql/context";
import type { NodeSource } from "../../graphql/node";
import { localIdOf } from "../../graphql/global-id";
import { requirePermission } from "../../graphql/permissions";
import { userError, type UserError } from "../../graphql/user-error";
import { auditService } from "../audit/audit.service";
import type { Member } from "../members/member.type";
import { userPasswordMatches } from "../identity/password";
import { membersService } from "../members/members.service";
import { seatsUsed } from "./seats";
import {
  toAccount,
  toAccountSummary,
  type Account,
  type AccountRow,
  type AccountSummary,
} from "./account.type";

type HandleCheck = { handle: string; problem: string | null; code: UserErrorCode | null };

/** Whether `typed` could be this account's handle: its form, then whether another account holds it. */
async function checkHandle(
  db: EntityManager,
  accountId: string,
  typed: string,
): Promise<HandleCheck> {
  const handle = normalizeHandle(typed);
  const problem = handleProblem(handle);
  if (problem) return { handle, problem, code: UserErrorCode.INVALID };
  const [holder] = await queryRows<{ id: string }>(
    db,
    "SELECT id FROM accounts WHERE handle = $1",
    [handle],
  );
  if (holder && holder.id !== accountId)
    return { handle, problem: "Another account uses this account ID.", code: UserErrorCode.TAKEN };
  return { handle, problem: null, code: null };
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError =
    typeof error === "object" && error && "driverError" in error
      ? (error as { driverError: unknown }).driverError
      : error;
  return (
    typeof driverError === "object" &&
    driverError !== null &&
    (driverError as { code?: string }).code === "23505" &&
    (driverError as { constraint?: string }).constraint === constraint
  );
}

type TransferResult = {
  account: Account | null;
  previousOwner: Member | null;
  newOwner: Member | null;
  userErrors: UserError[];
};

export const accountsService = {
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

  /** An account's name, read inside the caller's transaction (it may reach into another account). */
  async nameOf(db: EntityManager, accountId: string): Promise<string> {
    const [row] = await queryRows<{ name: string }>(db, "SELECT name FROM accounts WHERE id = $1", [
      accountId,
    ]);
    return row.name;
  },

  /** The account with this handle (the ID people share to be invited as a partner), or null. */
  async findByHandle(
    db: EntityManager,
    handle: string,
  ): Promise<{ id: string; name: string } | null> {
    const [row] = await queryRows<{ id: string; name: string }>(
      db,
      "SELECT id, name FROM accounts WHERE handle = $1",
      [handle],
    );
    return row ?? null;
  },

  /** Creates an account on FREE with a unique handle derived from its name (suffixed when taken). */
  async createAccount(db: EntityManager, name: string): Promise<Account> {
    const base = handleFromName(name);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const handle =
        attempt === 0 ? base : `${base.slice(0, 33)}-${randomBytes(3).toString("hex")}`;
      const [row] = await queryRows<AccountRow>(
        db,
        `INSERT INTO accounts (name, handle, plan) VALUES ($1, $2, $3)
         ON CONFLICT (handle) DO NOTHING RETURNING id, name, handle, plan`,
        [name, handle, Plan.FREE],
      );
      if (row) return toAccount(row);
    }
    throw new Error("could not find a free handle");
  },

  /** OWNER only. Locks the account row so a concurrent invitation cannot slip past the new limit. */
  async changePlan(
    context: Context,
    plan: Plan,
  ): Promise<{ account: Account | null; userErrors: UserError[] }> {
    const viewer = requirePermission(context, "changePlan");
    return context.db.transaction(async (db) => {
      const [locked] = await queryRows<AccountRow>(
        db,
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
          {
            accountId: row!.id,
            action: "account.plan_changed",
            objectType: "Account",
            objectId: row!.id,
            details: { from: locked!.plan, to: plan },
          },
        ]);
      }
      context.loaders.accountById.clear(row!.id);
      return { account: toAccount(row!), userErrors: [] };
    });
  },

  /** OWNER/ADMINISTRATOR: whether a handle is free for the current account, for live feedback while typing. */
  async handleAvailability(
    context: Context,
    typed: string,
  ): Promise<{ handle: string; available: boolean; reason: string | null }> {
    const viewer = requirePermission(context, "manageAccount");
    const check = await checkHandle(context.db, viewer.accountId, typed.slice(0, 100));
    return { handle: check.handle, available: check.problem === null, reason: check.problem };
  },

  /**
   * OWNER/ADMINISTRATOR: renames the account and/or changes its handle. Partner
   * invitations look accounts up by handle at the moment they are sent, so the old
   * handle stops working at once.
   */
  async updateAccount(
    context: Context,
    input: { name?: string | null; handle?: string | null },
  ): Promise<{ account: Account | null; userErrors: UserError[] }> {
    const viewer = requirePermission(context, "manageAccount");
    const userErrors: UserError[] = [];
    const name = input.name?.trim() ?? null;
    if (input.name != null && !name)
      userErrors.push(userError(UserErrorCode.INVALID, "The company name is required.", ["name"]));
    else if (name && name.length > NAME_MAX_LENGTH)
      userErrors.push(
        userError(UserErrorCode.INVALID, `Use at most ${NAME_MAX_LENGTH} characters.`, ["name"]),
      );
    const taken = {
      account: null,
      userErrors: [
        userError(UserErrorCode.TAKEN, "Another account uses this account ID.", ["handle"]),
      ],
    };
    try {
      return await context.db.transaction(async (db) => {
        const [before] = await queryRows<AccountRow>(
          db,
          "SELECT id, name, handle, plan FROM accounts WHERE id = $1 FOR UPDATE",
          [viewer.accountId],
        );
        let handle: string | null = null;
        if (input.handle != null) {
          const check = await checkHandle(db, viewer.accountId, input.handle);
          if (check.problem) userErrors.push(userError(check.code!, check.problem, ["handle"]));
          handle = check.handle;
        }
        if (userErrors.length) return { account: null, userErrors };
        const [row] = await queryRows<AccountRow>(
          db,
          "UPDATE accounts SET name = coalesce($2, name), handle = coalesce($3, handle) WHERE id = $1 RETURNING id, name, handle, plan",
          [viewer.accountId, name, handle],
        );
        const changes: Record<string, { from: string; to: string }> = {};
        if (row!.name !== before!.name) changes.name = { from: before!.name, to: row!.name };
        if (row!.handle !== before!.handle)
          changes.handle = { from: before!.handle, to: row!.handle };
        if (Object.keys(changes).length) {
          await auditService.record(db, context, [
            {
              accountId: viewer.accountId,
              action: "account.updated",
              objectType: "Account",
              objectId: viewer.accountId,
              details: changes,
            },
          ]);
        }
        context.loaders.accountById.clear(viewer.accountId);
        return { account: toAccount(row!), userErrors: [] };
      });
    } catch (error) {
      // Two accounts claiming the same free handle at once: the unique index decides.
      if (isUniqueViolation(error, "accounts_handle_key")) return taken;
      throw error;
    }
  },

  /**
   * OWNER only: hands the account to an active internal administrator, confirmed
   * with the owner's password; the owner becomes an administrator. The account row
   * is locked so two transfers cannot interleave; the unique index on owners backs it.
   */
  async transferOwnership(
    context: Context,
    input: { memberId: string; password: string },
  ): Promise<TransferResult> {
    const viewer = requirePermission(context, "transferOwnership");
    const fail = (error: UserError): TransferResult => ({
      account: null,
      previousOwner: null,
      newOwner: null,
      userErrors: [error],
    });
    const targetId = localIdOf(input.memberId, "Member");
    if (!(await userPasswordMatches(context.credentials, viewer.userId, input.password))) {
      return fail(
        userError(UserErrorCode.BAD_CREDENTIALS, "That password is not right.", ["password"]),
      );
    }
    const outcome = await context.db.transaction(async (db) => {
      await execute(db, "SELECT id FROM accounts WHERE id = $1 FOR UPDATE", [viewer.accountId]);
      const target = targetId
        ? await membersService.lockForOwnership(db, viewer.accountId, targetId)
        : null;
      if (!target) return fail(userError(UserErrorCode.NOT_FOUND, "No such member.", ["memberId"]));
      if (target.id === viewer.memberId)
        return fail(
          userError(UserErrorCode.INVALID_STATE, "You own this account already.", ["memberId"]),
        );
      if (!target.eligible) {
        return fail(
          userError(
            UserErrorCode.INVALID_STATE,
            "Ownership can go only to an active internal administrator.",
            ["memberId"],
          ),
        );
      }
      if (!(await membersService.moveOwnership(db, viewer.accountId, viewer.memberId, target.id))) {
        return fail(
          userError(UserErrorCode.INVALID_STATE, "You are not the owner of this account any more."),
        );
      }
      await auditService.record(db, context, [
        {
          accountId: viewer.accountId,
          action: "account.ownership_transferred",
          objectType: "Account",
          objectId: viewer.accountId,
          details: { fromMemberId: viewer.memberId, toMemberId: target.id },
        },
      ]);
      return null;
    });
    if (outcome) return outcome;
    context.loaders.memberById.clearAll();
    const [previousOwner, newOwner] = await Promise.all([
      context.loaders.memberById.load(viewer.memberId),
      context.loaders.memberById.load(targetId!),
    ]);
    return {
      account: await context.loaders.accountById.load(viewer.accountId),
      previousOwner,
      newOwner,
      userErrors: [],
    };
  },
};

export const accountNodeSource: NodeSource = {
  typeName: "Account",
  // Only the current account is readable as a whole; others exist as summaries.
  load: (context, ids) =>
    Promise.all(
      ids.map((id) =>
        id === context.viewer?.accountId
          ? context.loaders.accountById.load(id)
          : Promise.resolve(null),
      ),
    ),
};
