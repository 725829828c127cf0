/**
 * Builds the per-request context (graphql/context.ts) with what the modules provide:
 * the mail outbox, the rate limits and a fresh set of loaders.
 */
import type { TransactionPiggyback } from "../db/tenant-transaction";
import type { Context, Viewer } from "../graphql/context";
import type { CredentialLookup } from "../modules/identity/credentials";
import type { PersonalMail } from "../modules/identity/personal-mail";
import type { MailQueue } from "../modules/mail/mail.service";
import type { RateLimits } from "../modules/rate-limits/rate-limits.service";
import { toAccount } from "../modules/accounts/account.type";
import { createLoaders } from "./loaders";

declare module "../graphql/context" {
  interface Context {
    /** Queues outbox emails for delivery inside the caller's transaction. */
    mail: MailQueue;
    /** Limits shared by every server process (kept in PostgreSQL). */
    rateLimits: RateLimits;
    /** Log-in lookups that hold no connection while the password is checked. */
    credentials: CredentialLookup;
    /** Emails to a person outside any account (identity module). */
    personalMail: PersonalMail;
    /**
     * The request's transaction's slots for the cost budget's charge and refund, so neither
     * takes a round trip of its own; absent where the context has no request transaction.
     */
    piggyback?: TransactionPiggyback;
  }
}

export function createContext(input: Omit<Context, "loaders">): Context {
  const loaders = createLoaders(input.db);
  primeViewerAccount(loaders, input.viewer);
  return { ...input, loaders };
}

/** The viewer's account came with the credential: `currentAccount` reads it from here. */
function primeViewerAccount(loaders: Context["loaders"], viewer: Viewer | null): void {
  const account = viewer?.account;
  if (account && account.id === viewer?.accountId)
    loaders.accountById.prime(account.id, toAccount(account));
}

/**
 * The request now acts as `viewer` (its credential changed under it: http/credential-recheck.ts),
 * with the account it read primed again in place of the old one.
 */
export function replaceViewer(context: Context, viewer: Viewer | null): void {
  const previous = context.viewer?.account;
  if (previous) context.loaders.accountById.clear(previous.id);
  context.viewer = viewer;
  primeViewerAccount(context.loaders, viewer);
}
