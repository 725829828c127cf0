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

/**
 * To someone who already uses Partner Network and whom an account added by email: nothing
 * changed for them yet; they answer from their own session (or, given login, the link).
 */
export function addedToAccountEmail(input: {
  inviterName: string;
  accountName: string;
  /** Set when the account gave login: the one-time link, which also answers the membership. */
  expiresAt: Date | null;
  pendingUrl: string;
}) {
  const subject = `${input.accountName} added you as a collaborator on Partner Network`;
  const link = input.expiresAt ? LINK_PLACEHOLDER : input.pendingUrl;
  const expiry = input.expiresAt
    ? `The link works once and expires at ${formatExpiry(input.expiresAt)}.`
    : "";
  const text = [
    `${input.inviterName} added you as a collaborator in ${input.accountName}.`,
    "Nothing is shared with them until you accept; answer in Partner Network:",
    "",
    link,
    "",
    expiry,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family: sans-serif">
<p><strong>${escapeHtml(input.inviterName)}</strong> added you as a collaborator in <strong>${escapeHtml(input.accountName)}</strong>.</p>
<p>Nothing is shared with them until you accept: <a href="${link}">answer in Partner Network</a>.</p>
<p>${escapeHtml(expiry)}</p>
</body></html>`;
  return { subject, text, html };
}

/** Where a signed-in person answers the memberships others created for them. */
export function pendingMembershipsUrl(context: { appUrl: string }): string {
  return `${context.appUrl}/invitations-to-join`;
}
