/**
 * Clients and teams end to end. The demo owner invites a client by email with two team members
 * (the first leads); the client finds the email in the dev mailbox, accepts in a fresh browser
 * and sees their team with its lead. A second client signs up through a shared link. A CSV with
 * one bad line and the optional Title column is previewed and imported: the bad line is reported
 * by number, the others are created, and the first shows its title on its page. On the first client's page the lead cannot be removed (the page says why); another
 * member is made lead, then the former lead is removed. Axe runs on every page and dialog.
 */
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { expectNoAxeViolations } from "./support/axe";
import { baseUrl, launchBrowser } from "./support/browser";
import { claimPathFor, openEmailInDevMailbox } from "./support/mailbox";
import { actInAcmeDemo, DEMO_OWNER, logIn, main } from "./support/steps";
import { until } from "./support/until";

const PASSWORD = "a long enough client password";
// The e2e server starts on a fresh DATA_DIR each run; the suffix keeps a reused database working.
const RUN = Date.now().toString(36);
const CLIENT_ONE = { name: `Cleo Client ${RUN}`, email: `cleo.${RUN}@client.example` };
const CLIENT_LINKED = { name: `Lina Linked ${RUN}`, email: `lina.${RUN}@client.example` };
const IMPORTED = [
  { first: "Ivy", last: `Imported ${RUN}`, email: `ivy.${RUN}@client.example` },
  { first: "Ike", last: `Imported ${RUN}`, email: `ike.${RUN}@client.example` },
];
const IMPORTED_TITLE = `Head of imports ${RUN}`;
const EDITH = { name: "Edith Editor", email: "editor@acme.example" };
const ADAM = { name: "Adam Administrator", email: "admin@acme.example" };
const VICTOR = { name: "Victor Viewer", email: "viewer@acme.example" };

let browser: Browser;
let ownerContext: BrowserContext;
let owner: Page;
/** The invitation link from the first client's email. */
let invitePath = "";
/** The shareable sign-up link. */
let sharedLinkPath = "";

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

/** Picks people in the team picker, in order: the first one chosen leads. */
async function pickTeam(dialog: Locator, page: Page, people: { name: string; email: string }[]) {
  const picker = dialog.getByRole("combobox", { name: "Team members" });
  for (const person of people) {
    await picker.click();
    await picker.fill(person.name.split(" ")[0]!);
    await page.getByRole("option", { name: `${person.name} (${person.email})` }).click();
  }
  // Leaving the field closes its list (Escape would close the dialog too).
  await picker.press("Tab");
}

async function openClients(page: Page) {
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Clients" })
    .click();
  await main(page).getByRole("heading", { level: 1, name: "Clients" }).waitFor();
  await main(page)
    .getByRole("table", { name: "Clients" })
    .or(main(page).getByRole("heading", { name: "No clients yet" }))
    .waitFor();
}

function clientRow(page: Page, name: string): Locator {
  return main(page)
    .getByRole("table", { name: "Clients" })
    .getByRole("row")
    .filter({ hasText: name });
}

/** Signs up through an invitation link in a fresh browser; returns the context (close it). */
async function acceptAsNewClient(
  path: string,
  person: { name: string; email: string },
  withEmail: boolean,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl() });
  const page = await context.newPage();
  await page.goto(path);
  await page.getByRole("heading", { level: 1, name: "Join Acme Demo" }).waitFor();
  await page.getByText(/as a client: you will see the team that works for you/).waitFor();
  await expectNoAxeViolations(page);
  if (withEmail) await page.getByLabel("Email", { exact: true }).fill(person.email);
  await page.getByLabel("Name", { exact: true }).fill(person.name);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Accept invitation" }).click();
  if (withEmail) {
    // A shareable link creates nothing until the typed address confirms.
    await page.getByText(`Check your inbox at ${person.email}`).waitFor();
    await expectNoAxeViolations(page);
    await page.goto(await claimPathFor(page, person.email));
  }
  await page.waitForURL("**/my-team");
  await main(page).getByRole("heading", { level: 1, name: "Your team" }).waitFor();
  return { context, page };
}

test("the owner invites a client by email with two team members; the first leads", async () => {
  await logIn(owner, DEMO_OWNER);
  await actInAcmeDemo(owner);
  await openClients(owner);
  await expectNoAxeViolations(owner);

  await main(owner).getByRole("button", { name: "Invite client" }).click();
  const dialog = owner.getByRole("dialog", { name: "Invite client" });
  await dialog.waitFor();
  // Nothing chosen: the dialog says a team is needed, next to the picker.
  await dialog.getByLabel("Name", { exact: true }).fill(CLIENT_ONE.name);
  await dialog.getByLabel("Email", { exact: true }).fill(CLIENT_ONE.email);
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await dialog.getByText("Choose at least one person for the team.").waitFor();

  await pickTeam(dialog, owner, [EDITH, ADAM]);
  await dialog.getByText(`Lead: ${EDITH.name}`).waitFor();
  await expectNoAxeViolations(owner);
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await dialog.waitFor({ state: "hidden" });

  const row = clientRow(owner, CLIENT_ONE.name);
  await row.getByText("Invited").waitFor();
  await row.getByText(EDITH.name).waitFor();
  await expectNoAxeViolations(owner);
});

