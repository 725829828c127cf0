/**
 * Lists end to end: sorting, the list's state in the URL, and exports. A new owner (a fresh
 * account, so other files' data does not show) with two partners and their people sorts the
 * members by a column header; a reload keeps the search, filter and order of the partners list,
 * and back/forward restore the views before; "Export CSV" downloads the members the page shows
 * (the file's header line, and only the rows the search lets through, in the page's order).
 * Axe runs on every list page in the light and the dark colour scheme.
 */
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { expectNoAxeViolations } from "./support/axe";
import { baseUrl, launchBrowser } from "./support/browser";
import { graphqlFrom } from "./support/graphql";
import { main, signUp } from "./support/steps";
import { until } from "./support/until";

const RUN = Date.now().toString(36);
const OWNER = {
  name: `Lena Lists ${RUN}`,
  email: `lena.${RUN}@lists.example`,
  password: "a long enough lists password",
  company: `Lists Co ${RUN}`,
};
const PARTNERS = [`Northwind ${RUN}`, `Contoso ${RUN}`];
/** External members, by partner; names chosen so that name order differs from creation order. */
const PEOPLE = [
  { name: `Zoe Zimmer ${RUN}`, email: `zoe.${RUN}@northwind.example`, partner: 0 },
  { name: `Anna Adams ${RUN}`, email: `anna.${RUN}@northwind.example`, partner: 0 },
  { name: `Bruno Brandt ${RUN}`, email: `bruno.${RUN}@contoso.example`, partner: 1 },
  { name: `Maja Brandt ${RUN}`, email: `maja.${RUN}@contoso.example`, partner: 1 },
];

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  // axe needs pages from a context, not browser.newPage().
  context = await browser.newContext({
    baseURL: baseUrl(),
    colorScheme: "light",
    acceptDownloads: true,
  });
  page = await context.newPage();
  await signUp(page, OWNER);
  const partnerIds: string[] = [];
  for (const companyName of PARTNERS) {
    const { createPartner } = await graphqlFrom<{
      createPartner: { partner: { id: string } | null; userErrors: { message: string }[] };
    }>(
      page,
      `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { partner { id } userErrors { message } } }`,
      { input: { companyName, guest: true } },
    );
    expect(createPartner.userErrors).toEqual([]);
    partnerIds.push(createPartner.partner!.id);
  }
  for (const person of PEOPLE) {
    const { addExternalMember } = await graphqlFrom<{
      addExternalMember: { userErrors: { message: string }[] };
    }>(
      page,
      `mutation($input: AddExternalMemberInput!) { addExternalMember(input: $input) { userErrors { message } } }`,
      { input: { name: person.name, email: person.email, partnerId: partnerIds[person.partner] } },
    );
    expect(addExternalMember.userErrors).toEqual([]);
  }
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

function table(name: string): Locator {
  return main(page).getByRole("table", { name });
}

function columnHeader(tableName: string, name: string): Locator {
  return table(tableName).getByRole("columnheader", { name });
}

/** The first cells of a table's body rows (the name column). */
async function firstColumn(tableName: string): Promise<string[]> {
  return table(tableName).locator("tbody tr td:first-child").allTextContents();
}

/** Waits until `read` gives `expected` (the list re-renders on its own time), then checks it. */
async function eventually<T>(what: string, read: () => Promise<T>, expected: T): Promise<void> {
  const wanted = JSON.stringify(expected);
  await until(what, async () => JSON.stringify(await read()) === wanted).catch(() => undefined);
  expect(await read()).toEqual(expected);
}

function waitForFirstColumn(tableName: string, expected: string[]): Promise<void> {
  return eventually(`${tableName} in order`, () => firstColumn(tableName), expected);
}

test("members sort by a column header, and the header says which way", async () => {
  await page.goto("/members");
  await table("Active members").getByRole("cell", { name: PEOPLE[0]!.name }).waitFor();
  const name = columnHeader("Active members", "Name");
  expect(await name.getAttribute("aria-sort")).toBeNull();

  await name.getByRole("button").click();
  await page.waitForURL("**/members?sort=NAME&dir=ASC");
  await table("Active members").locator('th[aria-sort="ascending"]').waitFor();
  const ascending = [
    PEOPLE[1]!.name,
    PEOPLE[2]!.name,
    OWNER.name,
    PEOPLE[3]!.name,
    PEOPLE[0]!.name,
  ];
  await waitForFirstColumn("Active members", ascending);

  // The keyboard flips it too.
  await name.getByRole("button").press("Enter");
  await page.waitForURL("**/members?sort=NAME&dir=DESC");
  expect(await name.getAttribute("aria-sort")).toBe("descending");
  await waitForFirstColumn("Active members", [...ascending].reverse());
  await expectNoAxeViolations(page);
});

