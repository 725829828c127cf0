import type { Permission } from "@pn/shared";

export interface NavItem {
  label: string;
  to: string;
  /** Shown only to roles with this permission (the page itself still checks). */
  permission?: Permission;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { label: "Members", to: "/members" },
  { label: "Partners", to: "/partners" },
  { label: "Clients", to: "/clients" },
  { label: "Invitations", to: "/invitations" },
  { label: "Audit log", to: "/audit", permission: "readAuditLog" },
  { label: "Settings", to: "/settings" },
];

export const PLAYGROUND_PATH = "/graphiql";
