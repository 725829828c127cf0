/** Accounts as the viewer sees them: their current account in full, others as summaries. */
import type { Context } from "../../graphql/context";
import type { NodeSource } from "../../graphql/node";
import { toAccountSummary, type Account, type AccountSummary } from "./account.type";

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

  seatsUsed(context: Context, accountId: string): Promise<number> {
    return context.loaders.seatsUsedByAccountId.load(accountId);
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
