/** Rules of user invitations that the SPA checks inline and the server enforces. */
import { Role } from "./enums";

export const INVITATION_LIFETIME_HOURS = 48;
/** A batch typed or pasted in the dialog; CSV imports may be larger. */
export const INVITE_BATCH_MAX = 100;
export const IMPORT_ROWS_MAX = 10_000;

/** Header of the user-invitation CSV; matched case-insensitively, in any order. */
export const USER_INVITATION_CSV_COLUMNS = ["email", "role"] as const;
export const USER_INVITATION_CSV_SAMPLE =
  "email,role\nada@example.com,Viewer\ngrace@example.com,Editor\n";

export const INVITABLE_ROLES = [Role.ADMINISTRATOR, Role.EDITOR, Role.VIEWER] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

export function isInvitableRole(role: Role): role is InvitableRole {
  return (INVITABLE_ROLES as readonly Role[]).includes(role);
}

/** "viewer", "Viewer", " VIEWER " -> Role.VIEWER; anything else (including Owner) -> null. */
export function parseInvitableRole(text: string): InvitableRole | null {
  const upper = text.trim().toUpperCase();
  return (INVITABLE_ROLES as readonly string[]).includes(upper) ? (upper as InvitableRole) : null;
}

/** Partner companies often need days to decide; their links live longer than user invitations. */
export const PARTNER_INVITATION_LIFETIME_DAYS = 14;
/** Members per bulk activate/archive/restore call. */
export const BULK_MEMBERS_MAX = 1_000;

/** Shareable client sign-up links stay usable for 30 days, for any number of sign-ups. */
export const CLIENT_LINK_LIFETIME_DAYS = 30;

/** Header of the client CSV; matched case-insensitively. Team = internal members' emails separated by ";", the first leads. */
export const CLIENT_CSV_COLUMNS = [
  "First Name",
  "Last Name",
  "Email",
  "Phone Number",
  "Team",
] as const;
/**
 * Columns the client CSV may have besides those: files made before they existed keep
 * importing. Without a Title column, titles are left as they are.
 */
export const CLIENT_CSV_OPTIONAL_COLUMNS = ["Title"] as const;
export const CLIENT_CSV_TEMPLATE =
  "First Name,Last Name,Email,Phone Number,Team,Title\nAda,Lovelace,ada@example.com,+44 20 7946 0000,lead@yourcompany.com;second@yourcompany.com,Head of analytics\n";

export function isValidPhone(phone: string): boolean {
  return /^\+?[0-9 ()./-]{4,40}$/.test(phone.trim());
}
