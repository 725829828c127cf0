import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompiledDocuments } from "./build/precompiled-documents";

const apiTarget = process.env.VITE_API_PROXY ?? "http://localhost:4000";
// Host stays the SPA's own, so Host and Origin agree for the server's session and CSRF checks.
const proxy = {
  "/graphql": { target: apiTarget },
  "/healthz": { target: apiTarget },
  "/api": { target: apiTarget },
};

// React Router's package exports only its development build (dev warnings on) to bundlers; the
// production build next to it is the same code with them off.
const reactRouterProduction = path.join(
  path.dirname(createRequire(import.meta.url).resolve("react-router/package.json")),
  "dist/production/index.mjs",
);

export default defineConfig(({ command }) => ({
  plugins: [react(), precompiledDocuments(fileURLToPath(new URL("./src", import.meta.url)))],
  resolve: {
    alias: [
      {
        find: "@pn/shared",
        replacement: fileURLToPath(new URL("../shared/src/index.ts", import.meta.url)),
      },
      ...(command === "build"
        ? [{ find: /^react-router$/, replacement: reactRouterProduction }]
        : []),
    ],
  },
  optimizeDeps: {
    // These modules import Monaco's workers with `?worker`, which the dependency pre-bundler
    // cannot load; served as-is, Vite's worker plugin handles them in dev.
    exclude: ["graphiql/setup-workers/vite", "@graphiql/react/setup-workers/vite"],
  },
  server: {
    proxy,
  },
  preview: {
    proxy,
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // GraphiQL (Monaco) is large by nature and only ever loaded lazily at /graphiql.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      experimental: {
        // By default Rolldown moves modules that several lazy pages share into the entry chunk
        // (it already loads before them), so every first visit paid for floating-ui, remove-scroll
        // and the like that only dialogs and menus need. Kept in shared chunks, they load with
        // the first page that uses them.
        chunkOptimization: { mergeCommonChunks: false },
      },
      onLog(level, log, handler) {
        // GraphiQL ships React Compiler output with "use no memo" directives; harmless when bundled.
        if (log.code === "MODULE_LEVEL_DIRECTIVE") return;
        handler(level, log);
      },
    },
  },
}));
