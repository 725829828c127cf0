/** Registers the shared enums with TypeGraphQL once, under their contract names. */
import {
  ApiScope,
  ClientStatus,
  NetworkNodeKind,
  NetworkNodeStatus,
  ClientType,
  DeliveryStatus,
  InvitationKind,
  InvitationStatus,
  MemberStatus,
  MemberType,
  PartnerStatus,
  Plan,
  Role,
  UserErrorCode,
} from "@pn/shared";
import { registerEnumType } from "type-graphql";

registerEnumType(Role, {
  name: "Role",
  description: "What a member may do in an account.",
  valuesConfig: {
    OWNER: {
      description: "Everything, including plan changes. Every account has at least one owner.",
    },
    ADMINISTRATOR: {
      description:
        "Invites, partners, activating/archiving members, roles and login, API tokens, removing from the network.",
    },
    EDITOR: {
      description: "Adds external members, edits member profiles, manages clients and teams.",
    },
    VIEWER: { description: "Reads the account." },
    COLLABORATOR_EXTERNAL: {
      description: "A partner's person: reads their own member record and their partner.",
    },
    CLIENT: { description: "A client's person: reads their own client record and team." },
  },
});
registerEnumType(Plan, {
  name: "Plan",
  description:
    "An account's plan; it sets the number of seats (active internal members plus pending user invitations).",
  valuesConfig: {
    FREE: { description: "3 seats; every new account starts here." },
    TEAM: { description: "10 seats." },
    BUSINESS: { description: "50 seats." },
    ENTERPRISE: { description: "Unlimited seats." },
  },
});
registerEnumType(MemberType, {
  name: "MemberType",
  description: "INTERNAL: the account's own people; EXTERNAL: people of a partner company.",
  valuesConfig: {
    INTERNAL: { description: "The account's own person; uses a seat while active." },
    EXTERNAL: { description: "A person of a partner company; uses no seat." },
  },
});
registerEnumType(MemberStatus, {
  name: "MemberStatus",
  description: "Lifecycle of a member inside an account.",
  valuesConfig: {
    PENDING: {
      description:
        "Waiting for an administrator to activate them (e.g. a partner's person who just appeared).",
    },
    ACTIVE: { description: "In the account; may log in when `canLogin` is true." },
    ARCHIVED: { description: "No longer in the account; sessions there ended. Can be restored." },
  },
});
registerEnumType(UserErrorCode, {
  name: "UserErrorCode",
  description: "Machine-readable reason of a UserError.",
  valuesConfig: {
    INVALID: { description: "A value is malformed or out of range (see `field`)." },
    NOT_FOUND: { description: "The object does not exist or is not visible to the caller." },
    TAKEN: { description: "The value is already used (an email, a handle, an external ID…)." },
    SEAT_LIMIT_REACHED: {
      description: "The plan has no free seat for this; change the plan or free seats.",
    },
    EXPIRED: { description: "The invitation or link has expired; ask for a new one." },
    ALREADY_ACCEPTED: { description: "The invitation was accepted already." },
    REVOKED: { description: "The invitation, link or token was revoked." },
    INVALID_STATE: { description: "The object is in a status where this action does not apply." },
    SIGN_IN_REQUIRED: {
      description: "The action needs a signed-in user (e.g. accepting as an existing user).",
    },
    EMAIL_MISMATCH: { description: "The signed-in user is not the invited email address." },
    TEAM_LEAD_REQUIRED: {
      description: "A team needs exactly one lead: make another member lead first.",
    },
    LAST_TEAM_MEMBER: {
      description: "A team cannot be left empty: replace the last member instead.",
    },
    BAD_CREDENTIALS: { description: "Email or password is wrong (deliberately not saying which)." },
    RATE_LIMITED: {
      description:
        "Too many attempts (log-ins, invitation tokens, emails sent); the message says when to try again.",
    },
    FORBIDDEN: {
      description:
        "The caller may not do this to this target: the owner's login or status, an API token managing tokens, or someone else's identity (their own name, say), which only that person changes; nothing changed.",
    },
    ISSUER_NOT_AUTHORIZED: {
      description:
        "The person who sent the invitation or link can no longer invite or grant its role; ask the account to send it again.",
    },
    EMAIL_NOT_VERIFIED: {
      description:
        "Verify your email first (accepting a membership someone else created for the address).",
    },
  },
});
registerEnumType(ApiScope, {
  name: "ApiScope",
  description: "What an API token may do.",
  valuesConfig: {
    READ: { description: "Queries only; a mutation is refused with FORBIDDEN." },
    WRITE: { description: "Mutations too, with the role of the member who created the token." },
  },
});
registerEnumType(InvitationKind, {
  name: "InvitationKind",
  description: "Whom an invitation brings in: a user, a partner company or a client.",
  valuesConfig: {
    USER: { description: "A person joining this account as an internal member with a role." },
    PARTNER: { description: "A company joining this account's partner network." },
    CLIENT: { description: "A client (by email, or a shareable link when `email` is null)." },
    LOGIN: { description: "A member granted login who has no password yet: lets them set one." },
  },
});
registerEnumType(InvitationStatus, {
  name: "InvitationStatus",
  description: "EXPIRED is a PENDING invitation past its expiry time.",
  valuesConfig: {
    PENDING: { description: "Sent and not yet accepted, revoked or expired." },
    ACCEPTED: { description: "Accepted; the person or company is in." },
    EXPIRED: {
      description: "Past `expiresAt` without being accepted; resend it to restart the clock.",
    },
    REVOKED: { description: "Cancelled by the account; the link no longer works." },
  },
});
registerEnumType(DeliveryStatus, {
  name: "DeliveryStatus",
  description: "Where the invitation email is: queued, sent or failed after retries.",
  valuesConfig: {
    NOT_SENT: { description: "No email goes out (e.g. a shareable link, or no recipient)." },
    QUEUED: { description: "Waiting to be sent or being retried." },
    SENT: { description: "Handed to the mail server." },
    FAILED: { description: "Every attempt failed; resend to try again." },
  },
});
registerEnumType(PartnerStatus, {
  name: "PartnerStatus",
  description: "INVITED until the partner accepts; REMOVED once taken off the network.",
  valuesConfig: {
    INVITED: { description: "Invited, not yet accepted." },
    ACTIVE: { description: "Linked (or a guest company): its people can be members here." },
    REMOVED: { description: "Taken off the network; its people here are archived." },
  },
});
registerEnumType(ClientStatus, {
  name: "ClientStatus",
  description: "Lifecycle of a client link.",
  valuesConfig: {
    INVITED: { description: "Invited, not yet signed up." },
    ACTIVE: { description: "Signed up; served by its team." },
    REMOVED: { description: "Taken off the network." },
  },
});
registerEnumType(NetworkNodeKind, {
  name: "NetworkNodeKind",
  description: "What a node of the network map is.",
  valuesConfig: {
    PARTNER: { description: "A partner company (its page is the Partner's)." },
    CLIENT: { description: "A client (its page is the Client's)." },
  },
});
registerEnumType(NetworkNodeStatus, {
  name: "NetworkNodeStatus",
  description: "Where a partner or client of the network map stands.",
  valuesConfig: {
    INVITED: { description: "Invited, not yet accepted." },
    ACTIVE: { description: "Linked: working with the account." },
  },
});
registerEnumType(ClientType, {
  name: "ClientType",
  description: "ACCOUNT: an account that has us as its partner; PERSON: an individual client.",
  valuesConfig: {
    ACCOUNT: { description: "An account that linked us as its partner." },
    PERSON: { description: "An individual client invited by email or link." },
  },
});
