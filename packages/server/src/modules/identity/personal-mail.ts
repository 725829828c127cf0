/**
 * Emails to a person that belong to no account: a verification link resent, "someone tried
 * to register with your address". The outbox is a tenant table (row-level security), and
 * these rows have no tenant, so they are queued on the owner connection in a transaction of
 * their own. That is the only thing this connection does here (SECURITY.md, "Connections").
 */
import type { EntityManager } from "typeorm";
import { mailService, type MailQueue, type OutgoingEmail } from "../mail/mail.service";

export type PersonalEmail = Omit<OutgoingEmail, "accountId" | "invitationId">;

export type PersonalMail = {
  /** Queued at once, committed on its own: a request that rolls back afterwards still sent it. */
  send(email: PersonalEmail): Promise<void>;
};

export function createPersonalMail(systemDb: EntityManager, queue: MailQueue): PersonalMail {
  return {
    async send(email) {
      await systemDb.transaction((db) =>
        mailService.queue(db, queue, [{ ...email, accountId: null, invitationId: null }]),
      );
    },
  };
}