test("the client finds the email in the dev mailbox, accepts in a fresh browser and sees the team", async () => {
  const article = await openEmailInDevMailbox(owner, CLIENT_ONE.email);
  await article.getByText("invites you to the client portal").first().waitFor();
  const href = await article.locator('a[href*="/invite/"]').first().getAttribute("href");
  expect(href).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  invitePath = new URL(href ?? "").pathname;
  await expectNoAxeViolations(owner);

  const { context, page } = await acceptAsNewClient(invitePath, CLIENT_ONE, false);
  try {
    const team = main(page).getByRole("list", { name: "Team members" });
    const lead = team.getByRole("listitem").filter({ hasText: EDITH.name });
    await lead.getByText("Lead", { exact: true }).waitFor();
    await lead.getByRole("link", { name: EDITH.email }).waitFor();
    const other = team.getByRole("listitem").filter({ hasText: ADAM.name });
    await other.getByRole("link", { name: ADAM.email }).waitFor();
    expect(await other.getByText("Lead", { exact: true }).count()).toBe(0);
    await main(page)
      .getByText(/Your first contact is/)
      .filter({ hasText: EDITH.name })
      .waitFor();
    // A client's navigation offers only their page, and the account's pages send them back.
    const nav = page.getByRole("navigation", { name: "Main" });
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Your team"]);
    await expectNoAxeViolations(page);
    await page.goto("/members");
    await page.waitForURL("**/my-team");
    await main(page).getByRole("heading", { level: 1, name: "Your team" }).waitFor();
  } finally {
    await context.close();
  }

  await owner.goto("/clients");
  await clientRow(owner, CLIENT_ONE.name).getByText("Active").waitFor();
});

test("a second client signs up through a shared link and gets the link's team", async () => {
  await openClients(owner);
  await main(owner).getByRole("button", { name: "Copy invite link" }).click();
  const dialog = owner.getByRole("dialog", { name: "Copy invite link" });
  await dialog.waitFor();
  await pickTeam(dialog, owner, [VICTOR]);
  await expectNoAxeViolations(owner);
  await dialog.getByRole("button", { name: "Create link" }).click();
  const input = dialog.getByRole("textbox", { name: "Invite link" });
  await input.waitFor();
  const url = await input.inputValue();
  expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  sharedLinkPath = new URL(url).pathname;
  await dialog.getByText(/^Valid until .*, for any number of sign-ups\./).waitFor();
  await dialog.getByRole("button", { name: "Copy link" }).waitFor();
  await expectNoAxeViolations(owner);
  await dialog.getByRole("button", { name: "Done" }).click();
  await dialog.waitFor({ state: "hidden" });

  const { context, page } = await acceptAsNewClient(sharedLinkPath, CLIENT_LINKED, true);
  try {
    const team = main(page).getByRole("list", { name: "Team members" });
    await team
      .getByRole("listitem")
      .filter({ hasText: VICTOR.name })
      .getByText("Lead", { exact: true })
      .waitFor();
    await expectNoAxeViolations(page);
  } finally {
    await context.close();
  }

  await owner.goto("/clients");
  const row = clientRow(owner, CLIENT_LINKED.name);
  await row.getByText("Active").waitFor();
  await row.getByText(VICTOR.name).waitFor();
});

