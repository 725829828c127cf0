import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const apiTarget = process.env.VITE_API_PROXY ?? "http://localhost:4000";
// Host stays the SPA's own, so Host and Origin agree for the server's session and CSRF checks.
const proxy = {
  "/graphql": { target: apiTarget },
  "/healthz": { target: apiTarget },
  "/api": { target: apiTarget },
};

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      "@pn/shared": fileURLToPath(new URL("../shared/src/index.ts", import.meta.url)),
    },
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
      onLog(level, log, handler) {
        // GraphiQL ships React Compiler output with "use no memo" directives; harmless when bundled.
        if (log.code === "MODULE_LEVEL_DIRECTIVE") return;
        handler(level, log);
      },
    },
  },
});
