/**
 * Collects Content-Security-Policy violations of every page of a browser context:
 * the document's `securitypolicyviolation` events (reported through an exposed
 * function, so they survive navigations) and Chromium's console messages about the
 * policy (which also cover what the event does not, such as blocked workers).
 */
import type { BrowserContext, Page } from "playwright-core";

export async function recordCspViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeFunction("__pnReportCspViolation", (violation: string) => {
    violations.push(violation);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __pnReportCspViolation: (violation: string) => void })
        .__pnReportCspViolation;
      report(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} on ${event.documentURI}`,
      );
    });
  });
  const watch = (page: Page) =>
    page.on("console", (message) => {
      if (/Content[ -]Security[ -]Policy/i.test(message.text())) violations.push(message.text());
    });
  context.pages().forEach(watch);
  context.on("page", watch);
  return violations;
}
