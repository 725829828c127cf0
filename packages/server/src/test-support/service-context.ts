/**
 * A request's context for calling services directly (no HTTP), on a tenant transaction
 * of the app role, recording every statement it sends: for specs that look at the SQL
 * itself (its plan), not only at what it returns.
 */
import type { DataSource } from "typeorm";
import { createContext } from "../app/context";
import { sealKeyFrom } from "../crypto/sealed-box";
import { TenantTransaction } from "../db/tenant-transaction";
import type { Context, Viewer } from "../graphql/context";
import { createLogger } from "../logger";
import { createCredentialLookup } from "../modules/identity/credentials";
import { createPersonalMail } from "../modules/identity/personal-mail";
import type { MailQueue } from "../modules/mail/mail.service";
import { createRateLimits } from "../modules/rate-limits/rate-limits.service";
import { GENEROUS_RATE_LIMITS } from "./test-app";

export type RecordedStatement = { sql: string; params: unknown[] };

export type ServiceContext = {
  context: Context;
  /** Every statement the services sent, in order (the transaction's BEGIN excepted). */
  statements: RecordedStatement[];
  /** Rolls the transaction back. */
  end(): Promise<void>;
};

export function serviceContext(
  system: DataSource,
  appRole: DataSource,
  viewer: Viewer,
): ServiceContext {
  const transaction = new TenantTransaction(appRole, {
    accountId: viewer.accountId,
    userId: viewer.userId,
  });
  const runner = transaction.manager.queryRunner!;
  const send = runner.query.bind(runner);
  const statements: RecordedStatement[] = [];
  runner.query = ((...args: Parameters<typeof runner.query>) => {
    statements.push({ sql: args[0], params: Array.isArray(args[1]) ? args[1] : [] });
    return send(...args);
  }) as typeof runner.query;
  const mail: MailQueue = { enqueue: async () => undefined, sealKey: sealKeyFrom("test-secret") };
  const context = createContext({
    requestId: "service-context",
    ip: null,
    userAgent: null,
    appUrl: "http://localhost:4000",
    logger: createLogger("silent"),
    db: transaction.manager,
    viewer,
    sessionCookie: { set: () => undefined, clear: () => undefined },
    mail,
    rateLimits: createRateLimits(system.manager, GENEROUS_RATE_LIMITS),
    credentials: createCredentialLookup(system.manager),
    personalMail: createPersonalMail(system.manager, mail),
  });
  return { context, statements, end: () => transaction.finish("rollback") };
}
