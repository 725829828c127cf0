/**
 * The dev mailbox (the e2e server has no SMTP): emails go out through a job queue, so
 * both readers poll until the email is there.
 */
import type { Locator, Page } from "playwright-core";
import { until } from "./until";

interface MailboxMessage {
  to: string;
  text: string;
}

/**
 * The `/invite/<token>` path of the newest email to `to` (mentioning `about`, when given),
 * read from the mailbox API; fails after 20 s.
 */
export async function invitePathFor(page: Page, to: string, about = ""): Promise<string> {
  return until(
    `an invitation email to ${to}${about ? ` about ${about}` : ""}`,
    async () => {
      const response = await page.request.get("/api/dev/mailbox");
      expect(response.status()).toBe(200);
      const { messages } = (await response.json()) as { messages: MailboxMessage[] };
      const message = messages.find(
        (m) => m.to.toLowerCase() === to.toLowerCase() && m.text.includes(about),
      );
      return message?.text.match(/\/invite\/[A-Za-z0-9_-]+/)?.[0];
    },
    20_000,
  );
}

/**
 * The `/verify-email#token=<secret>` path of the newest verification email to `to`, read from
 * the mailbox API (delivery is a background job); fails after 20 s. `skip` links are passed
 * over, to wait for a resent one.
 */
export async function verifyEmailPathFor(
  page: Page,
  to: string,
  skip: readonly string[] = [],
): Promise<string> {
  return until(
    `a verification email to ${to}`,
    async () => {
      const response = await page.request.get("/api/dev/mailbox");
      expect(response.status()).toBe(200);
      const { messages } = (await response.json()) as { messages: MailboxMessage[] };
      for (const message of messages) {
        if (message.to.toLowerCase() !== to.toLowerCase()) continue;
        const path = message.text.match(/\/verify-email#token=[A-Za-z0-9_-]+/)?.[0];
        if (path && !skip.includes(path)) return path;
      }
      return undefined;
    },
    20_000,
  );
}

/**
 * Opens the dev mailbox page and the email to `to`, refreshing until delivery (a background
 * worker) has passed; returns the opened email.
 */
export async function openEmailInDevMailbox(page: Page, to: string): Promise<Locator> {
  await page.goto("/dev/mailbox");
  await page.getByRole("heading", { level: 1, name: "Dev mailbox" }).waitFor();
  const email = page.getByRole("button").filter({ hasText: `To ${to}` });
  await until(
    `the email to ${to}`,
    async () => {
      if (await email.count()) return true;
      const refresh = page.getByRole("button", { name: "Refresh" });
      if (await refresh.isEnabled().catch(() => false)) await refresh.click();
      return false;
    },
    30_000,
  );
  await email.click();
  return page.getByRole("article");
}

/** The `/invite/<token>#claim=<secret>` path of the newest shareable-link confirmation to `to`; fails after 20 s. */
export async function claimPathFor(page: Page, to: string): Promise<string> {
  return until(
    `a confirmation email to ${to}`,
    async () => {
      const response = await page.request.get("/api/dev/mailbox");
      expect(response.status()).toBe(200);
      const { messages } = (await response.json()) as { messages: MailboxMessage[] };
      const message = messages.find((m) => m.to.toLowerCase() === to.toLowerCase());
      return message?.text.match(/\/invite\/[A-Za-z0-9_-]+#claim=[A-Za-z0-9_-]+/)?.[0];
    },
    20_000,
  );
}
