/**
 * User invitations end to end: the demo owner invites three people (two pasted as chips, one
 * from a CSV file), the first finds the email in the dev mailbox (the e2e server has no SMTP)
 * and accepts in a fresh browser, and the owner sees a new member holding the same seat.
 */
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { expectNoAxeViolations } from "./support/axe";
import { baseUrl, launchBrowser } from "./support/browser";
import { openEmailInDevMailbox } from "./support/mailbox";
import { actInAcmeDemo, DEMO_OWNER, logIn } from "./support/steps";
import { until } from "./support/until";

// The e2e server starts on a fresh DATA_DIR each run; the suffix keeps a reused database working.
const RUN = Date.now().toString(36);
const ONE = `e2e.one.${RUN}@example.test`;
const TWO = `e2e.two.${RUN}@example.test`;
const THREE = `e2e.three.${RUN}@example.test`;

let browser: Browser;
let ownerContext: BrowserContext;
let owner: Page;
/** Seats in use before the invitation, read from the Invitations page. */
let seatsBefore = 0;
/** The invitation link from the first invitee's email. */
let invitePath = "";

beforeAll(async () => {
  browser = await launchBrowser();
  // axe needs pages from a context, not browser.newPage().
  ownerContext = await browser.newContext({ baseURL: baseUrl() });
  owner = await ownerContext.newPage();
});

afterAll(async () => {
  await ownerContext?.close();
  await browser?.close();
});

/** A real paste event with the text on its clipboard, as the browser sends for Ctrl+V. */
async function paste(input: Locator, text: string) {
  await input.click();
  await input.evaluate((element, pasted) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData("text/plain", pasted);
    element.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }),
    );
  }, text);
}

/** "7 of 10 seats used…" -> 7. */
async function seatsUsed(page: Page): Promise<number> {
  const text = (await page.getByTestId("invitation-seats").textContent()) ?? "";
  const match = /^(\d+) of 10 seats used/.exec(text.trim());
  if (!match) throw new Error(`Unexpected seat text: ${text}`);
  return Number(match[1]);
}

test("the owner invites two pasted addresses and one from a CSV file", async () => {
  await logIn(owner, DEMO_OWNER);
  await actInAcmeDemo(owner);

  await owner
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Invitations" })
    .click();
  await owner
    .getByRole("table", { name: "Pending invitations" })
    .or(owner.getByRole("heading", { name: "No pending invitations" }))
    .waitFor();
  seatsBefore = await seatsUsed(owner);
  expect(seatsBefore).toBeLessThanOrEqual(7);
  await expectNoAxeViolations(owner);

  await owner.getByRole("button", { name: "Invite people" }).click();
  const dialog = owner.getByRole("dialog", { name: "Invite people" });
  await dialog.waitFor();
  await paste(dialog.getByRole("combobox", { name: "Email addresses" }), `${ONE}, ${TWO}`);
  await dialog.getByTestId("email-chip").filter({ hasText: TWO }).waitFor();

  await dialog.locator('input[type="file"]').setInputFiles({
    name: "people.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`email,role\n${THREE},Editor\n`),
  });
  await dialog.getByTestId("email-chip").filter({ hasText: THREE }).waitFor();
  await dialog.getByText("Added 1 person from people.csv.").waitFor();
  expect(await dialog.getByTestId("email-chip").allTextContents()).toEqual([ONE, TWO, THREE]);
  expect(await dialog.getByRole("combobox", { name: `Role for ${THREE}` }).inputValue()).toBe(
    "EDITOR",
  );
  expect(await dialog.getByRole("combobox", { name: `Role for ${ONE}` }).inputValue()).toBe(
    "VIEWER",
  );
  expect((await dialog.getByTestId("invite-seat-line").textContent())?.trim()).toBe(
    `${seatsBefore} of 10 seats used; this invitation uses 3`,
  );
  await expectNoAxeViolations(owner);

  await dialog.getByRole("button", { name: "Send invitations" }).click();
  await dialog.waitFor({ state: "hidden" });
  await owner.getByText("3 invitations sent").waitFor();

  const pending = owner.getByRole("table", { name: "Pending invitations" });
  for (const email of [ONE, TWO, THREE]) {
    await pending.getByRole("row").filter({ hasText: email }).getByText("Pending").waitFor();
  }
  await pending.getByRole("row").filter({ hasText: THREE }).getByText("Editor").waitFor();
  await until(
    "the seat count to include the invitations",
    async () => (await seatsUsed(owner)) === seatsBefore + 3,
  );
  await expectNoAxeViolations(owner);
});

test("the first invitee's email is in the dev mailbox, with the invitation link", async () => {
  const article = await openEmailInDevMailbox(owner, ONE);
  await article.getByText("invited you to join Acme Demo").waitFor();
  const href = await article.locator('a[href*="/invite/"]').first().getAttribute("href");
  expect(href).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  invitePath = new URL(href ?? "").pathname;
  await expectNoAxeViolations(owner);
});

test("the invitee accepts in a fresh browser and lands on Members", async () => {
  expect(invitePath).not.toBe("");
  const context = await browser.newContext({ baseURL: baseUrl() });
  try {
    const page = await context.newPage();
    await page.goto(invitePath);
    await page.getByRole("heading", { level: 1, name: "Join Acme Demo" }).waitFor();
    const details = page.getByTestId("invitation-details");
    await details.getByText(ONE).waitFor();
    await details.getByText("Olivia Owner").waitFor();
    await details.getByText("Viewer").waitFor();
    // The token is in the address: the page asks for no Referer.
    expect(await page.locator('meta[name="referrer"]').getAttribute("content")).toBe("no-referrer");
    await expectNoAxeViolations(page);

    await page.getByLabel("Name", { exact: true }).fill("Eve Onestep");
    await page.getByLabel("Password").fill("a long enough password");
    await page.getByRole("button", { name: "Accept invitation" }).click();

    await page.waitForURL("**/members");
    await page.getByRole("banner").getByText("Eve Onestep").waitFor();
    await page.getByRole("row").filter({ hasText: ONE }).waitFor();
    expect(await page.locator('meta[name="referrer"]').count()).toBe(0);
  } finally {
    await context.close();
  }
});

test("back as the owner: the invitee is a member, no longer pending, and still holds a seat", async () => {
  await owner.goto("/members");
  await owner.getByRole("row").filter({ hasText: ONE }).getByText("Viewer").waitFor();

  await owner.goto("/invitations");
  const pending = owner.getByRole("table", { name: "Pending invitations" });
  await pending.getByRole("row").filter({ hasText: TWO }).waitFor();
  await pending.getByRole("row").filter({ hasText: THREE }).waitFor();
  expect(await pending.getByRole("row").filter({ hasText: ONE }).count()).toBe(0);
  expect(await seatsUsed(owner)).toBe(seatsBefore + 3);

  await owner.getByRole("tab", { name: "All" }).click();
  await owner
    .getByRole("table", { name: "All invitations" })
    .getByRole("row")
    .filter({ hasText: ONE })
    .getByText("Accepted")
    .waitFor();
  await expectNoAxeViolations(owner);
});
