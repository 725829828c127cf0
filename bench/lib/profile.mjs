/**
 * Where a server's CPU goes while it serves Q1: a V8 CPU profile (`node --cpu-prof`) reduced
 * to self time per group (a package, a folder of the server, Node's internals, garbage
 * collection), as a share of the busy time inside a time window (the load run, not the
 * start-up). Issue 20 asks for this summary before and after each optimisation.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The group a call frame's self time counts towards. */
function groupOf(callFrame) {
  const { url, functionName } = callFrame;
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(program)") return "V8 and native code (program)";
  if (functionName === "(idle)") return "(idle)";
  if (!url) return "V8 builtins and native functions";
  if (url.startsWith("node:")) {
    const module = url.slice("node:".length);
    if (module.startsWith("internal/async_hooks") || module === "async_hooks")
      return "node: async_hooks";
    if (/^(net|internal\/stream_base_commons|internal\/net|stream|internal\/streams)/.test(module))
      return "node: net and streams";
    if (/^(_http|http|internal\/http)/.test(module)) return "node: http";
    if (/^internal\/process\/task_queues|^internal\/timers|^timers/.test(module))
      return "node: microtasks and timers";
    return "node: other internals";
  }
  const modules = url.lastIndexOf("/node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "/node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const dist = url.indexOf("/packages/server/dist/");
  if (dist >= 0) {
    const rest = url.slice(dist + "/packages/server/dist/".length).split("/");
    const folder = rest[0] === "modules" ? `modules/${rest[1]}` : rest.length > 1 ? rest[0] : "";
    return `server: ${folder || rest[0]}`;
  }
  if (url.includes("/packages/shared/")) return "server: @pn/shared";
  return "other";
}

/**
 * Self time per group within [fromMs, toMs] of the profile (milliseconds after its start),
 * as shares of the busy time (everything but idle), plus the heaviest functions.
 */
export function summariseCpuProfile(file, { fromMs = 0, toMs = Infinity } = {}) {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parentOf.set(child, node);
  /** The nearest frames above a node that are JavaScript with a source: who called a native function. */
  const callerChain = (node) => {
    const chain = [];
    for (let up = parentOf.get(node.id); up && chain.length < 4; up = parentOf.get(up.id)) {
      const { functionName, url, lineNumber } = up.callFrame;
      if (url)
        chain.push(`${functionName || "(anonymous)"} ${path.basename(url)}:${lineNumber + 1}`);
    }
    return chain.join(" < ");
  };
  const callersMs = new Map();
  const groupMs = new Map();
  const functionMs = new Map();
  let elapsedUs = 0;
  let busyUs = 0;
  let idleUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    elapsedUs += delta;
    const atMs = elapsedUs / 1000;
    if (atMs < fromMs || atMs > toMs) continue;
    const node = byId.get(profile.samples[i]);
    if (!node) continue;
    const group = groupOf(node.callFrame);
    if (group === "(idle)") {
      idleUs += delta;
      continue;
    }
    busyUs += delta;
    groupMs.set(group, (groupMs.get(group) ?? 0) + delta);
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || "(anonymous)"} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ""} [${group}]`;
    functionMs.set(key, (functionMs.get(key) ?? 0) + delta);
    if (!url) {
      const callers = callersMs.get(key) ?? new Map();
      const chain = callerChain(node);
      callers.set(chain, (callers.get(chain) ?? 0) + delta);
      callersMs.set(key, callers);
    }
  }
  const share = (us) => Math.round((us / Math.max(busyUs, 1)) * 1000) / 10;
  const sorted = (map, limit) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000), sharePercent: share(us) }));
  return {
    windowMs: [Math.round(fromMs), Number.isFinite(toMs) ? Math.round(toMs) : null],
    busyMs: Math.round(busyUs / 1000),
    idleMs: Math.round(idleUs / 1000),
    groups: sorted(groupMs, 25),
    topFunctions: sorted(functionMs, 25).map((entry) => {
      const callers = callersMs.get(entry.name);
      return callers ? { ...entry, calledFrom: sorted(callers, 3) } : entry;
    }),
  };
}

/** The one .cpuprofile a process wrote into `dir`. */
export function profileFileIn(dir) {
  const files = readdirSync(dir).filter((name) => name.endsWith(".cpuprofile"));
  if (files.length !== 1)
    throw new Error(`expected one .cpuprofile in ${dir}, found ${files.length}`);
  return path.join(dir, files[0]);
}
