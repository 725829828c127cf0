/**
 * The partner network end to end, with two companies in two browser contexts:
 * A is the demo owner in "Acme Demo"; B signs up a new account, and two colleagues
 * join B through user invitations. A invites B by its account ID, B opens the emailed link
 * and accepts on the invitation page by linking its account, A activates B's people in bulk, changes one's login in the side panel,
 * then removes B from the network: B's people are archived in A and B's Clients page
 * shows the link as removed. Axe runs on every page visited.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectNoAxeViolations } from "./support/axe";
import { baseUrl, launchBrowser } from "./support/browser";
import { graphqlFrom } from "./support/graphql";
import { invitePathFor } from "./support/mailbox";
import { DEMO_OWNER, logIn, main, signUp } from "./support/steps";

const stamp = Date.now();
const DEMO_ACCOUNT = "Acme Demo";
const PASSWORD = "correct horse battery staple";
const B = {
  name: "Bea Boss",
  email: `bea-${stamp}@b-co.example`,
  company: `B Co ${stamp}`,
};
const COLLEAGUES = [
  { name: `Cal Colleague ${stamp}`, email: `cal-${stamp}@b-co.example` },
  { name: `Dee Colleague ${stamp}`, email: `dee-${stamp}@b-co.example` },
];

let browser: Browser;
let contextA: BrowserContext;
let contextB: BrowserContext;
let pageA: Page;
let pageB: Page;
/** A colleague of B who logs in and works inside A until the partnership ends. */
let colleagueContext: BrowserContext | undefined;
let colleaguePage: Page;
/** B's account, read from the API once B has signed up. */
let accountB: { id: string; handle: string };

async function heading(page: Page, name: string) {
  await main(page).getByRole("heading", { level: 1, name }).waitFor();
}

beforeAll(async () => {
  browser = await launchBrowser();
  contextA = await browser.newContext({ baseURL: baseUrl() });
  contextB = await browser.newContext({ baseURL: baseUrl() });
  pageA = await contextA.newPage();
  pageB = await contextB.newPage();
});

afterAll(async () => {
  await colleagueContext?.close();
  await contextA?.close();
  await contextB?.close();
  await browser?.close();
});

test("A: the demo owner logs in and sees Partners and Clients", async () => {
  await logIn(pageA, DEMO_OWNER);
  await main(pageA)
    .getByRole("tab", { name: /^Pending/ })
    .waitFor();
  await expectNoAxeViolations(pageA);

  await pageA
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Partners" })
    .click();
  await heading(pageA, "Partners");
  // In the header (and, while there are no partners, in the empty state too).
  await main(pageA).getByRole("button", { name: "Invite partner" }).first().waitFor();
  await expectNoAxeViolations(pageA);

  await pageA
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Clients" })
    .click();
  await heading(pageA, "Clients");
  await expectNoAxeViolations(pageA);
});

