/** The "you can log in now" email for someone granted login who has no password yet. */
import { escapeHtml, formatExpiry } from "../mail/email-format";
import { LINK_PLACEHOLDER } from "../mail/mail.service";

export function loginInvitationEmail(input: {
  inviterName: string;
  accountName: string;
  expiresAt: Date;
}) {
  const expires = formatExpiry(input.expiresAt);
  const subject = `You can now log in to ${input.accountName} on Partner Network`;
  const text = [
    `${input.inviterName} gave you access to ${input.accountName} on Partner Network.`,
    "",
    `Set your password and log in: ${LINK_PLACEHOLDER}`,
    "",
    `The link works once and expires at ${expires}.`,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family: sans-serif">
<p><strong>${escapeHtml(input.inviterName)}</strong> gave you access to <strong>${escapeHtml(input.accountName)}</strong> on Partner Network.</p>
<p><a href="${LINK_PLACEHOLDER}">Set your password and log in</a></p>
<p>The link works once and expires at ${escapeHtml(expires)}.</p>
</body></html>`;
  return { subject, text, html };
}
