/** The figures table (markdown) and the results file. */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

export function machineInfo() {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
}

/** Versions actually installed for the server's and web's dependencies, and the bench's. */
export function packageVersions(root) {
  const versions = {};
  for (const pkgDir of ["packages/server", "packages/web", "."]) {
    const manifestFile = path.join(root, pkgDir, "package.json");
    if (!existsSync(manifestFile)) continue;
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    const require = createRequire(manifestFile);
    const wanted =
      pkgDir === "."
        ? ["autocannon", "pg", "postgraphile"]
        : Object.keys(manifest.dependencies ?? {});
    if (pkgDir !== ".") versions[manifest.name] = manifest.version;
    for (const name of wanted) {
      if (name.startsWith("@pn/")) continue;
      try {
        let dir = path.dirname(require.resolve(name));
        while (
          !existsSync(path.join(dir, "package.json")) ||
          JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).name !== name
        ) {
          const parent = path.dirname(dir);
          if (parent === dir) throw new Error("not found");
          dir = parent;
        }
        versions[name] = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).version;
      } catch {
        versions[name] ??= manifest.dependencies?.[name] ?? "unresolved";
      }
    }
  }
  return versions;
}

const fmt = (value, unit) => {
  if (value == null || Number.isNaN(value)) return "n/a";
  if (unit === "ms")
    return value >= 1000
      ? `${(value / 1000).toFixed(2)} s`
      : `${value.toFixed(value < 10 ? 2 : 1)} ms`;
  if (unit === "x") return `${value.toFixed(2)}×`;
  if (unit === "req/s") return `${value.toFixed(0)} req/s`;
  if (unit === "KB") return `${(value / 1000).toFixed(1)} KB`;
  return `${value}${unit ? ` ${unit}` : ""}`;
};

/**
 * A figure: { id, label, value, unit, target?: { op: "<=" | "<" | ">=", value } }.
 * ratio = value / target (≤ 1 is good for upper bounds, ≥ 1 for lower bounds).
 */
export function evaluate(figure) {
  const t = figure.target;
  if (!t || figure.value == null || Number.isNaN(figure.value))
    return { ...figure, ratio: null, pass: null };
  const ratio = figure.value / t.value;
  const pass =
    t.op === "<="
      ? figure.value <= t.value
      : t.op === "<"
        ? figure.value < t.value
        : figure.value >= t.value;
  return { ...figure, ratio: Number(ratio.toFixed(3)), pass };
}

export function markdownTable(figures) {
  const lines = [
    "| figure | value | target | ratio (value / target) | met |",
    "| --- | ---: | ---: | ---: | :---: |",
  ];
  for (const f of figures) {
    const target = f.target ? `${f.target.op} ${fmt(f.target.value, f.unit)}` : "";
    const ratio = f.ratio == null ? "" : f.ratio.toFixed(2);
    const met = f.pass == null ? "" : f.pass ? "yes" : "**no**";
    lines.push(`| ${f.label} | ${fmt(f.value, f.unit)} | ${target} | ${ratio} | ${met} |`);
  }
  return lines.join("\n");
}
