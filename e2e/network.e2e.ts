/**
 * The network map end to end. A new owner (a fresh account, so other files' partners and
 * clients do not show) opens /network from the navigation and sees that there is nothing
 * yet; with two partners and an invited client it sees them as nodes around the account,
 * follows one to its page and reads the same nodes as a table. Axe runs on the map, the
 * table and a list page in the light and the dark colour scheme (Playwright's `colorScheme`
 * emulation for the system setting), and the dark-mode switch overrides the system setting.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectNoAxeViolations } from "./support/axe";
import { baseUrl, launchBrowser } from "./support/browser";
import { graphqlFrom } from "./support/graphql";
import { main, signUp } from "./support/steps";

const RUN = Date.now().toString(36);
const OWNER = {
  name: "Nora Network",
  email: `nora.${RUN}@network.example`,
  password: "a long enough network password",
  company: `Network Co ${RUN}`,
};
const PARTNERS = [`Northwind ${RUN}`, `Contoso ${RUN}`];
const CLIENT = { name: `Cara Client ${RUN}`, email: `cara.${RUN}@client.example` };

let browser: Browser;
let lightContext: BrowserContext;
let light: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  // axe needs pages from a context, not browser.newPage().
  lightContext = await browser.newContext({ baseURL: baseUrl(), colorScheme: "light" });
  light = await lightContext.newPage();
  await signUp(light, OWNER);
});

afterAll(async () => {
  await lightContext?.close();
  await browser?.close();
});

function networkMap(page: Page) {
  return main(page).getByRole("group", { name: `Network map of ${OWNER.company}` });
}

async function colorScheme(page: Page): Promise<string | null> {
  return page.locator("html").getAttribute("data-mantine-color-scheme");
}

test("with no partners or clients yet, the page says so", async () => {
  await light
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Network" })
    .click();
  await main(light).getByRole("heading", { level: 1, name: "Network" }).waitFor();
  await main(light).getByRole("heading", { name: "No partners or clients yet" }).waitFor();
  await expectNoAxeViolations(light);
});

test("partners and clients are nodes around the account; a node leads to its page", async () => {
  for (const companyName of PARTNERS)
    await graphqlFrom(
      light,
      `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { userErrors { message } } }`,
      { input: { companyName, guest: true } },
    );
  const { viewer } = await graphqlFrom<{ viewer: { currentMember: { id: string } } }>(
    light,
    "{ viewer { currentMember { id } } }",
  );
  const invited = await graphqlFrom<{ inviteClient: { userErrors: { message: string }[] } }>(
    light,
    `mutation($input: InviteClientInput!) { inviteClient(input: $input) { userErrors { message } } }`,
    { input: { ...CLIENT, teamMemberIds: [viewer.currentMember.id] } },
  );
  expect(invited.inviteClient.userErrors).toEqual([]);

  await light.goto("/network");
  const map = networkMap(light);
  await map.waitFor();
  for (const name of PARTNERS)
    await map
      .getByRole("link", { name: `${name}: partner, active: 0 active people, 0 pending` })
      .waitFor();
  // The invited client: its team is the owner, its invitation waits for an answer.
  await map
    .getByRole("link", {
      name: `${CLIENT.name}: client, invited: 1 active in its team, 1 pending invitation`,
    })
    .waitFor();
  await main(light).getByTestId("network-summary").getByText("2 partners and 1 client.").waitFor();
  await expectNoAxeViolations(light);

  await main(light).getByRole("button", { name: "Zoom in" }).click();
  await map.getByRole("link", { name: new RegExp(`^${PARTNERS[0]}:`) }).click();
  await light.waitForURL("**/partners/*");
  await main(light).getByRole("heading", { level: 1, name: PARTNERS[0] }).waitFor();
});

test("the table lists every node with its counts and link, and the view is in the URL", async () => {
  await light.goto("/network");
  await networkMap(light).waitFor();
  await main(light).getByText("Table", { exact: true }).click();
  await light.waitForURL("**/network?view=table");
  const table = main(light).getByRole("table", { name: "Partners and clients" });
  await table.waitFor();
  const client = table.getByRole("row").filter({ hasText: CLIENT.name });
  await client.getByRole("cell", { name: "Invited" }).waitFor();
  expect(await client.getByRole("cell").allTextContents()).toEqual(["Client", "Invited", "1", "1"]);
  expect(await table.getByRole("row").count()).toBe(4);
  await expectNoAxeViolations(light);

  await light.reload();
  await table.waitFor();
  await table.getByRole("link", { name: CLIENT.name }).click();
  await main(light).getByRole("heading", { level: 1, name: CLIENT.name }).waitFor();
});

test("axe passes on the map, the table and a list page in the dark scheme the system asks for", async () => {
  const dark = await browser.newContext({
    baseURL: baseUrl(),
    colorScheme: "dark",
    storageState: await lightContext.storageState(),
  });
  try {
    const page = await dark.newPage();
    // A choice made in the other context would override the system setting: none here.
    await page.goto("/network");
    await networkMap(page).waitFor();
    expect(await colorScheme(page)).toBe("dark");
    await expect(page.getByRole("switch", { name: "Dark mode" }).isChecked()).resolves.toBe(true);
    await expectNoAxeViolations(page);
    await page.goto("/network?view=table");
    await main(page).getByRole("table", { name: "Partners and clients" }).waitFor();
    await expectNoAxeViolations(page);
    await page.goto("/partners");
    await main(page).getByRole("table", { name: "Partners" }).waitFor();
    await expectNoAxeViolations(page);
  } finally {
    await dark.close();
  }
});

test("a list page passes axe in the light scheme; the switch turns dark mode on and it stays on", async () => {
  await light.goto("/partners");
  await main(light).getByRole("table", { name: "Partners" }).waitFor();
  expect(await colorScheme(light)).toBe("light");
  await expectNoAxeViolations(light);

  await light.getByRole("switch", { name: "Dark mode" }).click();
  await light.locator('html[data-mantine-color-scheme="dark"]').waitFor({ state: "attached" });
  await light.reload();
  await main(light).getByRole("table", { name: "Partners" }).waitFor();
  // The choice outlasts a reload although the system still asks for light.
  expect(await colorScheme(light)).toBe("dark");
  await expectNoAxeViolations(light);
  await light.getByRole("switch", { name: "Dark mode" }).click();
  await light.locator('html[data-mantine-color-scheme="light"]').waitFor({ state: "attached" });
});
