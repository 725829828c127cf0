/**
 * The role matrix of the architecture, in one place: the server enforces it in
 * services and the SPA uses it to hide what a role may not do.
 */
import { ApiScope, InvitationKind, Role } from "./enums";

const ADMINS = [Role.OWNER, Role.ADMINISTRATOR] as const;
const EDITORS = [...ADMINS, Role.EDITOR] as const;
const INTERNAL_READERS = [...EDITORS, Role.VIEWER] as const;

export const PERMISSIONS = {
  /** See the whole account: members, partners, clients, invitations. */
  readAccount: INTERNAL_READERS,
  changePlan: [Role.OWNER],
  /** Hand the account to an active internal administrator (issue 10). */
  transferOwnership: [Role.OWNER],
  /** Rename the account and change its handle. */
  manageAccount: ADMINS,
  /** Download the account backup (ZIP of CSVs). */
  exportAccount: ADMINS,
  manageInvitations: ADMINS,
  managePartners: ADMINS,
  activateMembers: ADMINS,
  manageRolesAndLogin: ADMINS,
  manageApiTokens: ADMINS,
  manageWebhooks: ADMINS,
  removeFromNetwork: ADMINS,
  /** Read the account's audit log (who did what, from where). */
  readAuditLog: ADMINS,
  addExternalMembers: EDITORS,
  editMemberProfiles: EDITORS,
  manageClientsAndTeams: EDITORS,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Roles an administrator may hand out by invitation or role change. */
export const ASSIGNABLE_INTERNAL_ROLES = [Role.ADMINISTRATOR, Role.EDITOR, Role.VIEWER] as const;

/**
 * What an API token's scopes need of its creator's current role: a READ token reads the
 * account (`readAccount`), a WRITE token changes it, which no role below EDITOR may
 * (`editMemberProfiles`, the least of the writing permissions). A token whose creator no
 * longer holds every permission its scopes need stops working and is revoked.
 */
export const API_SCOPE_NEEDS = {
  [ApiScope.READ]: "readAccount",
  [ApiScope.WRITE]: "editMemberProfiles",
} as const satisfies Record<ApiScope, Permission>;

export function roleHoldsScopes(
  role: Role | null | undefined,
  scopes: readonly ApiScope[],
): boolean {
  return scopes.every((scope) => can(role, API_SCOPE_NEEDS[scope]));
}

/** The scopes a role still holds, of those given. */
export function scopesHeldBy(role: Role | null | undefined): ApiScope[] {
  return Object.values(ApiScope).filter((scope) => can(role, API_SCOPE_NEEDS[scope]));
}

/** The permission that sends an invitation of each kind; the issuer must still hold it when it is accepted. */
export const INVITATION_KIND_NEEDS = {
  [InvitationKind.USER]: "manageInvitations",
  [InvitationKind.CLIENT]: "manageClientsAndTeams",
  [InvitationKind.PARTNER]: "managePartners",
  [InvitationKind.LOGIN]: "manageRolesAndLogin",
} as const satisfies Record<InvitationKind, Permission>;

/**
 * Whether an issuer with this role may still send an invitation of this kind granting
 * this role: they hold the kind's permission, and a USER invitation's role is one an
 * administrator may hand out (never OWNER).
 */
export function issuerMayGrant(
  issuerRole: Role | null | undefined,
  kind: InvitationKind,
  role: Role | null | undefined,
): boolean {
  if (!can(issuerRole, INVITATION_KIND_NEEDS[kind])) return false;
  if (kind === InvitationKind.USER)
    return role != null && (ASSIGNABLE_INTERNAL_ROLES as readonly Role[]).includes(role);
  return true;
}
