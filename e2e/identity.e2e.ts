/**
 * Identity end to end: sign up, see yourself as owner, create an API token and use
 * it from outside the browser, revoke it, log out and back in.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectNoAxeViolations } from "./support/axe";
import { baseUrl, launchBrowser } from "./support/browser";
import { verifyEmailPathFor } from "./support/mailbox";
import { fillSignUpForm, submitLogIn } from "./support/steps";

let browser: Browser;
let context: BrowserContext;
let page: Page;

const email = `founder-${Date.now()}@example.test`;
const password = "correct horse battery staple";
const companyName = `E2E Widgets ${Date.now()}`;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ baseURL: baseUrl() });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

async function callApi(token: string) {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: "{ viewer { currentAccount { name } } }" }),
  });
  return (await response.json()) as {
    data?: { viewer: { currentAccount: { name: string } } };
    errors?: { extensions?: { code?: string } }[];
  };
}

test("a signed-out visit goes to log in", async () => {
  await page.goto("/settings");
  await page.waitForURL(/\/login\?next=%2Fsettings/);
  await page.getByRole("button", { name: "Log in" }).waitFor();
  await expectNoAxeViolations(page);
});

test("sign up and see yourself as the owner on Members", async () => {
  await page.goto("/signup");
  await fillSignUpForm(page, { name: "Frida Founder", email, password, company: companyName });
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByText(`Check your inbox at ${email}`).waitFor();
  await page.goto(await verifyEmailPathFor(page, email));

  await page.waitForURL("**/members");
  const row = page.getByRole("row").filter({ hasText: email });
  await row.waitFor();
  await row.getByText(/owner/i).waitFor();
  await expectNoAxeViolations(page);
});

test("create an API token, use it from outside the browser, then revoke it", async () => {
  await page.goto("/settings");
  await page.getByLabel("Token name").fill("E2E integration");
  await page.getByLabel("Read").check();
  await page.getByRole("button", { name: "Create token" }).click();
  const secretElement = page.getByTestId("api-token-secret");
  await secretElement.waitFor();
  const secret = (await secretElement.textContent())?.trim() ?? "";
  expect(secret).toMatch(/^pn_[A-Za-z0-9_-]{43}$/);
  await expectNoAxeViolations(page);

  expect((await callApi(secret)).data?.viewer.currentAccount.name).toBe(companyName);

  // Close the one-time secret display, then revoke from the list.
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Revoke E2E integration" }).click();
  await page.getByRole("button", { name: "Revoke token" }).click();
  await page
    .getByRole("row")
    .filter({ hasText: "E2E integration" })
    .getByText(/revoked/i)
    .waitFor();

  const refused = await callApi(secret);
  expect(refused.data).toBeUndefined();
  expect(refused.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
});

test("log out and back in", async () => {
  await page.goto("/members");
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Log out" }).click();
  await page.waitForURL(/\/login/);

  await submitLogIn(page, { email, password: "wrong password here" });
  await page
    .getByRole("alert")
    .filter({ hasText: /do not match/i })
    .waitFor();

  await submitLogIn(page, { email, password });
  await page.waitForURL("**/members");
  await page.getByRole("row").filter({ hasText: email }).waitFor();
});