test("B: a new company signs up and two colleagues join it", async () => {
  await signUp(pageB, { ...B, password: PASSWORD });

  const { viewer } = await graphqlFrom<{
    viewer: { currentAccount: { id: string; handle: string } };
  }>(pageB, "{ viewer { currentAccount { id handle } } }");
  accountB = viewer.currentAccount;
  expect(accountB.handle).toMatch(/^[a-z0-9-]+$/);

  const { inviteUsers } = await graphqlFrom<{
    inviteUsers: { invitations: { id: string }[]; userErrors: { message: string }[] };
  }>(
    pageB,
    `mutation Invite($input: InviteUsersInput!) {
      inviteUsers(input: $input) { invitations { id } userErrors { message } }
    }`,
    { input: { invitees: COLLEAGUES.map(({ email }) => ({ email, role: "EDITOR" })) } },
  );
  expect(inviteUsers.userErrors).toEqual([]);
  expect(inviteUsers.invitations).toHaveLength(2);

  // Each colleague accepts in their own browser, as a new user.
  for (const colleague of COLLEAGUES) {
    const path = await invitePathFor(pageB, colleague.email, "/invite/");
    const context = await browser.newContext({ baseURL: baseUrl() });
    try {
      const page = await context.newPage();
      await page.goto(path);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      const { acceptInvitation } = await graphqlFrom<{
        acceptInvitation: { userErrors: { message: string }[] };
      }>(
        page,
        `mutation Accept($input: AcceptInvitationInput!) {
          acceptInvitation(input: $input) { userErrors { message } }
        }`,
        { input: { token: path.split("/").pop(), name: colleague.name, password: PASSWORD } },
      );
      expect(acceptInvitation.userErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }

  await pageB.goto("/members");
  for (const colleague of COLLEAGUES) {
    await main(pageB).getByRole("row").filter({ hasText: colleague.email }).waitFor();
  }
});

test("A invites B by its account ID in the Invite partner dialog", async () => {
  await pageA.goto("/partners");
  await main(pageA).getByRole("button", { name: "Invite partner" }).first().click();
  const dialog = pageA.getByRole("dialog", { name: "Invite partner" });
  // The segmented control's radios are visually hidden behind their labels.
  await dialog.getByText("Account ID", { exact: true }).click();
  expect(await dialog.getByRole("radio", { name: "Account ID" }).isChecked()).toBe(true);
  await dialog.getByRole("textbox", { name: "Account ID" }).fill(accountB.handle);
  await dialog.getByRole("textbox", { name: "Contact name" }).fill(B.name);
  await dialog.getByRole("checkbox", { name: "Allow login" }).check();
  await expectNoAxeViolations(pageA);
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await dialog.waitFor({ state: "hidden" });

  const row = main(pageA).getByRole("row").filter({ hasText: B.company });
  await row.getByText("Invited").waitFor();
  await expectNoAxeViolations(pageA);
});

test("B opens the emailed link and accepts by linking its account", async () => {
  const path = await invitePathFor(pageB, B.email, DEMO_ACCOUNT);
  await pageB.goto(path);
  await heading(pageB, `Become a partner of ${DEMO_ACCOUNT}`);
  await main(pageB)
    .getByText(/invites your company to its partner network/)
    .waitFor();
  // B administers one account: it is chosen already.
  const choice = main(pageB).getByRole("radiogroup", { name: "Your company" });
  await expect(choice.getByRole("radio", { name: B.company }).isChecked()).resolves.toBe(true);
  await expectNoAxeViolations(pageB);

  await main(pageB).getByRole("button", { name: "Accept invitation" }).click();
  // The app opens on B's clients, with A among them.
  await pageB.waitForURL("**/clients");
  await heading(pageB, "Clients");
  await pageB.getByRole("button", { name: `Account: ${B.company}` }).waitFor();
  const row = main(pageB).getByRole("row").filter({ hasText: DEMO_ACCOUNT });
  await row.getByText("Active").waitFor();
  await row.getByRole("button", { name: `Remove ${DEMO_ACCOUNT} from network` }).waitFor();
  await expectNoAxeViolations(pageB);

  // The link works once.
  await pageB.goto(path);
  await heading(pageB, "This invitation was used already");
});

test("A sees B's people on Pending, filters by B and activates two in bulk", async () => {
  await pageA.goto("/members");
  await main(pageA)
    .getByRole("tab", { name: /^Pending/ })
    .click();
  const partner = main(pageA).getByRole("combobox", { name: "Partner" });
  await partner.click();
  await partner.fill(B.company);
  await pageA.getByRole("option", { name: B.company }).click();

  const table = main(pageA).getByRole("table", { name: "Pending members" });
  for (const email of [B.email, ...COLLEAGUES.map((c) => c.email)]) {
    await table.getByRole("row").filter({ hasText: email }).waitFor();
  }
  expect(await table.getByRole("row").count()).toBe(4); // the header and B's three people
  await expectNoAxeViolations(pageA);

  for (const colleague of COLLEAGUES) {
    await table.getByRole("checkbox", { name: `Select ${colleague.name}` }).check();
  }
  await main(pageA).getByText("2 selected").waitFor();
  await main(pageA).getByRole("button", { name: "Activate" }).click();
  await main(pageA).getByRole("status").filter({ hasText: "2 members activated" }).waitFor();
  // Only B's owner is still pending.
  await table
    .getByRole("row")
    .filter({ hasText: COLLEAGUES[0]!.email })
    .waitFor({ state: "detached" });
  expect(await table.getByRole("row").count()).toBe(2);
  await expectNoAxeViolations(pageA);
});

test("A turns one colleague's login off in the side panel", async () => {
  const colleague = COLLEAGUES[0]!;
  await main(pageA)
    .getByRole("tab", { name: /^Active/ })
    .click();
  await main(pageA).getByRole("searchbox", { name: "Search" }).fill(colleague.email);
  const table = main(pageA).getByRole("table", { name: "Active members" });
  await table.getByRole("button", { name: colleague.name }).click();

  const panel = pageA.getByRole("dialog", { name: colleague.name });
  const role = panel.getByRole("textbox", { name: "Role" });
  await expect(role.inputValue()).resolves.toBe("External collaborator");
  const login = panel.getByRole("switch", { name: "Can log in" });
  await expect(login.isChecked()).resolves.toBe(true);
  await expectNoAxeViolations(pageA);

  await login.uncheck();
  await panel.getByRole("button", { name: "Save changes" }).click();
  await panel.getByText("Changes saved.").waitFor();
  await expect(login.isChecked()).resolves.toBe(false);
  await pageA.keyboard.press("Escape");
  await panel.waitFor({ state: "hidden" });
});

test("B's colleague with login logs in and switches to A in the account selector", async () => {
  const colleague = COLLEAGUES[1]!;
  colleagueContext = await browser.newContext({ baseURL: baseUrl() });
  colleaguePage = await colleagueContext.newPage();
  await logIn(colleaguePage, { email: colleague.email, password: PASSWORD });
  await colleaguePage.getByRole("button", { name: /^Account: / }).click();
  await colleaguePage.getByRole("menuitem", { name: DEMO_ACCOUNT }).click();
  await colleaguePage.getByRole("button", { name: `Account: ${DEMO_ACCOUNT}` }).waitFor();
  // Inside A an external collaborator sees only their own record.
  await main(colleaguePage).getByText(colleague.email).waitFor();
  await expectNoAxeViolations(colleaguePage);
});

test("A removes B from the network: 3 people are archived, and B's Clients page shows it", async () => {
  await pageA.goto("/partners");
  await main(pageA).getByRole("link", { name: B.company }).click();
  await heading(pageA, B.company);
  const people = main(pageA).getByRole("region", { name: "People" });
  await people.getByRole("row").filter({ hasText: B.email }).waitFor();
  await expectNoAxeViolations(pageA);

  await main(pageA).getByRole("button", { name: "Remove from network" }).click();
  const dialog = pageA.getByRole("dialog", { name: "Remove from network" });
  // Two active colleagues and B's pending owner.
  await dialog.getByText("3 people will be archived.").waitFor();
  await expectNoAxeViolations(pageA);
  await dialog.getByRole("button", { name: "Remove from network" }).click();
  await main(pageA)
    .getByText(/is no longer your partner; 3 people were archived\./)
    .waitFor();
  for (const email of [B.email, ...COLLEAGUES.map((c) => c.email)]) {
    await people.getByRole("row").filter({ hasText: email }).getByText("Archived").waitFor();
  }
  await expectNoAxeViolations(pageA);

  await pageA.goto("/members");
  await main(pageA)
    .getByRole("tab", { name: /^Archived/ })
    .click();
  await main(pageA).getByRole("searchbox", { name: "Search" }).fill(`${stamp}@b-co.example`);
  const archived = main(pageA).getByRole("table", { name: "Archived members" });
  await archived.getByRole("row").filter({ hasText: B.email }).waitFor();
  expect(await archived.getByRole("row").filter({ hasText: B.company }).count()).toBe(3);
  await expectNoAxeViolations(pageA);

  // The colleague's session in A ended with the partnership: their next request is signed out.
  await colleaguePage.reload();
  await colleaguePage.waitForURL(/\/login/);

  await pageB.goto("/clients");
  await heading(pageB, "Clients");
  const row = main(pageB).getByRole("row").filter({ hasText: DEMO_ACCOUNT });
  await row.getByText("Removed").waitFor();
  expect(await row.getByRole("button").count()).toBe(0);
  await expectNoAxeViolations(pageB);
});