test("a CSV with one bad line: the preview reports it by line, the import creates the others", async () => {
  await openClients(owner);
  await main(owner).getByRole("button", { name: "Import", exact: true }).click();
  const dialog = owner.getByRole("dialog", { name: "Import clients" });
  await dialog.waitFor();
  const template = dialog.getByRole("link", { name: "Download template" });
  expect(decodeURIComponent((await template.getAttribute("href")) ?? "")).toContain(
    "First Name,Last Name,Email,Phone Number,Team",
  );
  await expectNoAxeViolations(owner);

  // With the optional Title column: the first client gets a title, the others none.
  const csv = [
    "First Name,Last Name,Email,Phone Number,Team,Title",
    `${IMPORTED[0]!.first},${IMPORTED[0]!.last},${IMPORTED[0]!.email},+1 555 0101,${EDITH.email};${ADAM.email},${IMPORTED_TITLE}`,
    `Bad,Row ${RUN},not-an-email,,${EDITH.email},`,
    `${IMPORTED[1]!.first},${IMPORTED[1]!.last},${IMPORTED[1]!.email},,${ADAM.email},`,
  ].join("\n");
  await dialog.locator('input[type="file"]').setInputFiles({
    name: "clients.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  const preview = dialog.getByRole("table", { name: "Preview" });
  await preview.waitFor();
  const bad = preview
    .getByRole("row")
    .filter({ has: owner.getByRole("cell", { name: "2", exact: true }) });
  await bad.getByText("Error").waitFor();
  await bad
    .getByText(/^Line 2:/)
    .first()
    .waitFor();
  for (const { email } of IMPORTED) {
    await preview.getByRole("row").filter({ hasText: email }).getByText("New").waitFor();
  }
  await dialog
    .getByTestId("import-summary")
    .getByText(/2 new, 1 error/)
    .waitFor();
  await dialog.getByRole("checkbox", { name: "Update existing clients" }).waitFor();
  await expectNoAxeViolations(owner);

  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  await dialog.getByText("Import finished.").waitFor();
  const result = dialog.getByRole("table", { name: "Import result" });
  await result
    .getByRole("row")
    .filter({ has: owner.getByRole("cell", { name: "2", exact: true }) })
    .getByText("Error")
    .waitFor();
  await dialog.getByRole("status").filter({ hasText: "2 clients invited" }).waitFor();
  await expectNoAxeViolations(owner);
  await dialog.getByRole("button", { name: "Done" }).click();
  await dialog.waitFor({ state: "hidden" });

  await clientRow(owner, `${IMPORTED[0]!.first} ${IMPORTED[0]!.last}`)
    .getByText(EDITH.name)
    .waitFor();
  await clientRow(owner, `${IMPORTED[1]!.first} ${IMPORTED[1]!.last}`)
    .getByText(ADAM.name)
    .waitFor();
  expect(await clientRow(owner, `Row ${RUN}`).count()).toBe(0);

  // The Title column's value is the client's title, shown (and editable) on their page.
  const name = `${IMPORTED[0]!.first} ${IMPORTED[0]!.last}`;
  await clientRow(owner, name).getByRole("link", { name }).click();
  await main(owner).getByRole("heading", { level: 1, name }).waitFor();
  const title = main(owner)
    .getByRole("form", { name: `Title of ${name}` })
    .getByRole("textbox", { name: "Title" });
  await title.waitFor();
  expect(await title.inputValue()).toBe(IMPORTED_TITLE);
  await expectNoAxeViolations(owner);
});

test("on the client page the lead cannot be removed; another is made lead, then the former lead is removed", async () => {
  await owner.goto("/clients");
  await main(owner).getByRole("table", { name: "Clients" }).waitFor();
  await clientRow(owner, CLIENT_ONE.name).getByRole("link", { name: CLIENT_ONE.name }).click();
  await main(owner).getByRole("heading", { level: 1, name: CLIENT_ONE.name }).waitFor();
  await main(owner).getByTestId("client-details").getByText(CLIENT_ONE.email).waitFor();
  const team = main(owner).getByRole("table", { name: `Team of ${CLIENT_ONE.name}` });
  const edithRow = team.getByRole("row").filter({ hasText: EDITH.name });
  const adamRow = team.getByRole("row").filter({ hasText: ADAM.name });
  await edithRow.getByText("Lead", { exact: true }).waitFor();
  await expectNoAxeViolations(owner);

  // The lead's Remove is disabled, and the page says why.
  const removeEdith = edithRow.getByRole("button", { name: `Remove ${EDITH.name}` });
  expect(await removeEdith.isDisabled()).toBe(true);
  await edithRow.getByText("The lead cannot be removed: make someone else lead first.").waitFor();

  await adamRow.getByRole("button", { name: `Make lead: ${ADAM.name}` }).click();
  await adamRow.getByText("Lead", { exact: true }).waitFor();
  await until("Edith's Remove to be enabled", async () => !(await removeEdith.isDisabled()));
  expect(await edithRow.getByText("Lead", { exact: true }).count()).toBe(0);

  await removeEdith.click();
  const confirm = owner.getByRole("dialog", { name: "Remove from team" });
  await confirm.waitFor();
  await confirm.getByText(/They no longer serve/).waitFor();
  await expectNoAxeViolations(owner);
  await confirm.getByRole("button", { name: "Remove from team" }).click();
  await confirm.waitFor({ state: "hidden" });
  await until("Edith to leave the team", async () => (await edithRow.count()) === 0);
  // Adam is now the only member: neither lead nor last member can be removed.
  expect(await adamRow.getByRole("button", { name: `Remove ${ADAM.name}` }).isDisabled()).toBe(
    true,
  );
  await expectNoAxeViolations(owner);
});
