/** The invitation email: text and HTML parts with inviter, account, role, expiry and the link. */
import type { Role } from "@pn/shared";
import { escapeHtml, formatExpiry } from "../mail/email-format";
import { LINK_PLACEHOLDER } from "../mail/mail.service";

const ROLE_NAMES: Partial<Record<Role, string>> = {
  ADMINISTRATOR: "Administrator",
  EDITOR: "Editor",
  VIEWER: "Viewer",
};

/** The link is left as a placeholder: the outbox keeps it encrypted until delivery. */
export function userInvitationEmail(input: {
  inviterName: string;
  accountName: string;
  role: Role;
  expiresAt: Date;
}) {
  const role = ROLE_NAMES[input.role] ?? input.role;
  const expires = formatExpiry(input.expiresAt);
  const subject = `${input.inviterName} invited you to ${input.accountName} on Partner Network`;
  const text = [
    `${input.inviterName} invited you to join ${input.accountName} on Partner Network as ${role}.`,
    "",
    `Accept the invitation: ${LINK_PLACEHOLDER}`,
    "",
    `The link works once and expires at ${expires}.`,
    "If you were not expecting this, you can ignore this email.",
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family: sans-serif">
<p><strong>${escapeHtml(input.inviterName)}</strong> invited you to join <strong>${escapeHtml(input.accountName)}</strong> on Partner Network as <strong>${escapeHtml(role)}</strong>.</p>
<p><a href="${LINK_PLACEHOLDER}">Accept the invitation</a></p>
<p>The link works once and expires at ${escapeHtml(expires)}.</p>
<p>If you were not expecting this, you can ignore this email.</p>
</body></html>`;
  return { subject, text, html };
}
