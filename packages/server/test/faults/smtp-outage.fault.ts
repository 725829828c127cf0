/**
 * SMTP unreachable for a while, against the built server with SMTP_URL pointing at a
 * real SMTP server in this process (smtp-server) and MAIL_RETRY_DELAY_SECONDS=1.
 *
 * Guards: invitations sent while SMTP is down are accepted and queued (QUEUED, each
 * failing at least once); once SMTP is back, every email arrives exactly once per
 * recipient (none lost, none doubled), the outbox rows and invitations are SENT, and no
 * delivery job is left to run again.
 */
import type { AddressInfo } from "node:net";
import type { Client } from "pg";
import { SMTPServer } from "smtp-server";
import { graphqlSession, signUpAndLogIn } from "../../../../bench/lib/mixed-load.cjs";
import {
  cleanUpServers,
  connectDatabase,
  startServer,
  stopGracefully,
  waitFor,
  waitHealthy,
} from "./support/server-process";

const CHANGE_PLAN = `mutation { changePlan(input: { plan: BUSINESS }) { account { plan } userErrors { code message } } }`;
const INVITE = `mutation($invitees: [InviteeInput!]!) { inviteUsers(input: { invitees: $invitees }) { invitations { id delivery } userErrors { code } } }`;

type Received = { to: string; messageId: string };

const inbox: Received[] = [];
let smtp: SMTPServer | null = null;
let observer: Client | null = null;

function startSmtp(port: number): Promise<number> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        const messageId = /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? "(none)";
        for (const recipient of session.envelope.rcptTo)
          inbox.push({ to: recipient.address, messageId });
        callback();
      });
    },
  });
  smtp = server;
  return new Promise((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.server.address() as AddressInfo).port));
  });
}

async function stopSmtp(): Promise<void> {
  const server = smtp;
  smtp = null;
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
}

afterEach(async () => {
  await stopSmtp();
  await observer?.end().catch(() => undefined);
  observer = null;
  await cleanUpServers();
});

test("emails queued while SMTP is down are all delivered once it is back, each exactly once", async () => {
  const smtpPort = await startSmtp(0);
  const server = await startServer({
    env: {
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_RETRY_DELAY_SECONDS: "1",
      APP_URL: "https://pn.example.test",
    },
  });
  await waitHealthy(server);
  const owner = graphqlSession(server.baseUrl);
  await signUpAndLogIn(owner, {
    accountName: "Outage Co",
    email: "owner@outage.example",
    name: "Owner",
    password: "outage test password",
  });
  await owner.ok(CHANGE_PLAN, {}, "changePlan");
  const db = (observer = await connectDatabase(server));

  // SMTP works: one email before the outage.
  await owner.ok(
    INVITE,
    { invitees: [{ email: "first@outage.example", role: "VIEWER" }] },
    "inviteUsers",
  );
  await waitFor("the email sent before the outage", () =>
    inbox.some((message) => message.to === "first@outage.example"),
  );

  await stopSmtp();
  const during = [
    ...Array.from({ length: 4 }, (_, i) => `single-${i}@outage.example`),
    ...Array.from({ length: 6 }, (_, i) => `batch-${i}@outage.example`),
  ];
  for (const email of during.slice(0, 4)) {
    const data = await owner.ok<{ inviteUsers: { invitations: { delivery: string }[] } }>(
      INVITE,
      { invitees: [{ email, role: "VIEWER" }] },
      "inviteUsers",
    );
    expect(data.inviteUsers.invitations.map((invitation) => invitation.delivery)).toEqual([
      "QUEUED",
    ]);
  }
  await owner.ok(
    INVITE,
    { invitees: during.slice(4).map((email) => ({ email, role: "EDITOR" })) },
    "inviteUsers",
  );

  // Every one of them has failed at least once and is still queued for another attempt.
  await waitFor("a failed attempt for every email sent during the outage", async () => {
    const rows = await db.query<{ attempts: number; status: string }>(
      "SELECT attempts, status FROM outbox WHERE to_address = ANY($1)",
      [during],
    );
    return (
      rows.rows.length === during.length &&
      rows.rows.every((row) => row.attempts >= 1 && row.status === "QUEUED")
    );
  });
  expect(inbox.filter((message) => during.includes(message.to))).toEqual([]);

  await startSmtp(smtpPort);
  await waitFor(
    "every email to arrive",
    () => during.every((email) => inbox.some((message) => message.to === email)),
    60_000,
  );
  await waitFor("every outbox row SENT and no delivery job left", async () => {
    const outbox = await db.query("SELECT 1 FROM outbox WHERE status <> 'SENT'");
    const jobs = await db.query(
      "SELECT 1 FROM pgboss.job WHERE name = 'mail-send' AND state NOT IN ('completed', 'cancelled')",
    );
    return outbox.rows.length === 0 && jobs.rows.length === 0;
  });

  // None lost, none doubled: one message per recipient, and no message delivered twice.
  const recipients = ["first@outage.example", ...during];
  const perRecipient = Object.fromEntries(
    recipients.map((email) => [email, inbox.filter((message) => message.to === email).length]),
  );
  expect(perRecipient).toEqual(Object.fromEntries(recipients.map((email) => [email, 1])));
  expect(new Set(inbox.map((message) => message.messageId)).size).toBe(inbox.length);
  const invitations = await db.query<{ email: string; delivery: string }>(
    "SELECT email, delivery FROM invitations WHERE email = ANY($1) ORDER BY email",
    [recipients],
  );
  expect(invitations.rows.map((row) => row.delivery)).toEqual(recipients.map(() => "SENT"));

  await observer.end();
  observer = null;
  expect(await stopGracefully(server)).toEqual({ code: 0, signal: null });
});
