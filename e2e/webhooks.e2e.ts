/**
 * Webhooks end to end: an owner adds an endpoint in the SPA, copies its secret, a
 * change in the account reaches a receiver in this test process with a valid
 * Standard Webhooks signature, and the delivery log shows it.
 */
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectNoAxeViolations } from "./support/axe";
import { baseUrl, launchBrowser } from "./support/browser";
import { graphqlFrom } from "./support/graphql";
import { signUp } from "./support/steps";
import { until } from "./support/until";

type Received = { headers: Record<string, string>; body: string };

let browser: Browser;
let context: BrowserContext;
let page: Page;
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ headers: request.headers as Record<string, string>, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/partner-network`;
  browser = await launchBrowser();
  context = await browser.newContext({ baseURL: baseUrl() });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

/** The specification's check, written out here rather than imported from the server. */
function signatureIsValid(secret: string, message: Received): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signed = `${message.headers["webhook-id"]}.${message.headers["webhook-timestamp"]}.${message.body}`;
  const expected = `v1,${createHmac("sha256", key).update(signed).digest("base64")}`;
  return message.headers["webhook-signature"]?.split(" ").includes(expected) ?? false;
}

test("an owner adds an endpoint, and an invitation reaches the receiver signed and logged", async () => {
  // A fresh account of its own, so no other test's data changes under it.
  const stamp = Date.now();
  await signUp(page, {
    name: "Wanda Webhook",
    email: `webhooks-${stamp}@example.test`,
    password: "correct horse battery staple",
    company: `Hooked ${stamp}`,
  });

  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Webhooks" })
    .click();
  await page.waitForURL("**/webhooks");
  await page.getByText("No webhook endpoints yet").waitFor();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Add endpoint" }).click();
  const dialog = page.getByRole("dialog", { name: "Add webhook endpoint" });
  await dialog.getByRole("textbox", { name: "URL" }).fill(receiverUrl);
  await dialog.getByRole("textbox", { name: "Description" }).fill("E2E receiver");
  await dialog.getByRole("checkbox", { name: "invitation.created" }).check();
  await expectNoAxeViolations(page);
  await dialog.getByRole("button", { name: "Add endpoint" }).click();

  const secretDialog = page.getByRole("dialog", { name: "Webhook endpoint added" });
  const secret = (await secretDialog.getByTestId("webhook-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^whsec_/);
  await expectNoAxeViolations(page);
  await secretDialog.getByRole("button", { name: "Done" }).click();
  await page.getByRole("table", { name: "Webhook endpoints" }).getByText(receiverUrl).waitFor();

  // Invite someone through the API the SPA uses.
  const invited = await graphqlFrom<{
    inviteUsers: { invitations: { id: string }[]; userErrors: unknown[] };
  }>(
    page,
    `mutation { inviteUsers(input: { invitees: [{ email: "hooked-${stamp}@example.test", role: VIEWER }] }) { invitations { id } userErrors { code } } }`,
  );
  expect(invited.inviteUsers.userErrors).toEqual([]);
  const invitationId = invited.inviteUsers.invitations[0]!.id;

  const message = await until(
    "the webhook",
    () => received.find((entry) => entry.body.includes(invitationId)),
    30_000,
  );
  expect(signatureIsValid(secret, message)).toBe(true);
  expect(JSON.parse(message.body)).toMatchObject({
    type: "invitation.created",
    data: { id: invitationId },
  });
  expect(message.body).not.toContain("/invite/");

  // The receiver has the message; the server records DELIVERED once its answer is in.
  await until(
    "the delivery recorded",
    async () => {
      const data = await graphqlFrom<{
        viewer: {
          currentAccount: { webhookEndpoints: { deliveries: { nodes: { status: string }[] } }[] };
        };
      }>(
        page,
        "{ viewer { currentAccount { webhookEndpoints { deliveries(first: 5) { nodes { status } } } } } }",
      );
      const statuses = data.viewer.currentAccount.webhookEndpoints.flatMap((endpoint) =>
        endpoint.deliveries.nodes.map((node) => node.status),
      );
      return statuses.includes("DELIVERED");
    },
    30_000,
  );
  await page.getByRole("button", { name: `Deliveries of ${receiverUrl}` }).click();
  const log = page.getByRole("table", { name: "Deliveries" });
  await log.getByText("invitation.created").waitFor();
  await log.getByText("Delivered").waitFor();
  await expectNoAxeViolations(page);
});
