/** Every migration in order. Listed explicitly so compiled and test runs load the same set. */
import { IdentityAccountsMembers1764100000000 } from "./1764100000000-identity-accounts-members";
import { SessionsApiTokens1764200000000 } from "./1764200000000-sessions-api-tokens";
import { InvitationsOutbox1764300000000 } from "./1764300000000-invitations-outbox";
import { PartnersClients1764400000000 } from "./1764400000000-partners-clients";
import { Teams1764500000000 } from "./1764500000000-teams";
import { AuditEvents1764600000000 } from "./1764600000000-audit-events";
import { MembersAccountCreatedIndex1764700000000 } from "./1764700000000-members-account-created-index";
import { IdempotencyKeys1764950000000 } from "./1764950000000-idempotency-keys";

export const MIGRATIONS = [
  IdentityAccountsMembers1764100000000,
  SessionsApiTokens1764200000000,
  InvitationsOutbox1764300000000,
  PartnersClients1764400000000,
  Teams1764500000000,
  AuditEvents1764600000000,
  MembersAccountCreatedIndex1764700000000,
  IdempotencyKeys1764950000000,
];
