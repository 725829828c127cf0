/** The real Express app on an ephemeral port, for GraphQL tests over HTTP. */
import "reflect-metadata";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { DataSource } from "typeorm";
import { loadConfig, type RateLimitSettings } from "../config";
import type { Viewer } from "../graphql/context";
import { createApp, type ViewerResolver } from "../http/app";
import { SESSION_COOKIE } from "../modules/identity/sessions.service";
import { sealKeyFrom } from "../crypto/sealed-box";
import { createLogger } from "../logger";
import { createAppRoleDataSource } from "./test-database";
import type { MailQueue } from "../modules/mail/mail.service";
import type { CredentialCache } from "../modules/identity/credential-cache";

export type GraphQLResponse<T = Record<string, unknown>> = {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    errors?: { message: string; extensions?: Record<string, unknown>; path?: string[] }[];
    extensions?: Record<string, unknown>;
  };
};

/** A caller with its own cookie jar (one browser) and optional bearer token. */
export type TestClient = {
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  cookie(): string | undefined;
  setBearer(token: string | null): void;
};

export type TestApp = {
  url: string;
  /** A client that goes through real authentication (cookies, API tokens). */
  client(): TestClient;
  /** Sets who the next requests act as (until sessions exist, tests inject the viewer). */
  actAs(viewer: Viewer | null): void;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** The restricted app role's pool the app's requests use. */
  appDataSource: DataSource;
  /** The app's credential cache (its LISTEN connection included). */
  credentialCache: CredentialCache;
  close(): Promise<void>;
};

/** Writes outbox rows but enqueues no delivery: for tests that do not follow emails. */
const OUTBOX_ONLY: MailQueue = {
  enqueue: async () => undefined,
  sealKey: sealKeyFrom("test-secret"),
};

/**
 * Limits far above what any test does, so only the rate-limit tests (which pass their
 * own, small ones) ever meet them.
 */
export const GENEROUS_RATE_LIMITS: RateLimitSettings = {
  costCapacity: 1_000_000,
  costRestorePerSecond: 1_000_000,
  loginFailuresPerEmail: 10_000,
  loginFailuresPerIp: 10_000,
  loginWindowSeconds: 60,
  invitationSendsPerDay: 1_000_000,
  invitationResendsPerMinute: 1_000_000,
  invitationResendsPerDay: 1_000_000,
  tokenGuessesPerIp: 10_000,
  tokenGuessWindowSeconds: 60,
  passwordResetsPerEmail: 10_000,
  passwordResetsPerIp: 10_000,
  passwordResetWindowSeconds: 60,
  signUpsPerIp: 10_000,
  signUpWindowSeconds: 60,
};

/**
 * Drops `extensions.cost` (the rate-limit budget every signed-in response reports) so
 * specs can compare whole bodies; modules/rate-limits reads it over plain fetch.
 */
function withoutCostReport<Body extends { extensions?: Record<string, unknown> }>(
  body: Body,
): Body {
  if (!body.extensions || !("cost" in body.extensions)) return body;
  const { cost: _cost, ...extensions } = body.extensions;
  const { extensions: _all, ...rest } = body;
  return (Object.keys(extensions).length ? { ...rest, extensions } : rest) as Body;
}

export async function startTestApp(
  dataSource: DataSource,
  options: {
    resolveViewer?: ViewerResolver;
    mail?: MailQueue;
    appUrl?: string;
    /** More configuration variables, e.g. NODE_ENV=production or CORS_ORIGINS. */
    env?: Record<string, string>;
    resolverTimeoutMs?: number;
    rateLimits?: Partial<RateLimitSettings>;
    /** The app role's pool (5 connections, 5 s wait by default): the pressure tests make it small. */
    appPool?: { size: number; connectionTimeoutMs: number };
  } = {},
): Promise<TestApp> {
  let viewer: Viewer | null = null;
  let injecting = false;
  const httpServer: Server = createServer();
  // An unreachable database (the health check test) stays unreachable for the app role too.
  const appDataSource = await createAppRoleDataSource(
    String((dataSource.options as { url: string }).url),
    {
      initialize: dataSource.isInitialized,
      poolSize: options.appPool?.size,
      connectionTimeoutMs: options.appPool?.connectionTimeoutMs,
    },
  );
  const { app, apollo, credentialCache } = await createApp({
    appDataSource,
    config: {
      ...loadConfig({
        PORT: "4000",
        WEB_DIST_DIR: "/nonexistent",
        LOG_LEVEL: "silent",
        APP_URL: options.appUrl,
        ...options.env,
      }),
      rateLimits: { ...GENEROUS_RATE_LIMITS, ...options.rateLimits },
    },
    resolverTimeoutMs: options.resolverTimeoutMs,
    mail: options.mail ?? OUTBOX_ONLY,
    dataSource,
    logger: createLogger(process.env.LOG_LEVEL ?? "silent"),
    httpServer,
    resolveViewer:
      options.resolveViewer ??
      ((request, cookie, authenticate) =>
        injecting && !request.headers["x-test-real-auth"]
          ? Promise.resolve(viewer)
          : authenticate(request, cookie)),
  });
  httpServer.on("request", app);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  return {
    url,
    actAs(next) {
      injecting = true;
      viewer = next;
    },
    client() {
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
          if (cookie) headers.cookie = cookie;
          if (bearer) headers.authorization = `Bearer ${bearer}`;
          const response = await fetch(`${url}/graphql`, {
            method: "POST",
            headers,
            body: JSON.stringify({ query, variables }),
          });
          for (const header of response.headers.getSetCookie()) {
            const [pair] = header.split(";");
            const [name, value] = pair!.split("=");
            if (name === SESSION_COOKIE) cookie = value ? `${name}=${value}` : undefined;
          }
          return {
            status: response.status,
            headers: response.headers,
            body: withoutCostReport((await response.json()) as GraphQLResponse<T>["body"]),
          };
        },
      };
    },
    async graphql<T>(query: string, variables?: Record<string, unknown>) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.status,
        headers: response.headers,
        body: withoutCostReport((await response.json()) as GraphQLResponse<T>["body"]),
      };
    },
    appDataSource,
    credentialCache,
    async close() {
      await apollo.stop();
      if (appDataSource.isInitialized) await appDataSource.destroy();
    },
  };
}
