/**
 * Email verification end to end: sign-up says "check your inbox" and starts no session; the
 * person may log in meanwhile and sees a banner with "Resend email"; the link from the dev
 * mailbox confirms the address, and the banner goes.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectNoAxeViolations } from "./support/axe";
import { baseUrl, launchBrowser } from "./support/browser";
import { verifyEmailPathFor } from "./support/mailbox";
import { fillSignUpForm, main, submitLogIn } from "./support/steps";

let browser: Browser;
let context: BrowserContext;
let page: Page;

const email = `verifier-${Date.now()}@example.test`;
const password = "correct horse battery staple";

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ baseURL: baseUrl() });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

function banner() {
  return page.getByRole("region", { name: "Confirm your email address" });
}

test("sign-up starts no session and says to check the inbox", async () => {
  await page.goto("/signup");
  await fillSignUpForm(page, {
    name: "Vera Verifier",
    email,
    password,
    company: `Verified Co ${Date.now()}`,
  });
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByText(`Check your inbox at ${email}`).waitFor();
  await page.getByText(/spam or junk folder/).waitFor();
  await expectNoAxeViolations(page);
  // Nobody is signed in yet.
  await page.goto("/members");
  await page.waitForURL(/\/login\?next=%2Fmembers/);
});

test("logging in before verifying shows the banner, and Resend email sends a new link", async () => {
  const first = await verifyEmailPathFor(page, email);
  await submitLogIn(page, { email, password });
  await page.waitForURL("**/members");
  await banner().waitFor();
  await expectNoAxeViolations(page);
  await banner().getByRole("button", { name: "Resend email" }).click();
  await banner().getByText(`Sent. Check your inbox at ${email}.`).waitFor();
  // At most one a minute: a second click says when.
  await banner().getByRole("button", { name: "Resend email" }).click();
  await banner()
    .getByText(/Try again in/)
    .waitFor();
  // The resent link arrives too; either works.
  await verifyEmailPathFor(page, email, [first]);
});

test("the emailed link confirms the address and the banner goes", async () => {
  await page.goto(await verifyEmailPathFor(page, email));
  await page.waitForURL("**/members");
  await main(page).getByRole("heading", { level: 1, name: "Members" }).waitFor();
  await expect(banner().count()).resolves.toBe(0);
  await expectNoAxeViolations(page);
});

test("a used link says so and offers to log in", async () => {
  const used = await verifyEmailPathFor(page, email);
  await page.goto(used);
  await page.getByText("This link was used already", { exact: true }).waitFor();
  await page.getByRole("link", { name: "Log in" }).waitFor();
  await expectNoAxeViolations(page);
});