test("a reload keeps the search, filter and order; back and forward restore the views", async () => {
  await page.goto("/partners");
  await table("Partners").getByRole("link", { name: PARTNERS[0] }).waitFor();
  await main(page).getByRole("combobox", { name: "Status" }).selectOption("ACTIVE");
  await page.waitForURL("**/partners?status=ACTIVE");
  await columnHeader("Partners", "Company").getByRole("button").click();
  await page.waitForURL("**/partners?status=ACTIVE&sort=COMPANY_NAME&dir=ASC");
  await main(page).getByRole("searchbox", { name: "Search" }).fill(RUN);
  await page.waitForURL(`**/partners?status=ACTIVE&sort=COMPANY_NAME&dir=ASC&q=${RUN}`);
  const companyCells = () =>
    table("Partners").locator("tbody tr td:nth-child(2) a").allTextContents();
  await eventually("partners in order", companyCells, [PARTNERS[1]!, PARTNERS[0]!]);

  await page.reload();
  await table("Partners").getByRole("link", { name: PARTNERS[0] }).waitFor();
  expect(await main(page).getByRole("searchbox", { name: "Search" }).inputValue()).toBe(RUN);
  expect(await main(page).getByRole("combobox", { name: "Status" }).inputValue()).toBe("ACTIVE");
  expect(await columnHeader("Partners", "Company").getAttribute("aria-sort")).toBe("ascending");
  expect(await companyCells()).toEqual([PARTNERS[1], PARTNERS[0]]);

  await columnHeader("Partners", "Company").getByRole("button").click();
  await page.waitForURL("**/partners?*dir=DESC*");
  await eventually("partners in order", companyCells, [PARTNERS[0]!, PARTNERS[1]!]);

  // Back: ascending again (typing the search replaced its entry, so one more back drops the order).
  await page.goBack();
  await page.waitForURL("**/partners?*dir=ASC*");
  await eventually("partners in order", companyCells, [PARTNERS[1]!, PARTNERS[0]!]);
  expect(await main(page).getByRole("searchbox", { name: "Search" }).inputValue()).toBe(RUN);
  await page.goBack();
  await page.waitForURL("**/partners?status=ACTIVE");
  await eventually(
    "no order",
    () => columnHeader("Partners", "Company").getAttribute("aria-sort"),
    null,
  );
  expect(await main(page).getByRole("searchbox", { name: "Search" }).inputValue()).toBe("");

  await page.goForward();
  await page.waitForURL("**/partners?*dir=ASC*");
  await eventually(
    "the search",
    () => main(page).getByRole("searchbox", { name: "Search" }).inputValue(),
    RUN,
  );
  expect(await columnHeader("Partners", "Company").getAttribute("aria-sort")).toBe("ascending");
});

test("Export CSV downloads the members the page shows, in its order", async () => {
  await page.goto(`/members?q=Brandt&sort=NAME&dir=DESC`);
  await waitForFirstColumn("Active members", [PEOPLE[3]!.name, PEOPLE[2]!.name]);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    main(page).getByRole("button", { name: "Export CSV of members" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^members-\d{4}-\d\d-\d\d\.csv$/);
  await main(page)
    .getByTestId("export-status")
    .filter({ hasText: /^Saved members-/ })
    .waitFor();
  const file = await download.path();
  const lines = (await readFile(file, "utf8")).split("\r\n").filter(Boolean);
  expect(lines[0]).toBe("id,name,email,role,type,status,partner,accepted_at,created_at");
  const rows = lines.slice(1).map((line) => line.split(","));
  // Only the search's people, active, in the page's order (name, descending).
  expect(rows.map((row) => row[1])).toEqual([PEOPLE[3]!.name, PEOPLE[2]!.name]);
  expect(rows.map((row) => row[5])).toEqual(["ACTIVE", "ACTIVE"]);
  expect(rows.map((row) => row[6])).toEqual([PARTNERS[1], PARTNERS[1]]);
  await expectNoAxeViolations(page);
});

const LIST_PAGES: { path: string; ready: (page: Page) => Locator }[] = [
  { path: "/members", ready: (p) => main(p).getByRole("table", { name: "Active members" }) },
  {
    path: "/members?tab=pending",
    ready: (p) => main(p).getByRole("heading", { name: "No pending members" }),
  },
  {
    path: "/invitations",
    ready: (p) => main(p).getByRole("heading", { name: "No pending invitations" }),
  },
  {
    path: "/partners?sort=COMPANY_NAME&dir=DESC",
    ready: (p) => main(p).getByRole("table", { name: "Partners" }),
  },
  { path: "/clients", ready: (p) => main(p).getByRole("heading", { name: "No clients yet" }) },
];

test("axe passes on every list page in the light scheme", async () => {
  for (const list of LIST_PAGES) {
    await page.goto(list.path);
    await list.ready(page).waitFor();
    await main(page)
      .getByRole("button", { name: /^Export CSV of / })
      .waitFor();
    await expectNoAxeViolations(page);
  }
});

test("axe passes on every list page in the dark scheme", async () => {
  const dark = await browser.newContext({
    baseURL: baseUrl(),
    colorScheme: "dark",
    storageState: await context.storageState(),
  });
  try {
    const darkPage = await dark.newPage();
    for (const list of LIST_PAGES) {
      await darkPage.goto(list.path);
      await list.ready(darkPage).waitFor();
      expect(await darkPage.locator("html").getAttribute("data-mantine-color-scheme")).toBe("dark");
      await expectNoAxeViolations(darkPage);
    }
  } finally {
    await dark.close();
  }
});
