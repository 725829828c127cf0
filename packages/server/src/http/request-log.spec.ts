import type { IncomingMessage } from "node:http";
import { loggedPath, requestLogFields } from "./request-log";

describe("the request log line", () => {
  it.each([
    ["/invite/AbCdEf0123456789_-AbCdEf0123456789_-AbCdEf0", "/invite/[redacted]"],
    ["/invite/secret-token?from=email", "/invite/[redacted]"],
    ["/verify-email/secret-token", "/verify-email/[redacted]"],
    ["/reset-password/secret-token/", "/reset-password/[redacted]/"],
    ["/graphql?query=%7Bviewer%7D", "/graphql"],
    ["/members?tab=pending", "/members"],
    ["/invitations/123", "/invitations/123"],
  ])("logs %s as %s", (url, logged) => expect(loggedPath(url)).toBe(logged));

  it("carries method, path, id and user agent, never cookies, authorization or idempotency keys", () => {
    const request = {
      id: "req-1",
      method: "GET",
      url: "/invite/the-token?x=1",
      headers: {
        "user-agent": "curl/8",
        cookie: "pn_session=secret",
        authorization: "Bearer pn_secret",
        "idempotency-key": "key-1",
      },
    } as unknown as IncomingMessage & { id: string };
    const fields = requestLogFields(request);
    expect(fields).toEqual({
      id: "req-1",
      method: "GET",
      path: "/invite/[redacted]",
      userAgent: "curl/8",
    });
    expect(JSON.stringify(fields)).not.toMatch(/secret|pn_secret|key-1|the-token/);
  });
});
