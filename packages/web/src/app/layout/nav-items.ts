export interface NavItem {
  label: string;
  to: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { label: "Members", to: "/members" },
  { label: "Partners", to: "/partners" },
  { label: "Clients", to: "/clients" },
  { label: "Invitations", to: "/invitations" },
  { label: "Webhooks", to: "/webhooks" },
  { label: "Settings", to: "/settings" },
];

/** A client (role CLIENT) sees only their own page. */
export const CLIENT_NAV_ITEMS: readonly NavItem[] = [{ label: "Your team", to: "/my-team" }];

export const PLAYGROUND_PATH = "/graphiql";
