/**
 * The role matrix of the architecture, in one place: the server enforces it in
 * services and the SPA uses it to hide what a role may not do.
 */
import { Role } from "./enums";

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
