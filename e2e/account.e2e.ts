/**
 * Account administration end to end: an owner signs up, adds a partner and an
 * administrator (who joins through a user invitation), renames nothing but checks a
 * handle, transfers ownership to the administrator and sees their own role change;
 * then, now an administrator, downloads the backup, and the test opens the ZIP and
 * reads the partner CSV. Axe runs on each page and dialog.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import yauzl from "yauzl";
import { expectNoAxeViolations } from "./support/axe";
import { baseUrl, launchBrowser } from "./support/browser";
import { graphqlFrom } from "./support/graphql";
import { invitePathFor } from "./support/mailbox";
import { main, signUp } from "./support/steps";

const stamp = Date.now();
const PASSWORD = "correct horse battery staple";
const OWNER = {
  name: "Olga Owner",
  email: `olga-${stamp}@owner-co.example`,
  company: `Owner Co ${stamp}`,
};
const ADMIN = { name: `Adam Admin ${stamp}`, email: `adam-${stamp}@owner-co.example` };
const PARTNER_NAME = `Backup Partner ${stamp}`;

let browser: Browser;
let ownerContext: BrowserContext;
let adminContext: BrowserContext;
let ownerPage: Page;
let adminPage: Page;
let downloadDir: string;

/** Every entry of a ZIP file as text. */
function readZip(file: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = new Map<string, string>();
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            entries.set(entry.fileName, Buffer.concat(chunks).toString("utf8"));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(entries));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
  ownerContext = await browser.newContext({ baseURL: baseUrl(), acceptDownloads: true });
  adminContext = await browser.newContext({ baseURL: baseUrl() });
  ownerPage = await ownerContext.newPage();
  adminPage = await adminContext.newPage();
  downloadDir = await mkdtemp(path.join(tmpdir(), "pn-e2e-backup-"));
});

afterAll(async () => {
  await ownerContext?.close();
  await adminContext?.close();
  await browser?.close();
  if (downloadDir) await rm(downloadDir, { recursive: true, force: true });
});

test("an owner signs up, adds a partner, and an administrator joins by invitation", async () => {
  await signUp(ownerPage, { ...OWNER, password: PASSWORD });

  await graphqlFrom(
    ownerPage,
    `mutation($name: String!) { createPartner(input: { companyName: $name }) { partner { id } } }`,
    { name: PARTNER_NAME },
  );
  const { inviteUsers } = await graphqlFrom<{ inviteUsers: { userErrors: { message: string }[] } }>(
    ownerPage,
    `mutation($input: InviteUsersInput!) { inviteUsers(input: $input) { userErrors { message } } }`,
    { input: { invitees: [{ email: ADMIN.email, role: "ADMINISTRATOR" }] } },
  );
  expect(inviteUsers.userErrors).toEqual([]);

  const invitePath = await invitePathFor(ownerPage, ADMIN.email);
  await adminPage.goto(invitePath);
  await adminPage.getByRole("heading", { level: 1 }).first().waitFor();
  const { acceptInvitation } = await graphqlFrom<{
    acceptInvitation: { userErrors: { message: string }[] };
  }>(
    adminPage,
    `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userErrors { message } } }`,
    { input: { token: invitePath.split("/").pop(), name: ADMIN.name, password: PASSWORD } },
  );
  expect(acceptInvitation.userErrors).toEqual([]);
});

test("the owner sees the account settings and checks a handle's availability", async () => {
  await ownerPage.goto("/settings");
  const account = main(ownerPage).getByRole("region", { name: "Account" });
  await account.getByTestId("viewer-role").filter({ hasText: "Owner" }).waitFor();
  await main(ownerPage).getByRole("region", { name: "Transfer ownership" }).waitFor();
  await main(ownerPage).getByRole("region", { name: "Backup" }).waitFor();
  await expectNoAxeViolations(ownerPage);

  // The demo account holds "acme-demo": taken, said while typing.
  const handle = account.getByRole("textbox", { name: "Account ID" });
  await handle.fill("acme-demo");
  await account.getByText("Another account uses this account ID.").first().waitFor();
  await handle.fill(`owner-renamed-${stamp}`);
  await account.getByText(`owner-renamed-${stamp} is available.`).first().waitFor();
  await expectNoAxeViolations(ownerPage);
});

test("the owner transfers ownership to the administrator and sees their own role change", async () => {
  await ownerPage.goto("/settings");
  const transfer = main(ownerPage).getByRole("region", { name: "Transfer ownership" });
  await transfer.getByRole("combobox", { name: "New owner" }).click();
  await transfer.getByRole("option", { name: new RegExp(ADMIN.name) }).click();
  await transfer.getByRole("button", { name: "Transfer ownership…" }).click();

  const dialog = ownerPage.getByRole("dialog", { name: "Transfer ownership" });
  await dialog
    .getByText(`You will become an administrator; ${ADMIN.name} becomes the owner.`)
    .waitFor();
  await expectNoAxeViolations(ownerPage);

  await dialog.getByLabel("Your password").fill("not my password at all");
  await dialog.getByRole("button", { name: "Transfer ownership" }).click();
  await dialog.getByText("That password is not right.").waitFor();

  await dialog.getByLabel("Your password").fill(PASSWORD);
  await dialog.getByRole("button", { name: "Transfer ownership" }).click();
  await dialog.waitFor({ state: "hidden" });

  const account = main(ownerPage).getByRole("region", { name: "Account" });
  await account.getByTestId("viewer-role").filter({ hasText: "Administrator" }).waitFor();
  expect(await main(ownerPage).getByRole("region", { name: "Transfer ownership" }).count()).toBe(0);
  await expectNoAxeViolations(ownerPage);

  // The Members page agrees: the administrator owns the account now.
  await ownerPage.goto("/members");
  await main(ownerPage)
    .getByRole("row")
    .filter({ hasText: ADMIN.email })
    .getByText("Owner", { exact: true })
    .waitFor();
  await main(ownerPage)
    .getByRole("row")
    .filter({ hasText: OWNER.email })
    .getByText("Administrator", { exact: true })
    .waitFor();

  await adminPage.goto("/settings");
  await main(adminPage)
    .getByRole("region", { name: "Account" })
    .getByTestId("viewer-role")
    .filter({ hasText: "Owner" })
    .waitFor();
  await main(adminPage).getByRole("region", { name: "Transfer ownership" }).waitFor();
});

