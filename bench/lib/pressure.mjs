/**
 * Pressure from one party (issue 19), measured against the running bench server:
 *
 * - `logInBurst`: 200 log-ins sent at once (half with a wrong password), each answer
 *   classified; the figure is the share answered cleanly (success, wrong password,
 *   RATE_LIMITED, or 503 SERVICE_UNAVAILABLE with retry-after), and the server must answer
 *   a normal request right after.
 * - `webhookFairness`: tenant A's receiver accepts connections and never answers, with a
 *   backlog of deliveries; the figure is how long tenant B's healthy receiver waits for its
 *   delivery published after that.
 */
import { createServer } from "node:http";
import mixedLoad from "./mixed-load.cjs";

const CHANGE_PLAN = `mutation { changePlan(input: { plan: ENTERPRISE }) { account { plan } userErrors { code message } } }`;
const LOG_IN = `mutation($email: String!, $password: String!) { logIn(input: { email: $email, password: $password }) { user { id } userErrors { code } } }`;
const CREATE_ENDPOINT = `mutation($url: String!) { createWebhookEndpoint(input: { url: $url, eventTypes: [INVITATION_CREATED] }) { secret userErrors { code message } } }`;
const INVITE = `mutation($invitees: [InviteeInput!]!) { inviteUsers(input: { invitees: $invitees }) { invitations { id } userErrors { code message } } }`;
const PASSWORD = "pressure test password 123";

async function owner(baseUrl, label) {
  const session = mixedLoad.graphqlSession(baseUrl);
  const email = `${label}-${process.pid}-${Date.now().toString(36)}@pressure.example`;
  await mixedLoad.signUpAndLogIn(session, {
    accountName: `Pressure ${label}`,
    email,
    name: `Owner ${label}`,
    password: PASSWORD,
  });
  await session.ok(CHANGE_PLAN, {}, "changePlan");
  return { session, email };
}

function classify(result) {
  const code = result.body?.errors?.[0]?.extensions?.code;
  if (result.status === 503 && code === "SERVICE_UNAVAILABLE" && result.retryAfter) return "busy";
  if (code === "RATE_LIMITED") return "rateLimited";
  const payload = result.body?.data?.logIn;
  if (result.status === 200 && payload?.user) return "success";
  const userError = payload?.userErrors?.[0]?.code;
  if (userError === "BAD_CREDENTIALS") return "wrongPassword";
  if (userError === "RATE_LIMITED") return "rateLimited";
  return code === "INTERNAL_SERVER_ERROR" ? "internalError" : "other";
}

export async function logInBurst(baseUrl, { count = 200 } = {}) {
  const { email } = await owner(baseUrl, "burst");
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      try {
        const response = await fetch(`${baseUrl}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            query: LOG_IN,
            variables: { email, password: index % 2 ? PASSWORD : "a wrong password 123" },
          }),
          signal: AbortSignal.timeout(120_000),
        });
        const text = await response.text();
        let body = null;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON: classified as "other"
        }
        return { status: response.status, body, retryAfter: response.headers.get("retry-after") };
      } catch {
        return { status: 0, body: null, retryAfter: null };
      }
    }),
  );
  const ms = Math.round(performance.now() - started);
  const answers = {};
  for (const result of results) {
    const kind = classify(result);
    answers[kind] = (answers[kind] ?? 0) + 1;
  }
  const clean =
    (answers.success ?? 0) +
    (answers.wrongPassword ?? 0) +
    (answers.rateLimited ?? 0) +
    (answers.busy ?? 0);
  // Right after the burst, a normal request is answered normally.
  const after = classify({
    ...(await mixedLoad.graphqlSession(baseUrl).request(LOG_IN, { email, password: PASSWORD })),
    retryAfter: null,
  });
  return { count, ms, answers, cleanShare: clean / count, afterwards: after };
}

function listen(server) {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${server.address().port}/hooks`)),
  );
}

export async function webhookFairness(baseUrl, { backlog = 20, timeoutMs = 60_000 } = {}) {
  const held = [];
  const hanging = createServer((_request, response) => held.push(response));
  let arrived = null;
  const arrival = new Promise((resolve) => (arrived = resolve));
  const healthy = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      arrived(performance.now());
      response.writeHead(204).end();
    });
  });
  const [hangingUrl, healthyUrl] = await Promise.all([listen(hanging), listen(healthy)]);
  try {
    const a = await owner(baseUrl, "hanging");
    const b = await owner(baseUrl, "healthy");
    await a.session.ok(CREATE_ENDPOINT, { url: hangingUrl }, "createWebhookEndpoint");
    await b.session.ok(CREATE_ENDPOINT, { url: healthyUrl }, "createWebhookEndpoint");
    const invitees = (label, n) =>
      Array.from({ length: n }, (_, i) => ({
        email: `${label}-${i}-${process.pid}@pressure.example`,
        role: "VIEWER",
      }));
    await a.session.ok(INVITE, { invitees: invitees("backlog", backlog) }, "inviteUsers");
    // Wait until the hanging receiver holds requests, so B's delivery really meets the backlog.
    const holdStarted = performance.now();
    while (held.length === 0 && performance.now() - holdStarted < timeoutMs)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const published = performance.now();
    await b.session.ok(INVITE, { invitees: invitees("healthy", 1) }, "inviteUsers");
    const at = await Promise.race([
      arrival,
      new Promise((resolve) => setTimeout(() => resolve(null), timeoutMs)),
    ]);
    return {
      backlog,
      hangingRequestsHeld: held.length,
      healthyLatencyMs: at == null ? null : Math.round(at - published),
    };
  } finally {
    for (const response of held) response.destroy();
    hanging.closeAllConnections();
    healthy.closeAllConnections();
    await Promise.all(
      [hanging, healthy].map((server) => new Promise((resolve) => server.close(resolve))),
    );
  }
}
