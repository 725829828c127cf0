/**
 * A browser for specs over HTTP: its own cookie jar, a User-Agent and a client address
 * (X-Forwarded-For, believed when the app runs with TRUST_PROXY=loopback).
 */
import { SESSION_COOKIE } from "../modules/identity/sessions.service";
import type { GraphQLResponse, TestApp } from "./test-app";

export type Browser = {
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  cookie(): string | undefined;
  setBearer(token: string | null): void;
};

export function browser(app: TestApp, options: { userAgent?: string; ip?: string } = {}): Browser {
  let cookie: string | undefined;
  let bearer: string | null = null;
  return {
    cookie: () => cookie,
    setBearer(token) {
      bearer = token;
    },
    async graphql<T>(query: string, variables?: Record<string, unknown>) {
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "x-test-real-auth": "1",
      };
      if (options.userAgent) headers["user-agent"] = options.userAgent;
      if (options.ip) headers["x-forwarded-for"] = options.ip;
      if (cookie) headers.cookie = cookie;
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      const response = await fetch(`${app.url}/graphql`, {
        method: "POST",
        headers,
        body: JSON.stringify({ query, variables }),
      });
      for (const header of response.headers.getSetCookie()) {
        const [pair] = header.split(";");
        const [name, value] = pair!.split("=");
        if (name === SESSION_COOKIE) cookie = value ? `${name}=${value}` : undefined;
      }
      const body = (await response.json()) as GraphQLResponse<T>["body"];
      return { status: response.status, headers: response.headers, body };
    },
  };
}
