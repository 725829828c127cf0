/**
 * helmet's headers with a Content-Security-Policy the SPA and the bundled GraphiQL
 * work under (the e2e tests fail on any CSP violation report):
 * - styles: Mantine and Monaco set inline `style` attributes and <style> tags, so
 *   `style-src 'self' 'unsafe-inline'`; scripts stay `'self'` only (no inline, no eval);
 * - Monaco's editor workers: `worker-src 'self' blob:`;
 * - images and fonts may be `data:` URLs (icons inlined into CSS by Vite).
 * Referrer-Policy is `no-referrer` on every response, which covers the invitation
 * pages (/invite/*) whose URLs carry a token.
 */
import helmet from "helmet";

export function securityHeaders(options: { https: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "script-src-attr": ["'none'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        // Over plain http (development, tests on loopback) an upgrade would break every request.
        ...(options.https ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    referrerPolicy: { policy: "no-referrer" },
    // HSTS only means something over https; over http it would only confuse.
    strictTransportSecurity: options.https
      ? { maxAge: 180 * 24 * 60 * 60, includeSubDomains: true }
      : false,
  });
}
