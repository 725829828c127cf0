/**
 * Mixed read/write load against a running server, shared by the load test
 * (packages/server/test/faults/mixed-load.fault.ts, short) and `pnpm bench` (full).
 *
 * `prepareMixedLoad` signs up two accounts over HTTP: BIG on ENTERPRISE (no seat
 * limit) and TIGHT on TEAM (10 seats: the owner and 7 pending invitations hold 8 of
 * them). `runMixedLoad` then runs
 * `clients` concurrent loops for `durationMs`, each sending one request at a time:
 * member and invitation lists, seat reads, invitations into both accounts (TIGHT stays
 * at its limit, so many are refused), and revocations in TIGHT that free seats again.
 * Every response is classified (HTTP status, GraphQL error codes, userError codes),
 * every seat figure seen is checked against the limit, and `sampleSeats` /
 * `countConnections` (the caller's own view of the database) are polled throughout.
 *
 * CommonJS, no dependencies: Node's fetch only, so the TypeScript tests and the
 * ESM bench can both load it.
 */
"use strict";

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { verificationEmailSent userErrors { code message } } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { user { id } userErrors { code message } } }`;
const CURRENT_ACCOUNT = `query { viewer { currentAccount { id } } }`;
const CHANGE_PLAN = `mutation($plan: Plan!) { changePlan(input: { plan: $plan }) { account { plan seatLimit } userErrors { code message } } }`;
const MEMBERS = `query { viewer { currentAccount { members(first: 20) { totalCount nodes { id name email status role } pageInfo { hasNextPage endCursor } } } } }`;
const INVITATIONS = `query { viewer { currentAccount { invitations(first: 20, filter: { status: [PENDING] }) { totalCount nodes { id email status delivery expiresAt } } } } }`;
const SEATS = `query { viewer { currentAccount { seatsUsed seatLimit } } }`;
const INVITE = `mutation($invitees: [InviteeInput!]!) { inviteUsers(input: { invitees: $invitees }) { invitations { id } userErrors { code } } }`;
const REVOKE = `mutation($id: ID!) { revokeInvitation(input: { invitationId: $id }) { invitation { id status } userErrors { code } } }`;

/** A caller with its own session cookie. */
function graphqlSession(baseUrl) {
  let cookie = null;
  async function request(query, variables = {}) {
    const headers = { "content-type": "application/json" };
    if (cookie) headers.cookie = cookie;
    const response = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(60_000),
    });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(";")[0];
      if (pair.startsWith("pn_session=")) cookie = pair;
    }
    const text = await response.text();
    let body = null;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON (a proxy or crash page): the caller sees the status and the text.
    }
    return { status: response.status, body, text };
  }
  /** Like request() but throws on an HTTP error, GraphQL errors or userErrors in the named field. */
  async function ok(query, variables, field) {
    const result = await request(query, variables);
    const payload = field ? result.body?.data?.[field] : null;
    if (
      result.status !== 200 ||
      !result.body ||
      result.body.errors ||
      payload?.userErrors?.length
    ) {
      throw new Error(
        `GraphQL request failed (HTTP ${result.status}): ${result.text.slice(0, 1000)}`,
      );
    }
    return result.body.data;
  }
  return { request, ok, cookie: () => cookie };
}

/**
 * Signs up on `session` and logs in: sign-up starts no session (the verification email
 * does), and log-in is allowed before the email is verified. Out-of-process callers (the
 * fault tests, the bench) may have SMTP and no dev mailbox to follow the link from.
 * Answers the new account's id.
 */
async function signUpAndLogIn(session, input) {
  await session.ok(SIGN_UP, { input }, "signUp");
  await session.ok(LOG_IN, { input: { email: input.email, password: input.password } }, "logIn");
  const data = await session.ok(CURRENT_ACCOUNT, {});
  return data.viewer.currentAccount.id;
}

async function signUpOwner(baseUrl, label, plan) {
  const session = graphqlSession(baseUrl);
  const unique = `${label}-${process.pid}-${Date.now().toString(36)}`;
  const accountId = await signUpAndLogIn(session, {
    accountName: `Load ${unique}`,
    email: `owner-${unique}@load.example`,
    name: `Owner ${label}`,
    password: "load test password 123",
  });
  const changed = await session.ok(CHANGE_PLAN, { plan }, "changePlan");
  return {
    session,
    accountId,
    seatLimit: changed.changePlan.account.seatLimit,
  };
}

/** Seats left free in TIGHT when the load starts, so the first invitations already meet the limit. */
const TIGHT_FREE_SEATS = 2;

/**
 * Two owners with sessions: `big` (ENTERPRISE, unlimited) and `tight` (TEAM, 10 seats)
 * with pending invitations filling all but TIGHT_FREE_SEATS of them.
 */
async function prepareMixedLoad(baseUrl) {
  const big = await signUpOwner(baseUrl, "big", "ENTERPRISE");
  const tight = await signUpOwner(baseUrl, "tight", "TEAM");
  const fill = tight.seatLimit - 1 - TIGHT_FREE_SEATS;
  const invitees = Array.from({ length: fill }, (_, i) => ({
    email: `prefill-${i}-${process.pid}@load.example`,
    role: "VIEWER",
  }));
  const filled = await tight.session.ok(INVITE, { invitees }, "inviteUsers");
  tight.pendingIds = filled.inviteUsers.invitations.map((invitation) => invitation.id);
  return { baseUrl, big, tight };
}

/** A small deterministic generator per client, so a run's mix is reproducible. */
function random(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

const OPERATIONS = [
  ["members", 25],
  ["invitations", 20],
  ["seats", 15],
  ["inviteBig", 15],
  ["inviteTight", 15],
  ["revokeTight", 10],
];
const TOTAL_WEIGHT = OPERATIONS.reduce((sum, [, weight]) => sum + weight, 0);

function pick(next) {
  let roll = next() * TOTAL_WEIGHT;
  for (const [name, weight] of OPERATIONS) {
    roll -= weight;
    if (roll < 0) return name;
  }
  return OPERATIONS[0][0];
}

function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Runs the load. Options: prepared (from prepareMixedLoad), clients, durationMs,
 * sampleSeats (async () => ({ used, limit })), countConnections (async () => number),
 * sampleEveryMs (default 50).
 */
async function runMixedLoad(options) {
  const { prepared, clients, durationMs } = options;
  const { big, tight } = prepared;
  const report = {
    clients,
    durationMs,
    requests: 0,
    byOperation: {},
    byStatus: {},
    serverErrors: 0,
    networkErrors: 0,
    graphqlErrorCodes: {},
    userErrorCodes: {},
    invitedBig: 0,
    invitedTight: 0,
    revokedTight: 0,
    seats: {
      limit: tight.seatLimit,
      maxSeenByApi: 0,
      maxSeenByDatabase: 0,
      samples: 0,
      overLimit: [],
    },
    connections: { max: 0, samples: 0 },
    examples: [],
    latencyMs: {},
  };
  const samples = [];
  const pendingTight = [...(tight.pendingIds ?? [])];
  const note = (example) => {
    if (report.examples.length < 10) report.examples.push(example);
  };
  const count = (map, key) => (map[key] = (map[key] ?? 0) + 1);

  async function call(name, session, query, variables) {
    const started = performance.now();
    let result;
    try {
      result = await session.request(query, variables);
    } catch (error) {
      report.networkErrors += 1;
      note({ operation: name, error: String(error?.message ?? error) });
      return null;
    }
    samples.push(performance.now() - started);
    report.requests += 1;
    count(report.byOperation, name);
    count(report.byStatus, String(result.status));
    if (result.status >= 500) {
      report.serverErrors += 1;
      note({ operation: name, status: result.status, body: result.text.slice(0, 500) });
    }
    for (const error of result.body?.errors ?? []) {
      const code = error.extensions?.code ?? "NO_CODE";
      count(report.graphqlErrorCodes, code);
      if (code === "INTERNAL_SERVER_ERROR" || code === "NO_CODE")
        note({ operation: name, status: result.status, error });
    }
    return result.body?.data ?? null;
  }

  const seatCheck = (used, limit, source) => {
    const key = source === "api" ? "maxSeenByApi" : "maxSeenByDatabase";
    report.seats[key] = Math.max(report.seats[key], used);
    if (limit !== null && used > limit && report.seats.overLimit.length < 20)
      report.seats.overLimit.push({ source, used, limit, at: Date.now() });
  };

  const operations = {
    async members() {
      await call("members", big.session, MEMBERS);
    },
    async invitations() {
      await call("invitations", big.session, INVITATIONS);
    },
    async seats() {
      const data = await call("seats", tight.session, SEATS);
      const account = data?.viewer?.currentAccount;
      if (account) seatCheck(account.seatsUsed, account.seatLimit, "api");
    },
    async inviteBig(client, sequence) {
      const data = await call("inviteBig", big.session, INVITE, {
        invitees: [
          { email: `big-${client}-${sequence}-${process.pid}@load.example`, role: "VIEWER" },
        ],
      });
      const payload = data?.inviteUsers;
      for (const error of payload?.userErrors ?? []) count(report.userErrorCodes, error.code);
      report.invitedBig += payload?.invitations?.length ?? 0;
    },
    async inviteTight(client, sequence, next) {
      const size = next() < 0.7 ? 1 : 2;
      const invitees = Array.from({ length: size }, (_, i) => ({
        email: `tight-${client}-${sequence}-${i}-${process.pid}@load.example`,
        role: "EDITOR",
      }));
      const data = await call("inviteTight", tight.session, INVITE, { invitees });
      const payload = data?.inviteUsers;
      for (const error of payload?.userErrors ?? []) count(report.userErrorCodes, error.code);
      for (const invitation of payload?.invitations ?? []) pendingTight.push(invitation.id);
      report.invitedTight += payload?.invitations?.length ?? 0;
    },
    async revokeTight(_client, _sequence, next) {
      if (!pendingTight.length) return operations.seats();
      const [id] = pendingTight.splice(Math.floor(next() * pendingTight.length), 1);
      const data = await call("revokeTight", tight.session, REVOKE, { id });
      const payload = data?.revokeInvitation;
      for (const error of payload?.userErrors ?? []) count(report.userErrorCodes, error.code);
      if (payload?.invitation) report.revokedTight += 1;
    },
  };

  const deadline = Date.now() + durationMs;
  let running = true;
  async function monitor() {
    while (running) {
      if (options.sampleSeats) {
        const { used, limit } = await options.sampleSeats();
        report.seats.samples += 1;
        seatCheck(used, limit, "database");
      }
      if (options.countConnections) {
        report.connections.max = Math.max(report.connections.max, await options.countConnections());
        report.connections.samples += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, options.sampleEveryMs ?? 50));
    }
  }
  async function client(index) {
    const next = random(index * 7919 + 1);
    for (let sequence = 0; Date.now() < deadline; sequence++) {
      await operations[pick(next)](index, sequence, next);
    }
  }
  const started = performance.now();
  const watching = monitor();
  try {
    await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
  } finally {
    running = false;
    await watching;
  }
  const elapsed = performance.now() - started;
  samples.sort((a, b) => a - b);
  report.elapsedMs = Math.round(elapsed);
  report.rps = Math.round((report.requests / elapsed) * 1000);
  report.latencyMs = {
    p50: Math.round(percentile(samples, 50)),
    p90: Math.round(percentile(samples, 90)),
    p99: Math.round(percentile(samples, 99)),
    max: Math.round(samples.at(-1) ?? 0),
  };
  return report;
}

/** The seat figure straight from the tables (same rule as the server's seatsUsed). */
const SEATS_SQL = `SELECT
   (SELECT count(*) FROM members m WHERE m.account_id = a.id AND m.type = 'INTERNAL' AND m.status = 'ACTIVE')::int
 + (SELECT count(*) FROM invitations i WHERE i.account_id = a.id AND i.kind = 'USER' AND i.status = 'PENDING' AND i.expires_at > now())::int AS used
 FROM accounts a WHERE a.id = $1`;

/** Connections the server holds on its database: every client backend but the observer's own. */
const CONNECTIONS_SQL = `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`;

/** The local UUID inside a global ID (`base64url("Type:uuid")`). */
function localId(globalId) {
  return Buffer.from(globalId, "base64url").toString("utf8").split(":")[1];
}

module.exports = {
  graphqlSession,
  signUpAndLogIn,
  prepareMixedLoad,
  runMixedLoad,
  SEATS_SQL,
  CONNECTIONS_SQL,
  localId,
};
