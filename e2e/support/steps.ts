/** Steps several e2e files take the same way: signing up, logging in, choosing the demo account. */
import type { Locator, Page } from "playwright-core";
import { verifyEmailPathFor } from "./mailbox";

/** The seeded demo owner (SEED_DEMO_DATA), owner of "Acme Demo" and of a second demo account. */
export const DEMO_OWNER = { email: "owner@acme.example", password: "partner-network-demo" };

export type SignUpDetails = { name: string; email: string; password: string; company: string };

/** The page's main landmark, where every page of the SPA puts its content. */
export function main(page: Page): Locator {
  return page.getByRole("main");
}

/** Fills the sign-up form on the page (it must be open), without sending it. */
export async function fillSignUpForm(page: Page, details: SignUpDetails): Promise<void> {
  await page.getByLabel("Name", { exact: true }).fill(details.name);
  await page.getByLabel("Email").fill(details.email);
  await page.getByLabel("Password").fill(details.password);
  await page.getByLabel("Company name").fill(details.company);
}

/**
 * Signs up a new owner with a new company account, follows the verification email from the
 * dev mailbox (sign-up itself starts no session) and waits for its Members page.
 */
export async function signUp(page: Page, details: SignUpDetails): Promise<void> {
  await page.goto("/signup");
  await fillSignUpForm(page, details);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByText(`Check your inbox at ${details.email}`).waitFor();
  await page.goto(await verifyEmailPathFor(page, details.email));
  await page.waitForURL("**/members");
}

/** Fills and sends the log-in form on the page (it must be open); where it goes is the caller's to check. */
export async function submitLogIn(
  page: Page,
  credentials: { email: string; password: string },
): Promise<void> {
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Log in" }).click();
}

/** Logs in from the log-in page and waits for the Members page. */
export async function logIn(
  page: Page,
  credentials: { email: string; password: string },
): Promise<void> {
  await page.goto("/login");
  await submitLogIn(page, credentials);
  await page.waitForURL("**/members");
}

/**
 * The demo owner is also a member of a second demo account, and logging in may open either:
 * act in Acme Demo.
 */
export async function actInAcmeDemo(page: Page): Promise<void> {
  const banner = page.getByRole("banner");
  const trigger = banner.getByRole("button", { name: /^Account: / });
  await trigger.waitFor();
  if ((await trigger.textContent())?.includes("Acme Demo")) return;
  await trigger.click();
  await page.getByRole("menuitem", { name: "Acme Demo" }).click();
  await banner.getByRole("button", { name: "Account: Acme Demo" }).waitFor();
}
