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

export const PLAYGROUND_PATH = "/graphiql";
