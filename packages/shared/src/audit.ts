/**
 * Actions of the audit log, `object.verb`. They double as the event types of
 * webhooks, so a name, once shipped, is never renamed; the SPA lists them in its
 * filter with the labels below.
 */
export const AUDIT_ACTIONS = {
  "account.created": "Account created",
  "account.plan_changed": "Plan changed",
  "account.updated": "Account renamed or handle changed",
  "account.ownership_transferred": "Ownership transferred",
  "account.exported": "Backup downloaded",
  "user.identity_claimed": "Unconfirmed registration taken over by the email's owner",
  "session.created": "Signed in",
  "session.ended": "Signed out",
  "session.account_switched": "Switched into the account",
  "user.password_changed": "Password changed",
  "user.password_reset": "Password reset by email",
  "user.other_sessions_ended": "Signed out everywhere else",
  "api_token.created": "API token created",
  "api_token.revoked": "API token revoked",
  "invitation.created": "Invitation sent",
  "invitation.resent": "Invitation resent",
  "invitation.accepted": "Invitation accepted",
  "invitation.revoked": "Invitation revoked",
  "invitation.expired": "Invitation expired",
  "partner.invited": "Partner invited",
  "partner.created": "Partner added",
  "partner.updated": "Partner updated",
  "partner.logo_updated": "Partner logo changed",
  "partner.connected": "Partner connected",
  "partner.removed": "Partner removed from the network",
  "member.created": "Member added",
  "member.activated": "Member activated",
  "member.archived": "Member archived",
  "member.restored": "Member restored",
  "member.updated": "Member updated",
  "member.accepted": "Member accepted the membership",
  "member.declined": "Member declined the membership",
  "client.created": "Client added",
  "client.activated": "Client joined",
  "client.updated": "Client updated",
  "client.invite_link_created": "Client sign-up link created",
  "client.removed": "Client removed from the network",
  "team.updated": "Team changed",
  "webhook_endpoint.created": "Webhook endpoint added",
  "webhook_endpoint.updated": "Webhook endpoint changed",
  "webhook_endpoint.deleted": "Webhook endpoint deleted",
  "webhook_delivery.replayed": "Webhook delivery replayed",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function isAuditAction(value: string): value is AuditAction {
  return Object.prototype.hasOwnProperty.call(AUDIT_ACTIONS, value);
}
