import type { WebhookEventType } from "../../gql/graphql";

/** The delivered `type` of each event, grouped as the settings form shows them. */
export const EVENT_GROUPS: {
  label: string;
  events: { value: WebhookEventType; name: string }[];
}[] = [
  {
    label: "Invitations",
    events: [
      { value: "INVITATION_CREATED", name: "invitation.created" },
      { value: "INVITATION_RESENT", name: "invitation.resent" },
      { value: "INVITATION_ACCEPTED", name: "invitation.accepted" },
      { value: "INVITATION_REVOKED", name: "invitation.revoked" },
      { value: "INVITATION_EXPIRED", name: "invitation.expired" },
    ],
  },
  {
    label: "Partners",
    events: [
      { value: "PARTNER_CONNECTED", name: "partner.connected" },
      { value: "PARTNER_REMOVED", name: "partner.removed" },
    ],
  },
  {
    label: "Members",
    events: [
      { value: "MEMBER_ACTIVATED", name: "member.activated" },
      { value: "MEMBER_ARCHIVED", name: "member.archived" },
      { value: "MEMBER_RESTORED", name: "member.restored" },
      { value: "MEMBER_UPDATED", name: "member.updated" },
    ],
  },
  {
    label: "Clients and teams",
    events: [
      { value: "CLIENT_CREATED", name: "client.created" },
      { value: "CLIENT_REMOVED", name: "client.removed" },
      { value: "TEAM_UPDATED", name: "team.updated" },
    ],
  },
];

const NAMES = new Map(
  EVENT_GROUPS.flatMap((group) => group.events.map((event) => [event.value, event.name])),
);

export function eventName(type: WebhookEventType): string {
  return NAMES.get(type) ?? type;
}
