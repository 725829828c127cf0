/** The "reset your password" email; the link goes in at delivery (LINK_PLACEHOLDER), never stored in clear. */
import { escapeHtml, formatExpiry } from "../mail/email-format";
import { LINK_PLACEHOLDER } from "../mail/mail.service";

export function passwordResetEmail(input: { name: string; expiresAt: Date }) {
  const expires = formatExpiry(input.expiresAt);
  const subject = "Reset your Partner Network password";
  const text = [
    `Hello ${input.name},`,
    "",
    `Someone (we hope you) asked to reset the password of this address on Partner Network. Choose a new password: ${LINK_PLACEHOLDER}`,
    "",
    `The link works once and expires at ${expires}. Using it signs you out everywhere else.`,
    "If you did not ask for this, ignore this email: your password stays as it is.",
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family: sans-serif">
<p>Hello ${escapeHtml(input.name)},</p>
<p>Someone (we hope you) asked to reset the password of this address on Partner Network.</p>
<p><a href="${LINK_PLACEHOLDER}">Choose a new password</a></p>
<p>The link works once and expires at ${escapeHtml(expires)}. Using it signs you out everywhere else.</p>
<p>If you did not ask for this, ignore this email: your password stays as it is.</p>
</body></html>`;
  return { subject, text, html };
}

/** The SPA's reset page; the secret rides in the fragment, which browsers never send to the server. */
export function passwordResetLink(context: { appUrl: string }, secret: string): string {
  return `${context.appUrl}/reset-password#token=${secret}`;
}
