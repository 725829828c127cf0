/**
 * Load runs with autocannon. autocannon's own latency histogram has 1 ms
 * resolution, too coarse for a floor that answers in under a millisecond, so every
 * response time (a float in ms from process.hrtime) is also kept and the
 * percentiles are computed exactly from those samples.
 */
import autocannon from "autocannon";

export function percentile(sorted, p) {
  if (!sorted.length) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

const round = (value, digits = 2) => (value == null ? null : Number(value.toFixed(digits)));

function runOnce({ url, headers, body, connections, duration, onResponse }) {
  const samples = [];
  const instance = autocannon({
    url,
    connections,
    duration,
    pipelining: 1,
    timeout: 30,
    requests: [{ method: "POST", headers, body, onResponse }],
  });
  instance.on("response", (_client, _status, _bytes, ms) => samples.push(ms));
  return Promise.resolve(instance).then((result) => ({ result, samples }));
}

/** One measured run: every response time, and what each response said about SQL statements and errors. */
async function collect({ url, headers, body, connections, duration }) {
  const statements = new Map();
  let graphqlErrors = 0;
  const onResponse = (status, responseBody, _context, responseHeaders) => {
    const count = responseHeaders["x-sql-statements"];
    if (count !== undefined) statements.set(count, (statements.get(count) ?? 0) + 1);
    if (
      status !== 200 ||
      (typeof responseBody === "string" && responseBody.startsWith('{"errors"'))
    )
      graphqlErrors += 1;
  };
  const { result, samples } = await runOnce({
    url,
    headers,
    body,
    connections,
    duration,
    onResponse,
  });
  return {
    samples,
    seconds: result.duration || duration,
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
    statements,
  };
}

function summarize(connections, parts) {
  const samples = parts.flatMap((part) => part.samples).sort((a, b) => a - b);
  const seconds = parts.reduce((sum, part) => sum + part.seconds, 0);
  const statements = new Map();
  for (const part of parts)
    for (const [count, n] of part.statements)
      statements.set(count, (statements.get(count) ?? 0) + n);
  const mean = samples.reduce((sum, x) => sum + x, 0) / (samples.length || 1);
  return {
    connections,
    durationS: round(seconds, 1),
    requests: samples.length,
    rps: round(samples.length / seconds, 1),
    p50: round(percentile(samples, 50)),
    p90: round(percentile(samples, 90)),
    p99: round(percentile(samples, 99)),
    max: round(samples.at(-1) ?? null),
    mean: samples.length ? round(mean) : null,
    errors: parts.reduce((sum, part) => sum + part.errors, 0),
    sqlStatements: Object.fromEntries(
      [...statements.entries()].sort((a, b) => Number(a[0]) - Number(b[0])),
    ),
  };
}

/**
 * POSTs `body` for `duration` seconds at `connections` concurrency after a warm-up.
 * Returns exact p50/p90/p99 (ms), requests/s, errors and the x-sql-statements seen.
 */
export async function measure({ url, headers, body, connections, duration, warmup = 1 }) {
  if (warmup > 0) await runOnce({ url, headers, body, connections, duration: warmup });
  return summarize(connections, [await collect({ url, headers, body, connections, duration })]);
}

/**
 * Measures two targets in alternating slices (A, B, A, B, …) so that whatever else
 * the machine is doing meanwhile weighs on both alike; `duration` seconds each in total.
 */
export async function measurePair({ a, b, connections, duration, warmup = 1, slices = 2 }) {
  return measureTargets({ targets: { a, b }, connections, duration, warmup, slices });
}

/** measurePair for any number of named targets: `{ q1: target, floor: target, peer: target }`. */
export async function measureTargets({ targets, connections, duration, warmup = 1, slices = 2 }) {
  const sliceSeconds = Math.max(1, Math.round(duration / slices));
  const entries = Object.entries(targets);
  const parts = Object.fromEntries(entries.map(([key]) => [key, []]));
  for (const [, target] of entries) {
    if (warmup > 0) await runOnce({ ...target, connections, duration: warmup });
  }
  for (let i = 0; i < slices; i++) {
    for (const [key, target] of entries)
      parts[key].push(await collect({ ...target, connections, duration: sliceSeconds }));
  }
  return Object.fromEntries(entries.map(([key]) => [key, summarize(connections, parts[key])]));
}
