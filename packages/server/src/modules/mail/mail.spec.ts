/**
 * Email delivery end to end inside the test process: a real SMTP server
 * (smtp-server), the real pg-boss worker, and the invitation link followed
 * through acceptInvitation.
 */
import { Plan, Role } from "@pn/shared";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { sealKeyFrom } from "../../crypto/sealed-box";
import { createLogger } from "../../logger";
import { insertViewer } from "../../test-support/fixtures";
import { startTestApp, type TestApp } from "../../test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import { waitFor as waitForCondition, type Probe } from "../../test-support/wait-for";
import { startJobRunner } from "../../jobs/job-runner";
import { createTransport, startMailSystem, type MailSystem } from "./mail-worker";

type Received = { to: string; raw: string };

let db: TestDatabase;
let smtp: SMTPServer;
let smtpPort: number;
const inbox: Received[] = [];
const key = sealKeyFrom("mail-spec-secret");
const logger = createLogger("silent");

function startSmtp(port = 0): Promise<number> {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw });
        callback();
      });
    },
  });
  return new Promise((resolve) =>
    smtp.listen(port, "127.0.0.1", () => resolve((smtp.server.address() as AddressInfo).port)),
  );
}

function stopSmtp(): Promise<void> {
  return new Promise((resolve) => smtp.close(() => resolve()));
}

/** A mail system on a job runner of its own, as a process has; stopping it stops both. */
async function startMail(
  retry: { retryDelaySeconds: number; retryBackoff?: boolean } = {
    retryDelaySeconds: 1,
    retryBackoff: false,
  },
): Promise<MailSystem> {
  const jobs = await startJobRunner({ databaseUrl: db.url, dataSource: db.dataSource, logger });
  const system = await startMailSystem({
    jobs,
    dataSource: db.dataSource,
    transport: createTransport(`smtp://127.0.0.1:${smtpPort}`, logger),
    from: "Partner Network <no-reply@example.test>",
    logger,
    ...retry,
    sealKey: key,
  });
  return {
    ...system,
    async stop() {
      await system.stop();
      await jobs.stop();
    },
  };
}

/** The invitation link in a received message (quoted-printable soft breaks undone). */
function linkIn(message: Received): string {
  const decoded = message.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  const match = /https:\/\/pn\.example\.test\/invite\/([A-Za-z0-9_-]{43})/.exec(decoded);
  if (!match) throw new Error(`no invitation link in:\n${decoded}`);
  return match[1]!;
}

/** Emails here are expected within 20 s unless a call says otherwise. */
const waitFor = <T>(what: string, probe: Probe<T>, timeoutMs = 20_000) =>
  waitForCondition(what, probe, timeoutMs);

async function deliveryOf(email: string): Promise<string> {
  const [row] = await db.dataSource.query("SELECT delivery FROM invitations WHERE email = $1", [
    email,
  ]);
  return row?.delivery;
}

const INVITE = `mutation($email: String!) { inviteUsers(input: { invitees: [{ email: $email, role: VIEWER }] }) { invitations { id } userErrors { code } } }`;

beforeAll(async () => {
  db = await createTestDatabase();
  smtpPort = await startSmtp();
});

afterAll(async () => {
  await stopSmtp().catch(() => undefined);
  await db?.drop();
});

