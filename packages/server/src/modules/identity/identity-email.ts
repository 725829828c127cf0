/** The identity module's emails: verification links, and the notice to an address someone tried to register. */
import { escapeHtml, formatExpiry } from "../mail/email-format";
import { LINK_PLACEHOLDER } from "../mail/mail.service";

/** The link in a verification email: the secret in the fragment, so no request log ever holds it. */
export function verifyEmailLink(context: { appUrl: string }, secret: string): string {
  return `${context.appUrl}/verify-email#token=${secret}`;
}

/** A shareable client link's second step: the invitation page, with the claim secret in the fragment. */
export function clientLinkClaimLink(
  context: { appUrl: string },
  invitationSecret: string,
  claimSecret: string,
): string {
  return `${context.appUrl}/invite/${invitationSecret}#claim=${claimSecret}`;
}

export function verificationEmail(input: { name: string; expiresAt: Date }) {
  const expires = formatExpiry(input.expiresAt);
  const subject = "Confirm your email for Partner Network";
  const text = [
    `Hello ${input.name},`,
    "",
    `Confirm that this is your email address: ${LINK_PLACEHOLDER}`,
    "",
    `The link works once and expires at ${expires}. If you did not sign up, ignore this email.`,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family: sans-serif">
<p>Hello ${escapeHtml(input.name)},</p>
<p><a href="${LINK_PLACEHOLDER}">Confirm that this is your email address</a></p>
<p>The link works once and expires at ${escapeHtml(expires)}. If you did not sign up, ignore this email.</p>
</body></html>`;
  return { subject, text, html };
}

export function clientLinkClaimEmail(input: { accountName: string; expiresAt: Date }) {
  const expires = formatExpiry(input.expiresAt);
  const subject = `Confirm your email to join ${input.accountName} on Partner Network`;
  const text = [
    `You asked to join ${input.accountName} on Partner Network with this email address.`,
    "",
    `Confirm it and finish joining: ${LINK_PLACEHOLDER}`,
    "",
    `The link works once and expires at ${expires}. If it was not you, ignore this email.`,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family: sans-serif">
<p>You asked to join <strong>${escapeHtml(input.accountName)}</strong> on Partner Network with this email address.</p>
<p><a href="${LINK_PLACEHOLDER}">Confirm it and finish joining</a></p>
<p>The link works once and expires at ${escapeHtml(expires)}. If it was not you, ignore this email.</p>
</body></html>`;
  return { subject, text, html };
}

/** Sent instead of saying "this email is taken": only the mailbox's owner learns of the attempt. */
export function signUpAttemptEmail(input: { appUrl: string }) {
  const logIn = `${input.appUrl}/login`;
  const reset = `${input.appUrl}/forgot-password`;
  const subject = "Someone tried to create a Partner Network account with your email";
  const text = [
    "Someone tried to create a new Partner Network account with your email address, which has an account already.",
    "",
    `If it was you, log in at ${logIn}, or reset your password at ${reset}.`,
    "",
    "If it was not you, nothing changed: you can ignore this email.",
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family: sans-serif">
<p>Someone tried to create a new Partner Network account with your email address, which has an account already.</p>
<p>If it was you, <a href="${escapeHtml(logIn)}">log in</a>, or <a href="${escapeHtml(reset)}">reset your password</a>.</p>
<p>If it was not you, nothing changed: you can ignore this email.</p>
</body></html>`;
  return { subject, text, html };
}
