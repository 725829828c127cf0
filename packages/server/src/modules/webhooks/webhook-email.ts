/** The email admins get when an endpoint is disabled after failing for too long. */
import { escapeHtml } from "../mail/email-format";

export function endpointDisabledEmail(input: { url: string; failingSince: Date; appUrl: string }) {
  const since = `${input.failingSince.toISOString().replace("T", " ").slice(0, 16)} UTC`;
  const settings = `${input.appUrl}/webhooks`;
  const subject = "A webhook endpoint was disabled";
  const text = [
    `Every delivery to ${input.url} has failed since ${since}, so Partner Network stopped sending to it.`,
    "",
    `Fix the receiver, then turn the endpoint back on and replay the failed deliveries: ${settings}`,
  ].join("\n");
  const html = `<p>Every delivery to <strong>${escapeHtml(input.url)}</strong> has failed since ${since}, so Partner Network stopped sending to it.</p>
<p>Fix the receiver, then turn the endpoint back on and replay the failed deliveries: <a href="${escapeHtml(settings)}">${escapeHtml(settings)}</a></p>`;
  return { subject, text, html };
}