describe("invitation email", () => {
  let mail: MailSystem;
  let app: TestApp;

  afterEach(async () => {
    await app?.close();
    await mail?.stop();
  });

  it("arrives over SMTP with text and HTML parts, and its link accepts the invitation", async () => {
    mail = await startMail();
    await mail.startWorker();
    app = await startTestApp(db.dataSource, {
      mail: mail.queue,
      appUrl: "https://pn.example.test",
    });
    const admin = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
    app.actAs(admin.viewer);
    await app.graphql(INVITE, { email: "smtp-invitee@example.test" });

    const message = await waitFor("the email", () =>
      inbox.find((m) => m.to === "smtp-invitee@example.test"),
    );
    expect(message.raw).toMatch(/Content-Type: text\/plain/i);
    expect(message.raw).toMatch(/Content-Type: text\/html/i);
    expect(message.raw).toMatch(/expires at/);
    expect(message.raw).not.toContain("{{link}}");
    await waitFor("SENT", async () =>
      (await deliveryOf("smtp-invitee@example.test")) === "SENT" ? true : undefined,
    );

    const visitor = app.client();
    const accepted = await visitor.graphql<{
      acceptInvitation: { member: { email: string; status: string } };
    }>(
      `mutation($token: String!) { acceptInvitation(input: { token: $token, name: "Via Mail", password: "a good long password" }) { member { email status } } }`,
      { token: linkIn(message) },
    );
    expect(accepted.body.data?.acceptInvitation.member).toEqual({
      email: "smtp-invitee@example.test",
      status: "ACTIVE",
    });
  });

  it("retries while SMTP is down, ends FAILED after 5 attempts, and Resend delivers once it is back", async () => {
    await stopSmtp();
    mail = await startMail();
    await mail.startWorker();
    app = await startTestApp(db.dataSource, {
      mail: mail.queue,
      appUrl: "https://pn.example.test",
    });
    const admin = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
    await db.dataSource.query("UPDATE accounts SET plan = $2 WHERE id = $1", [
      admin.accountId,
      Plan.TEAM,
    ]);
    app.actAs(admin.viewer);
    const invited = await app.graphql<{ inviteUsers: { invitations: { id: string }[] } }>(INVITE, {
      email: "down@example.test",
    });
    const id = invited.body.data!.inviteUsers.invitations[0]!.id;

    await waitFor(
      "FAILED",
      async () => ((await deliveryOf("down@example.test")) === "FAILED" ? true : undefined),
      30_000,
    );
    const [outbox] = await db.dataSource.query(
      "SELECT attempts, status, last_error FROM outbox WHERE to_address = 'down@example.test'",
    );
    expect(outbox).toMatchObject({ attempts: 5, status: "FAILED" });
    expect(outbox.last_error).toEqual(expect.any(String));

    await startSmtp(smtpPort);
    const resent = await app.graphql<{ resendInvitation: { invitation: { delivery: string } } }>(
      `mutation($id: ID!) { resendInvitation(input: { invitationId: $id }) { invitation { delivery } } }`,
      { id },
    );
    expect(resent.body.data?.resendInvitation.invitation.delivery).toBe("QUEUED");
    await waitFor("the resent email", () => inbox.find((m) => m.to === "down@example.test"));
    await waitFor("SENT", async () =>
      (await deliveryOf("down@example.test")) === "SENT" ? true : undefined,
    );
    expect(inbox.filter((m) => m.to === "down@example.test")).toHaveLength(1);
  }, 60_000);

  it("applies a changed retry delay to the existing queue on the next start", async () => {
    const retrySettings = async () =>
      (
        await db.dataSource.query(
          "SELECT retry_delay, retry_backoff, retry_limit FROM pgboss.queue WHERE name = 'mail-send'",
        )
      )[0];
    mail = await startMail();
    expect(await retrySettings()).toEqual({ retry_delay: 1, retry_backoff: false, retry_limit: 4 });
    await mail.stop();
    mail = await startMail({ retryDelaySeconds: 7 });
    expect(await retrySettings()).toEqual({ retry_delay: 7, retry_backoff: true, retry_limit: 4 });
    // Back to the short delay the other tests of this file rely on.
    await mail.stop();
    mail = await startMail();
  });

  it("loses no email when the worker stops between the outbox write and the send", async () => {
    // A process that writes the invitation and dies before any worker runs.
    const writer = await startMail();
    app = await startTestApp(db.dataSource, {
      mail: writer.queue,
      appUrl: "https://pn.example.test",
    });
    const admin = await insertViewer(db.dataSource, Role.ADMINISTRATOR);
    app.actAs(admin.viewer);
    await app.graphql(INVITE, { email: "survivor@example.test" });
    await writer.stop();
    expect(await deliveryOf("survivor@example.test")).toBe("QUEUED");

    mail = await startMail();
    await mail.startWorker();
    await waitFor("the email after restart", () =>
      inbox.find((m) => m.to === "survivor@example.test"),
    );
    await waitFor("SENT", async () =>
      (await deliveryOf("survivor@example.test")) === "SENT" ? true : undefined,
    );
    expect(inbox.filter((m) => m.to === "survivor@example.test")).toHaveLength(1);
  });
});