test("an administrator downloads the backup, and the ZIP holds the partner CSV", async () => {
  // The former owner is an administrator now.
  await ownerPage.goto("/settings");
  const backup = main(ownerPage).getByRole("region", { name: "Backup" });
  const [download] = await Promise.all([
    ownerPage.waitForEvent("download"),
    backup.getByRole("button", { name: "Download backup" }).click(),
  ]);
  await backup
    .getByTestId("backup-progress")
    .filter({ hasText: /^Saved .+-backup-\d{4}-\d\d-\d\d\.zip/ })
    .waitFor();
  expect(download.suggestedFilename()).toMatch(/-backup-\d{4}-\d\d-\d\d\.zip$/);
  const file = path.join(downloadDir, download.suggestedFilename());
  await download.saveAs(file);
  await expectNoAxeViolations(ownerPage);

  const entries = await readZip(file);
  expect([...entries.keys()]).toEqual(
    expect.arrayContaining(["account.json", "members.csv", "partners.csv", "invitations.csv"]),
  );
  const partners = entries.get("partners.csv")!.split("\r\n").filter(Boolean);
  expect(partners[0]).toMatch(/^id,company_name,/);
  expect(partners.slice(1).map((line) => line.split(",")[1])).toEqual([PARTNER_NAME]);
  expect(JSON.parse(entries.get("account.json")!)).toMatchObject({
    name: OWNER.company,
    plan: "FREE",
  });
  const members = entries.get("members.csv")!;
  expect(members).toContain(OWNER.email);
  expect(members).toContain(ADMIN.email);
});

test("the new owner sees the seat effect before archiving an internal member", async () => {
  await adminPage.goto("/members");
  const table = main(adminPage).getByRole("table", { name: "Active members" });
  await table.getByRole("button", { name: OWNER.name }).click();
  const panel = adminPage.getByRole("dialog", { name: OWNER.name });
  await panel.getByRole("button", { name: "Archive" }).click();
  // Free plan: the two of them use 2 of 3 seats.
  await panel
    .getByTestId("seat-effect")
    .filter({ hasText: "This frees 1 seat: 1 of 3 used." })
    .waitFor();
  await expectNoAxeViolations(adminPage);
  await panel.getByRole("button", { name: "Cancel" }).click();
  await panel.getByRole("button", { name: "Archive" }).waitFor();
});

test("an administrator cannot switch off the owner's login: the control is disabled and the API refuses", async () => {
  // The former owner (an administrator now) looks at the new owner.
  await ownerPage.goto("/members");
  const table = main(ownerPage).getByRole("table", { name: "Active members" });
  await table.getByRole("button", { name: ADMIN.name }).click();
  const panel = ownerPage.getByRole("dialog", { name: ADMIN.name });
  const login = panel.getByRole("switch", { name: "Can log in" });
  await login.waitFor();
  expect(await login.isDisabled()).toBe(true);
  expect(await login.isChecked()).toBe(true);
  await panel.getByText("Only the owner changes the owner's login.").waitFor();
  await panel.getByText(/The owner cannot be archived or removed/).waitFor();
  expect(await panel.getByRole("button", { name: "Archive" }).count()).toBe(0);
  await expectNoAxeViolations(ownerPage);

  const { viewer } = await graphqlFrom<{
    viewer: { currentAccount: { members: { nodes: { id: string; role: string }[] } } };
  }>(
    ownerPage,
    `query($search: String) { viewer { currentAccount { members(first: 5, filter: { search: $search }) { nodes { id role } } } } }`,
    { search: ADMIN.email },
  );
  const [owner] = viewer.currentAccount.members.nodes;
  expect(owner?.role).toBe("OWNER");
  const { updateMember } = await graphqlFrom<{
    updateMember: { member: null; userErrors: { field: string[]; code: string }[] };
  }>(
    ownerPage,
    `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { member { id } userErrors { field code } } }`,
    { input: { memberId: owner!.id, canLogin: false } },
  );
  expect(updateMember).toEqual({
    member: null,
    userErrors: [{ field: ["canLogin"], code: "FORBIDDEN" }],
  });

  // The owner is still signed in and can still use the account.
  await adminPage.goto("/members");
  await main(adminPage).getByRole("table", { name: "Active members" }).waitFor();
  const { viewer: ownerView } = await graphqlFrom<{
    viewer: { currentMember: { canLogin: boolean } };
  }>(adminPage, `{ viewer { currentMember { canLogin } } }`);
  expect(ownerView.currentMember.canLogin).toBe(true);
});
