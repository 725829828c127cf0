/**
 * Passwords and sessions end to end: the sessions list and signing one out, changing the
 * password (other sessions end, the old password stops working), and a forgotten password
 * reset through the emailed link (every earlier session ends).
 *
 * The person is the seeded owner of the second demo account (Globex), whom no other e2e file
 * signs in as: their password changes here. Sign-up is not used to create them, since it
 * sends a verification email rather than signing in.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectNoAxeViolations } from "./support/axe";
import { baseUrl, launchBrowser } from "./support/browser";
import { openEmailInDevMailbox } from "./support/mailbox";
import { DEMO_OWNER, logIn, main, submitLogIn } from "./support/steps";
import { until } from "./support/until";

const PERSON = { email: "owner@globex.example", password: DEMO_OWNER.password };
const SECOND_PASSWORD = "a second passphrase for e2e";
const THIRD_PASSWORD = "the third passphrase of e2e";

let browser: Browser;
const contexts: BrowserContext[] = [];
let laptop: Page;
let phone: Page;

/** A browser of its own: its own cookies, so its own session. */
async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl() });
  contexts.push(context);
  return context.newPage();
}

/** Whether `page` is signed out: a signed-in page sends it to log in. */
async function expectSignedOut(page: Page): Promise<void> {
  await page.goto("/security");
  await page.waitForURL(/\/login\?next=%2Fsecurity/);
}

function sessionsRegion(page: Page) {
  return page.getByRole("region", { name: "Where you are signed in" });
}

async function sessionRows(page: Page): Promise<number> {
  // The header row is not a session.
  return (await sessionsRegion(page).getByRole("row").count()) - 1;
}

beforeAll(async () => {
  browser = await launchBrowser();
  laptop = await freshPage();
  phone = await freshPage();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

test("the sessions list shows both sessions, and Sign out on the other one ends it", async () => {
  await logIn(laptop, PERSON);
  await logIn(phone, PERSON);

  await laptop.getByRole("button", { name: "User menu" }).click();
  await laptop.getByRole("menuitem", { name: "Security" }).click();
  await laptop.waitForURL("**/security");
  await main(laptop).getByRole("heading", { level: 1, name: "Security" }).waitFor();
  await until("both sessions listed", async () => (await sessionRows(laptop)) === 2);
  expect(await sessionsRegion(laptop).getByText("This device").count()).toBe(1);
  await expectNoAxeViolations(laptop);

  await sessionsRegion(laptop)
    .getByRole("button", { name: /^Sign out .*, signed in / })
    .click();
  const dialog = laptop.getByRole("dialog", { name: "Sign out this session" });
  await dialog.waitFor();
  await expectNoAxeViolations(laptop);
  await dialog.getByRole("button", { name: "Sign out", exact: true }).click();
  await dialog.waitFor({ state: "hidden" });
  await until("one session left", async () => (await sessionRows(laptop)) === 1);

  await expectSignedOut(phone);
});

test("changing the password signs out the other session; the old password no longer logs in", async () => {
  await logIn(phone, PERSON);
  await laptop.goto("/security");
  await until("both sessions listed", async () => (await sessionRows(laptop)) === 2);

  await laptop.getByLabel("Current password").fill(PERSON.password);
  await laptop.getByLabel("New password", { exact: true }).fill(SECOND_PASSWORD);
  await laptop.getByLabel("Repeat new password").fill(SECOND_PASSWORD);
  await laptop.getByRole("button", { name: "Change password" }).click();
  await laptop.getByText("1 other session was signed out.").waitFor();
  await until("only this session left", async () => (await sessionRows(laptop)) === 1);

  await expectSignedOut(phone);
  await phone.goto("/login");
  await submitLogIn(phone, PERSON);
  await phone.getByRole("alert").waitFor();
  expect(phone.url()).toMatch(/\/login$/);
  await submitLogIn(phone, { email: PERSON.email, password: SECOND_PASSWORD });
  await phone.waitForURL("**/members");
});

test("forgot password: the emailed link sets a new password and signs out every earlier session", async () => {
  const visitor = await freshPage();
  await visitor.goto("/login");
  await visitor.getByRole("link", { name: "Forgot password?" }).click();
  await visitor.waitForURL("**/forgot-password");
  await main(visitor).getByRole("heading", { level: 1, name: "Forgot password" }).waitFor();
  await expectNoAxeViolations(visitor);
  await visitor.getByLabel("Email").fill(PERSON.email);
  await visitor.getByRole("button", { name: "Send reset link" }).click();
  await visitor.getByText(`If an account exists for ${PERSON.email}, we sent a link`).waitFor();
  await expectNoAxeViolations(visitor);

  const email = await openEmailInDevMailbox(visitor, PERSON.email);
  await email.getByText("Reset your Partner Network password").first().waitFor();
  const href = await email
    .locator('a[href*="/reset-password#token="]')
    .first()
    .getAttribute("href");
  expect(href).toMatch(/\/reset-password#token=[A-Za-z0-9_-]{43}$/);
  const link = new URL(href ?? "");

  await visitor.goto(`${link.pathname}${link.hash}`);
  await main(visitor).getByRole("heading", { level: 1, name: "Choose a new password" }).waitFor();
  // The token is read, then dropped from the address bar.
  await until("the token to leave the address", () => !visitor.url().includes("#token="));
  await expectNoAxeViolations(visitor);
  await visitor.getByLabel("New password", { exact: true }).fill(THIRD_PASSWORD);
  await visitor.getByLabel("Repeat new password").fill(THIRD_PASSWORD);
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await visitor.waitForURL("**/members");

  // Both browsers signed in before the reset are signed out.
  await expectSignedOut(laptop);
  await expectSignedOut(phone);

  // The link worked once.
  await visitor.goto(`${link.pathname}${link.hash}`);
  await visitor.getByLabel("New password", { exact: true }).fill("yet another passphrase");
  await visitor.getByLabel("Repeat new password").fill("yet another passphrase");
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await visitor.getByText("This reset link was used already.", { exact: false }).waitFor();
  await expectNoAxeViolations(visitor);

  await laptop.goto("/login");
  await submitLogIn(laptop, { email: PERSON.email, password: SECOND_PASSWORD });
  await laptop.getByRole("alert").waitFor();
  await submitLogIn(laptop, { email: PERSON.email, password: THIRD_PASSWORD });
  await laptop.waitForURL("**/members");
});
