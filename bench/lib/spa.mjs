/**
 * The SPA's initial JavaScript: the entry chunk and every chunk it imports
 * statically (transitively), i.e. what the browser must fetch before the first
 * render. Uses dist/.vite/manifest.json when the build wrote one; otherwise the
 * <script type="module"> and <link rel="modulepreload"> tags of index.html, plus
 * the static `import … from "./x.js"` statements inside those chunks.
 * Dynamic `import()` chunks (lazy routes, GraphiQL) are not counted.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

function staticImportsOf(code) {
  const found = new Set();
  // `import{a as b}from"./x.js"`, `import"./x.js"`, `export{…}from"./x.js"`; not `import("./x.js")`.
  const pattern =
    /(?:^|[;\n}\s])(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+\.js)["']/g;
  for (const match of code.matchAll(pattern)) found.add(match[1]);
  return [...found];
}

export function measureSpa(distDir) {
  const indexFile = path.join(distDir, "index.html");
  if (!existsSync(indexFile)) return { error: `${indexFile} not found; run pnpm build` };
  const manifestFile = path.join(distDir, ".vite", "manifest.json");
  const files = new Set();
  let method;
  if (existsSync(manifestFile)) {
    method = "manifest";
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    const visit = (key) => {
      const chunk = manifest[key];
      if (!chunk || files.has(chunk.file)) return;
      files.add(chunk.file);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  } else {
    method = "index.html + static imports";
    const html = readFileSync(indexFile, "utf8");
    const queue = [];
    for (const match of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g))
      queue.push(match[1]);
    for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
      queue.push(match[1]);
    while (queue.length) {
      const url = queue.shift();
      const file = url.replace(/^\//, "");
      if (files.has(file)) continue;
      const full = path.join(distDir, file);
      if (!existsSync(full)) continue;
      files.add(file);
      for (const imported of staticImportsOf(readFileSync(full, "utf8"))) {
        queue.push(path.posix.join(path.posix.dirname(`/${file}`), imported));
      }
    }
  }
  const chunks = [...files].map((file) => {
    const content = readFileSync(path.join(distDir, file));
    return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  chunks.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    method,
    gzipBytes: chunks.reduce((sum, c) => sum + c.gzipBytes, 0),
    bytes: chunks.reduce((sum, c) => sum + c.bytes, 0),
    chunks,
  };
}
