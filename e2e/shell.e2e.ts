/** The SPA shell served by the built server: log-in redirect, header, navigation, accessibility, 404 route. */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectNoAxeViolations } from "./support/axe";
import { baseUrl, launchBrowser } from "./support/browser";
import { recordCspViolations } from "./support/csp";
import { DEMO_OWNER, logIn, submitLogIn } from "./support/steps";

const NAV_LINKS = ["Members", "Partners", "Clients", "Invitations", "Settings"];

let browser: Browser;
let context: BrowserContext;
let page: Page;
let cspViolations: string[];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  // axe needs pages from a context, not browser.newPage().
  context = await browser.newContext({ baseURL: baseUrl() });
  cspViolations = await recordCspViolations(context);
  page = await context.newPage();
});

afterEach(async () => {
  await context?.close();
});

test("/ signed out goes to log in; signed in as the demo owner it shows the shell, with no axe violations", async () => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await page.waitForURL(/\/login/);
  await submitLogIn(page, DEMO_OWNER);

  const header = page.getByRole("banner");
  await header.getByRole("link", { name: "Partner Network" }).waitFor();
  await header.getByText("Olivia Owner").waitFor();

  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of NAV_LINKS) {
    await nav.getByRole("link", { name, exact: true }).waitFor();
  }
  await page.waitForURL("**/members");
  await page.getByRole("main").getByRole("heading", { level: 1 }).waitFor();

  await expectNoAxeViolations(page);
});

test("an unknown route shows “Page not found” inside the shell", async () => {
  const response = await page.goto("/no-such-page");
  // The server answers with the SPA; the client-side router decides it is a 404.
  expect(response?.status()).toBe(200);
  await page.getByRole("main").getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
  await page.getByRole("banner").getByRole("link", { name: "Partner Network" }).waitFor();

  await expectNoAxeViolations(page);
});

test("every page of the SPA runs within the Content-Security-Policy", async () => {
  // Signed out: log in, and an invitation link (its token is unknown, the page still renders).
  await page.goto("/invite/not-a-real-token");
  await page.getByText("This invitation link is not valid").waitFor();
  await logIn(page, DEMO_OWNER);

  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of NAV_LINKS) {
    await nav.getByRole("link", { name, exact: true }).click();
    await page.waitForURL(`**/${name.toLowerCase()}`);
    await page.getByRole("main").getByRole("heading", { level: 1 }).waitFor();
  }
  expect(cspViolations).toEqual([]);
});
