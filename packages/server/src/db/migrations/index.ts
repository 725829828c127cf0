/** Every migration in order. Listed explicitly so compiled and test runs load the same set. */
import { IdentityAccountsMembers1764100000000 } from "./1764100000000-identity-accounts-members";
import { SessionsApiTokens1764200000000 } from "./1764200000000-sessions-api-tokens";
import { InvitationsOutbox1764300000000 } from "./1764300000000-invitations-outbox";
import { PartnersClients1764400000000 } from "./1764400000000-partners-clients";
import { Teams1764500000000 } from "./1764500000000-teams";
import { AuditEvents1764600000000 } from "./1764600000000-audit-events";
import { MembersAccountCreatedIndex1764700000000 } from "./1764700000000-members-account-created-index";
import { OneOwnerPerAccount1764800000000 } from "./1764800000000-one-owner-per-account";
import { AuditEventsFilterIndexes1764850000000 } from "./1764850000000-audit-events-filter-indexes";
import { RateLimits1764900000000 } from "./1764900000000-rate-limits";
import { IdempotencyKeys1764950000000 } from "./1764950000000-idempotency-keys";
import { Webhooks1764970000000 } from "./1764970000000-webhooks";
import { InvitationExpiryRecorded1764980000000 } from "./1764980000000-invitation-expiry-recorded";
import { RowLevelSecurity1765000000000 } from "./1765000000000-row-level-security";
import { UsersTrigramSearch1765100000000 } from "./1765100000000-users-trigram-search";
import { WebhookEndpointPause1765200000000 } from "./1765200000000-webhook-endpoint-pause";
import { UserEmailVerified1765300000000 } from "./1765300000000-user-email-verified";
import { ApiTokenExpiry1765310000000 } from "./1765310000000-api-token-expiry";
import { PasswordResetsSessionDetails1765320000000 } from "./1765320000000-password-resets-session-details";
import { EmailVerifications1765330000000 } from "./1765330000000-email-verifications";
import { MemberAcceptance1765340000000 } from "./1765340000000-member-acceptance";
import { TextColumnChecks1765350000000 } from "./1765350000000-text-column-checks";
import { EmailKeys1765360000000 } from "./1765360000000-email-keys";
import { ListOrders1765400000000 } from "./1765400000000-list-orders";
import { ClientTitles1765410000000 } from "./1765410000000-client-titles";
import { CredentialNotifications1765420000000 } from "./1765420000000-credential-notifications";
import { CostBudgetFunctions1765421000000 } from "./1765421000000-cost-budget-functions";
import { AccountCredentialNotifications1765422000000 } from "./1765422000000-account-credential-notifications";
import { PartnerMemberTalliesByStatus1765430000000 } from "./1765430000000-partner-member-tallies-by-status";

export const MIGRATIONS = [
  IdentityAccountsMembers1764100000000,
  SessionsApiTokens1764200000000,
  InvitationsOutbox1764300000000,
  PartnersClients1764400000000,
  Teams1764500000000,
  AuditEvents1764600000000,
  MembersAccountCreatedIndex1764700000000,
  OneOwnerPerAccount1764800000000,
  AuditEventsFilterIndexes1764850000000,
  RateLimits1764900000000,
  IdempotencyKeys1764950000000,
  Webhooks1764970000000,
  InvitationExpiryRecorded1764980000000,
  // Enables row-level security on every table with account_id that exists by then; a later
  // migration that adds such a table adds its policy too (row-level-security.spec.ts checks).
  RowLevelSecurity1765000000000,
  UsersTrigramSearch1765100000000,
  WebhookEndpointPause1765200000000,
  UserEmailVerified1765300000000,
  ApiTokenExpiry1765310000000,
  PasswordResetsSessionDetails1765320000000,
  EmailVerifications1765330000000,
  MemberAcceptance1765340000000,
  TextColumnChecks1765350000000,
  EmailKeys1765360000000,
  ListOrders1765400000000,
  ClientTitles1765410000000,
  CredentialNotifications1765420000000,
  CostBudgetFunctions1765421000000,
  AccountCredentialNotifications1765422000000,
  PartnerMemberTalliesByStatus1765430000000,
];
