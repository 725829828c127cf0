/**
 * The audit log end to end: a new owner makes a few changes, then reads them on
 * the Audit log page (newest first, filterable), which must be axe-clean.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectNoAxeViolations } from "./support/axe";
import { baseUrl, launchBrowser } from "./support/browser";
import { signUp } from "./support/steps";

let browser: Browser;
let context: BrowserContext;
let page: Page;

const stamp = Date.now();
const email = `auditor-${stamp}@example.test`;
const companyName = `E2E Audit ${stamp}`;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ baseURL: baseUrl() });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

test("an owner's changes appear in the audit log, newest first, and can be filtered", async () => {
  await signUp(page, {
    name: "Audrey Auditor",
    email,
    password: "correct horse battery staple",
    company: companyName,
  });

  await page.goto("/settings");
  await page.getByLabel("Token name").fill("Audit bot");
  await page.getByLabel("Read").check();
  await page.getByRole("button", { name: "Create token" }).click();
  await page.getByTestId("api-token-secret").waitFor();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Revoke Audit bot" }).click();
  await page.getByRole("button", { name: "Revoke token" }).click();
  await page
    .getByRole("row")
    .filter({ hasText: "Audit bot" })
    .getByText(/revoked/i)
    .waitFor();

  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Audit log" })
    .click();
  await page.waitForURL("**/audit");
  const table = page.getByRole("table", { name: "Audit log" });
  await table.waitFor();
  const actions = await table.locator("tbody tr td:nth-child(3) p:last-child").allTextContents();
  // Sign-up's two entries share their transaction's time, so their mutual order is the id's.
  expect(actions.slice(0, 2)).toEqual(["api_token.revoked", "api_token.created"]);
  expect(actions.slice(2).sort()).toEqual(["account.created", "session.created"]);
  await table
    .getByRole("row")
    .filter({ hasText: "API token revoked" })
    .getByText("Audrey Auditor")
    .waitFor();
  await expectNoAxeViolations(page);

  await page.getByLabel("Action").selectOption("api_token.created");
  await page.getByText("1 event", { exact: true }).waitFor();
  await table
    .getByRole("row")
    .filter({ hasText: "API token created" })
    .getByText(/name: Audit bot/)
    .waitFor();
  await expectNoAxeViolations(page);
});
