/**
 * Webhooks end to end: an admin adds an endpoint in the SPA, copies its secret, a
 * change in the account reaches a receiver in this test process with a valid
 * Standard Webhooks signature, and the delivery log shows it.
 */
import AxeBuilder from "@axe-core/playwright";
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { baseUrl, launchBrowser } from "./support/browser";

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

async function expectNoAxeViolations() {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map(({ id, help, nodes }) => ({
      id,
      help,
      targets: nodes.map((n) => n.target),
    })),
  ).toEqual([]);
}

async function until<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The specification's check, written out here rather than imported from the server. */
function signatureIsValid(secret: string, message: Received): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signed = `${message.headers["webhook-id"]}.${message.headers["webhook-timestamp"]}.${message.body}`;
  const expected = `v1,${createHmac("sha256", key).update(signed).digest("base64")}`;
  return message.headers["webhook-signature"]?.split(" ").includes(expected) ?? false;
}

async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await page.request.post("/graphql", {
    data: { query, variables },
    headers: { "content-type": "application/json" },
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

test("an admin adds an endpoint, and an archived member reaches the receiver signed and logged", async () => {
  await page.goto("/login?next=%2Fwebhooks");
  await page.getByLabel("Email").fill("owner@acme.example");
  await page.getByLabel("Password").fill("partner-network-demo");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL("**/webhooks");
  await page.getByText("No webhook endpoints yet").waitFor();
  await expectNoAxeViolations();

  await page.getByRole("button", { name: "Add endpoint" }).click();
  const dialog = page.getByRole("dialog", { name: "Add webhook endpoint" });
  await dialog.getByRole("textbox", { name: "URL" }).fill(receiverUrl);
  await dialog.getByRole("textbox", { name: "Description" }).fill("E2E receiver");
  await dialog.getByRole("checkbox", { name: "member.archived" }).check();
  await expectNoAxeViolations();
  await dialog.getByRole("button", { name: "Add endpoint" }).click();

  const secretDialog = page.getByRole("dialog", { name: "Webhook endpoint added" });
  const secret = (await secretDialog.getByTestId("webhook-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^whsec_/);
  await expectNoAxeViolations();
  await secretDialog.getByRole("button", { name: "Done" }).click();
  await page.getByRole("table", { name: "Webhook endpoints" }).getByText(receiverUrl).waitFor();

  // Archive an active editor of the demo account through the API the SPA uses.
  const data = await graphql<{
    viewer: { currentAccount: { members: { nodes: { id: string; role: string }[] } } };
  }>(`
    {
      viewer {
        currentAccount {
          members(first: 50, filter: { status: [ACTIVE], type: INTERNAL }) {
            nodes {
              id
              role
            }
          }
        }
      }
    }
  `);
  const editor = data.viewer.currentAccount.members.nodes.find(
    (member) => member.role === "EDITOR",
  );
  expect(editor).toBeDefined();
  await graphql(
    `
      mutation ($ids: [ID!]!) {
        archiveMembers(input: { memberIds: $ids }) {
          userErrors {
            code
          }
        }
      }
    `,
    { ids: [editor!.id] },
  );

  const message = await until("the webhook", () =>
    received.find((entry) => entry.body.includes("member.archived")),
  );
  expect(signatureIsValid(secret, message)).toBe(true);
  expect(JSON.parse(message.body)).toMatchObject({
    type: "member.archived",
    data: { id: editor!.id },
  });

  await page.getByRole("button", { name: `Deliveries of ${receiverUrl}` }).click();
  const log = page.getByRole("table", { name: "Deliveries" });
  await log.getByText("member.archived").waitFor();
  await log.getByText("Delivered").waitFor();
  await expectNoAxeViolations();
});
