/**
 * Builds the per-request context (graphql/context.ts) with what the modules provide:
 * the mail outbox, the rate limits and a fresh set of loaders.
 */
import type { Context } from "../graphql/context";
import type { CredentialLookup } from "../modules/identity/credentials";
import type { PersonalMail } from "../modules/identity/personal-mail";
import type { MailQueue } from "../modules/mail/mail.service";
import type { RateLimits } from "../modules/rate-limits/rate-limits.service";
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
  }
}

export function createContext(input: Omit<Context, "loaders">): Context {
  return { ...input, loaders: createLoaders(input.db) };
}
