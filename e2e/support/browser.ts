/** Headless Debian Chromium through playwright-core (no browser download works on these machines). */
import { accessSync, constants } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";

/** CHROMIUM_PATH, else `chromium` on the PATH; null when neither exists. */
export function findChromium(): string | null {
  const candidates = process.env.CHROMIUM_PATH
    ? [process.env.CHROMIUM_PATH]
    : (process.env.PATH ?? "")
        .split(path.delimiter)
        .filter(Boolean)
        .map((dir) => path.join(dir, "chromium"));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // try the next one
    }
  }
  return null;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error("e2e: no Chromium found (set CHROMIUM_PATH or apt-get install chromium)");
  }
  return chromium.launch({
    executablePath,
    headless: true,
    // Without the background-networking flags Chromium keeps calling home, which floods a closed network.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url)
    throw new Error(
      "e2e: E2E_BASE_URL is not set; run through `pnpm test:e2e` (its globalSetup starts the server)",
    );
  return url;
}
