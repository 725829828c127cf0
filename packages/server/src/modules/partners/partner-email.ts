/** The partner invitation email; the link stays a placeholder until delivery (see mail.service). */
import { escapeHtml, formatExpiry } from "../mail/email-format";
import { LINK_PLACEHOLDER } from "../mail/mail.service";

export function partnerInvitationEmail(input: {
  inviterName: string;
  accountName: string;
  companyName: string;
  expiresAt: Date;
}) {
  const expires = formatExpiry(input.expiresAt);
  const subject = `${input.accountName} invites ${input.companyName} to its partner network`;
  const text = [
    `${input.inviterName} of ${input.accountName} invites ${input.companyName} to connect as a partner on Partner Network.`,
    "",
    "An administrator of your company can accept by linking an account you administer or by creating one:",
    LINK_PLACEHOLDER,
    "",
    `The link expires at ${expires}.`,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family: sans-serif">
<p><strong>${escapeHtml(input.inviterName)}</strong> of <strong>${escapeHtml(input.accountName)}</strong> invites <strong>${escapeHtml(input.companyName)}</strong> to connect as a partner on Partner Network.</p>
<p>An administrator of your company can accept by linking an account you administer or by creating one:</p>
<p><a href="${LINK_PLACEHOLDER}">Accept the partnership</a></p>
<p>The link expires at ${escapeHtml(expires)}.</p>
</body></html>`;
  return { subject, text, html };
}
