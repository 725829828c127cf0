/** The client invitation email; the link stays a placeholder until delivery (see mail.service). */
import { escapeHtml, formatExpiry } from "../mail/email-format";
import { LINK_PLACEHOLDER } from "../mail/mail.service";

export function clientInvitationEmail(input: {
  inviterName: string;
  accountName: string;
  expiresAt: Date;
}) {
  const expires = formatExpiry(input.expiresAt);
  const subject = `${input.accountName} invites you to its client portal`;
  const text = [
    `${input.inviterName} of ${input.accountName} invites you to the client portal on Partner Network, where you can see the team that works for you.`,
    "",
    `Accept the invitation: ${LINK_PLACEHOLDER}`,
    "",
    `The link works once and expires at ${expires}.`,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family: sans-serif">
<p><strong>${escapeHtml(input.inviterName)}</strong> of <strong>${escapeHtml(input.accountName)}</strong> invites you to the client portal on Partner Network, where you can see the team that works for you.</p>
<p><a href="${LINK_PLACEHOLDER}">Accept the invitation</a></p>
<p>The link works once and expires at ${escapeHtml(expires)}.</p>
</body></html>`;
  return { subject, text, html };
}
