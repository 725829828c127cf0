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
  { label: "Network", to: "/network", permission: "readAccount" },
  { label: "Invitations", to: "/invitations" },
  { label: "Audit log", to: "/audit", permission: "readAuditLog" },
  { label: "Webhooks", to: "/webhooks", permission: "manageWebhooks" },
  { label: "Settings", to: "/settings" },
];

/** A client (role CLIENT) sees only their own page. */
export const CLIENT_NAV_ITEMS: readonly NavItem[] = [{ label: "Your team", to: "/my-team" }];

export const PLAYGROUND_PATH = "/graphiql";
