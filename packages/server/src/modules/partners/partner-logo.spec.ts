import { Role } from "@pn/shared";
import { insertViewer } from "../../test-support/fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import { detectImageType } from "./partner-logo.routes";

let db: TestDatabase;
let app: TestApp;

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 1),
]);

async function tokenFor(role: Role, accountId?: string) {
  const member = await insertViewer(db.dataSource, role, accountId);
  app.actAs({ ...member.viewer, role: Role.OWNER });
  const created = await app.graphql<{ createApiToken: { secret: string } }>(
    `mutation { createApiToken(input: { name: "logo", scopes: [READ, WRITE] }) { secret } }`,
  );
  return { ...member, secret: created.body.data!.createApiToken.secret };
}

async function upload(
  partnerId: string,
  secret: string,
  file: Buffer,
  name = "logo.png",
  headers: Record<string, string> = { "apollo-require-preflight": "true" },
) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(file)]), name);
  const response = await fetch(`${app.url}/api/partners/${partnerId}/logo`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "x-test-real-auth": "1", ...headers },
    body: form,
  });
  return {
    status: response.status,
    body: (await response.json()) as { logoUrl?: string; error?: string },
  };
}

let admin: Awaited<ReturnType<typeof tokenFor>>;
let partnerId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db.dataSource);
  admin = await tokenFor(Role.ADMINISTRATOR);
  app.actAs(admin.viewer);
  const made = await app.graphql<{ createPartner: { partner: { id: string } } }>(
    `mutation { createPartner(input: { companyName: "Logo Co" }) { partner { id } } }`,
  );
  partnerId = made.body.data!.createPartner.partner.id;
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

async function storedLogo() {
  const [row] = await db.dataSource.query(
    "SELECT logo, logo_content_type FROM partners WHERE company_name = 'Logo Co'",
  );
  return row;
}

describe("partner logos", () => {
  it("detects image types from bytes", () => {
    expect(detectImageType(PNG)).toBe("image/png");
    expect(detectImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(detectImageType(Buffer.from("RIFF\0\0\0\0WEBPVP8 ", "latin1"))).toBe("image/webp");
    expect(detectImageType(Buffer.from("hello, I am text"))).toBeNull();
  });

  it("refuses a 600 KB file with 413 and a renamed text file with 415, changing nothing", async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(600 * 1024, 7)]);
    const tooBig = await upload(partnerId, admin.secret, big);
    expect(tooBig).toEqual({ status: 413, body: { error: "The logo must be at most 512 KB." } });
    const fake = await upload(
      partnerId,
      admin.secret,
      Buffer.from("definitely not an image"),
      "logo.png",
    );
    expect(fake).toEqual({
      status: 415,
      body: { error: "The logo must be a PNG, JPEG or WebP image." },
    });
    expect((await storedLogo()).logo).toBeNull();
  });

  it("needs the preflight header, a role that manages partners, and a partner of the caller's account", async () => {
    expect((await upload(partnerId, admin.secret, PNG, "a.png", {})).status).toBe(400);
    const editor = await tokenFor(Role.EDITOR, admin.accountId);
    // The token acts with its creator's current role: an EDITOR (who may write) may not manage partners.
    expect((await upload(partnerId, editor.secret, PNG)).status).toBe(403);
    const stranger = await tokenFor(Role.ADMINISTRATOR);
    expect((await upload(partnerId, stranger.secret, PNG)).status).toBe(404);
    expect((await storedLogo()).logo).toBeNull();
  });

  it("stores a PNG and serves it with caching headers at the partner's logoUrl", async () => {
    const stored = await upload(partnerId, admin.secret, PNG);
    expect(stored.status).toBe(200);
    expect(stored.body.logoUrl).toMatch(new RegExp(`^/api/partners/${partnerId}/logo\\?v=\\d+$`));
    app.actAs(admin.viewer);
    const partner = await app.graphql<{ node: { logoUrl: string } }>(
      `query($id: ID!) { node(id: $id) { ... on Partner { logoUrl } } }`,
      { id: partnerId },
    );
    expect(partner.body.data?.node.logoUrl).toBe(stored.body.logoUrl);

    const image = await fetch(`${app.url}${stored.body.logoUrl}`, {
      headers: { authorization: `Bearer ${admin.secret}`, "x-test-real-auth": "1" },
    });
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(image.headers.get("cache-control")).toContain("max-age=31536000");
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);
  });
});

describe("the partner ID in the path", () => {
  it.each([
    ["a NUL byte", "%00"],
    ["a line break", "abc%0D%0Adef"],
    ["10,000 characters", "a".repeat(10_000)],
  ])("with %s gets 400 from the input policy, never 500", async (_label, id) => {
    for (const method of ["GET", "POST"]) {
      const response = await fetch(`${app.url}/api/partners/${id}/logo`, {
        method,
        headers: { authorization: `Bearer ${admin.secret}`, "x-test-real-auth": "1" },
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(/^Partner ID /);
    }
  });
});
