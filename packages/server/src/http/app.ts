/**
 * The Express app: /healthz, /graphql, and the built SPA (which also serves the
 * bundled GraphiQL at /graphiql) with client-side routes falling back to index.html.
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import { ApiScope } from "@pn/shared";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { pinoHttp } from "pino-http";
import type { DataSource } from "typeorm";
import type { Config } from "../config";
import { execute } from "../db/sql";
import { TenantTransaction } from "../db/tenant-transaction";
import {
  type Context,
  type RestContextRunner,
  type SessionCookie,
  type Viewer,
} from "../graphql/context";
import { createErrorFormatter, errorRequestPlugin, ForbiddenError } from "../graphql/errors";
import { perQueryCostLimit, queryLimits } from "../graphql/limits";
import { createContext, replaceViewer } from "../app/context";
import { buildAppSchema } from "../app/schema";
import type { Logger } from "../logger";
import { idempotencyMiddleware } from "../modules/idempotency/idempotency.middleware";
import { mailService, type MailQueue } from "../modules/mail/mail.service";
import { MAIL_QUEUE_NAME } from "../modules/mail/mail-worker";
import { WEBHOOK_QUEUE_NAME } from "../modules/webhooks/webhook-delivery";
import { partnerLogoRouter } from "../modules/partners/partner-logo.routes";
import { accountExportRouter } from "../modules/accounts/account-export.routes";
import { listExports } from "../app/list-exports";
import { createCredentialLookup } from "../modules/identity/credentials";
import { startCredentialCache, type CredentialCache } from "../modules/identity/credential-cache";
import { createPersonalMail } from "../modules/identity/personal-mail";
import { costBudgetPlugin } from "../modules/rate-limits/cost-budget.plugin";
import { createRateLimits } from "../modules/rate-limits/rate-limits.service";
import { ServiceBusyError } from "../service-busy";
import { authenticate, authenticateWith, sessionCookieFor } from "./authentication";
import { credentialRecheckPlugin, type CredentialRecheck } from "./credential-recheck";
import { graphqlBodyParser } from "./body-limits";
import { listExportRouter } from "./list-export";
import { corsPolicy } from "./cors";
import { GRAPHIQL_PATH, graphiqlGate } from "./graphiql-gate";
import { createAppMetrics } from "./metrics";
import { schemaRoute } from "./schema-route";
import { requestLogFields, responseLogFields } from "./request-log";
import { securityHeaders } from "./security-headers";

/** Enough for any real browser's User-Agent; a longer header is cut rather than stored whole. */
const USER_AGENT_MAX_LENGTH = 512;
const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;
/** How often finished rate-limit windows and refilled buckets are deleted. */
const RATE_LIMIT_PRUNE_INTERVAL_MS = 10 * 60 * 1000;

/** Resolves who is calling; tests may replace it to act as a given viewer. */
export type ViewerResolver = (
  request: express.Request,
  cookie: SessionCookie,
) => Promise<Viewer | null>;

export type AppParts = {
  app: express.Express;
  apollo: ApolloServer<Context>;
  /** This app's memory of credentials; stopped with Apollo. */
  credentialCache: CredentialCache;
};

export async function createApp(options: {
  config: Config;
  /** The owner connection: authentication, health check, dev mailbox, rate limits and idempotency keys only (see SECURITY.md). */
  dataSource: DataSource;
  /** The restricted app role's pool: every request's own queries, under row-level security. */
  appDataSource: DataSource;
  logger: Logger;
  httpServer: Server;
  mail: MailQueue;
  /** Tests act as a given viewer; `authenticate` is the real sign-in check (credential cache included). */
  resolveViewer?: (
    request: express.Request,
    cookie: SessionCookie,
    authenticate: ViewerResolver,
  ) => Promise<Viewer | null>;
  /** Tests shorten the per-operation deadline; everything else keeps the default. */
  resolverTimeoutMs?: number;
}): Promise<AppParts> {
  const { config, dataSource, appDataSource, logger, httpServer, mail } = options;
  // Keyed by the request's manager: Apollo hands plugins a shallow copy of the context, which keeps it.
  const transactions = new WeakMap<Context["db"], TenantTransaction>();
  const credentialCache = startCredentialCache({
    systemDb: dataSource.manager,
    // LISTEN needs a session of its own: behind a transaction-pooling PgBouncer, DATABASE_LISTEN_URL.
    listenUrl: config.databaseListenUrl ?? String((dataSource.options as { url: string }).url),
    ttlSeconds: config.credentialCacheSeconds,
    logger,
  });
  const signIn: ViewerResolver = (request, cookie) =>
    authenticateWith(credentialCache, request, cookie);
  const testResolver = options.resolveViewer;
  const withTests =
    (real: ViewerResolver): ViewerResolver =>
    (request, cookie) =>
      testResolver ? testResolver(request, cookie, real) : real(request, cookie);
  const resolveViewer = withTests(signIn);
  // A replayed idempotent answer runs nothing that could re-check a remembered credential.
  const resolveViewerUncached = withTests((request, cookie) =>
    authenticate(dataSource.manager, request, cookie),
  );
  // Re-checks of viewers the cache answered from memory, by the request's manager (as `transactions`).
  const rechecks = new WeakMap<Context["db"], CredentialRecheck>();
  const secureCookies = config.appUrl.startsWith("https:");
  // Resolved once per request: the idempotency middleware needs the caller before Apollo does.
  const viewers = new WeakMap<express.Request, Promise<Viewer | null>>();
  const viewerFor = (
    req: express.Request,
    res: express.Response,
    resolve: ViewerResolver = resolveViewer,
  ): Promise<Viewer | null> => {
    let viewer = viewers.get(req);
    if (!viewer) {
      viewer = resolve(req, sessionCookieFor(res, secureCookies));
      viewers.set(req, viewer);
    }
    return viewer;
  };
  const app = express();
  app.disable("x-powered-by");
  // req.ip (rate limits by IP, audit) believes X-Forwarded-For only from the proxies TRUST_PROXY names.
  app.set("trust proxy", config.trustProxy);

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers["x-request-id"];
        const id =
          typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.setHeader("x-request-id", id);
        return id;
      },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info",
      autoLogging: { ignore: (req) => req.url === "/healthz" },
      // pino-http hands the serializers its raw request/response; they pick the allowed fields.
      wrapSerializers: false,
      serializers: { req: requestLogFields, res: responseLogFields },
    }),
  );
  const metrics = createAppMetrics({
    pools: { system: dataSource, app: appDataSource },
    jobs: { dataSource, queues: [MAIL_QUEUE_NAME, WEBHOOK_QUEUE_NAME] },
    logger,
  });
  app.use(metrics.httpMiddleware());
  app.use(securityHeaders({ https: secureCookies }));

  app.get("/healthz", async (_req, res) => {
    try {
      await Promise.race([
        execute(dataSource.manager, "SELECT 1"),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error("database timeout")), 2_000).unref(),
        ),
      ]);
      res.json({ status: "ok" });
    } catch (error) {
      logger.warn({ err: error }, "health check failed");
      res.status(503).json({ status: "unavailable", reason: "database not reachable" });
    }
  });

  app.get("/schema.graphql", schemaRoute(logger));
  app.get("/metrics", metrics.route({ production: config.production, token: config.metricsToken }));

  const rateLimits = createRateLimits(dataSource.manager, config.rateLimits);
  const credentials = createCredentialLookup(dataSource.manager);
  const personalMail = createPersonalMail(dataSource.manager, mail);
  const schema = buildAppSchema();
  const limits = queryLimits(schema, {
    production: config.production,
    resolverTimeoutMs: options.resolverTimeoutMs,
    deadline: {
      start: (context, timeoutMs, error) =>
        transactions.get(context.db)?.limitTime(timeoutMs, error),
      expire: (context, error) => {
        transactions
          .get(context.db)
          ?.expire(error)
          .catch((failure: unknown) => context.logger.warn({ err: failure }, "cancelling failed"));
      },
    },
  });
  const apollo = new ApolloServer<Context>({
    schema: limits.schema,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // Introspection is on; in production introspection-gate.ts limits it to signed-in callers
    // (Apollo's default would switch it off for everyone when NODE_ENV=production).
    introspection: true,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // Compact JSON: Apollo's default pretty-prints every response (two-space indent).
    stringifyResult: (result) => JSON.stringify(result),
    csrfPrevention: true,
    // main() owns the ordered shutdown (HTTP, Apollo, database).
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The playground is our own bundled GraphiQL at /graphiql, not Apollo's CDN-hosted page.
      ApolloServerPluginLandingPageDisabled(),
      // No field or type sets a cache hint (no @cacheControl, no info.cacheControl), so Apollo's
      // cache-control plugin only costs a hook on every field resolution (issue 20's profile).
      ApolloServerPluginCacheControlDisabled(),
      metrics.graphqlPlugin<Context>(),
      errorRequestPlugin<Context>(),
      ...limits.plugins,
      costBudgetPlugin({ maxCost: perQueryCostLimit(config.rateLimits.costCapacity) }),
      credentialRecheckPlugin((context) => rechecks.get(context.db)),
      {
        async serverWillStart() {
          const timer = setInterval(() => {
            rateLimits
              .prune()
              .catch((error: unknown) => logger.warn({ err: error }, "pruning rate limits failed"));
          }, RATE_LIMIT_PRUNE_INTERVAL_MS);
          timer.unref();
          return {
            async serverWillStop() {
              clearInterval(timer);
              await credentialCache.stop();
            },
          };
        },
      },
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ operation, contextValue }) {
              const credential = contextValue.viewer?.credential;
              if (
                operation?.operation === "mutation" &&
                credential?.kind === "apiToken" &&
                !credential.scopes.includes(ApiScope.WRITE)
              ) {
                throw new ForbiddenError(
                  "This API token has the READ scope only; mutations need WRITE.",
                );
              }
            },
            async willSendResponse({ response, contextValue }) {
              // Committed before the response leaves, so a client that reads next sees the change.
              const timedOut =
                response.body.kind === "single" &&
                response.body.singleResult.errors?.some(
                  (error) => error.extensions?.code === "TIMEOUT",
                );
              try {
                // A query past its deadline still has statements running; they are cancelled, not awaited.
                await transactions.get(contextValue.db)?.finish(timedOut ? "abandon" : "commit");
              } catch (error) {
                contextValue.logger.error({ err: error }, "commit failed");
                if (response.body.kind === "single") {
                  response.body.singleResult.data = null;
                  response.body.singleResult.errors = [
                    {
                      message: `Internal server error. Quote request id ${contextValue.requestId}.`,
                      extensions: { code: "INTERNAL_SERVER_ERROR" },
                    },
                  ];
                }
              }
              // A debugging aid for tests and development; production answers carry no internals.
              // The request's own statements: authentication and rate-limit bookkeeping (system
              // pool), BEGIN and COMMIT are not counted.
              const transaction = transactions.get(contextValue.db);
              if (transaction && response.http && !config.production)
                response.http.headers.set("x-sql-statements", String(transaction.statements));
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  /** The services' context of one request, /graphql's or a REST route's, on its tenant transaction. */
  const contextFor = (
    req: express.Request,
    viewer: Viewer | null,
    transaction: TenantTransaction,
    sessionCookie: SessionCookie,
  ): Context =>
    createContext({
      requestId: String(req.id),
      appUrl: config.appUrl,
      ip: req.ip ?? null,
      userAgent: req.get("user-agent")?.slice(0, USER_AGENT_MAX_LENGTH) ?? null,
      mail,
      logger: req.log,
      db: transaction.manager,
      viewer,
      sessionCookie,
      rateLimits,
      credentials,
      personalMail,
      piggyback: transaction,
    });

  app.use(
    "/graphql",
    corsPolicy(config.corsOrigins),
    ...graphqlBodyParser(),
    idempotencyMiddleware({
      db: dataSource.manager,
      sealKey: mail.sealKey,
      viewerFor: (req, res) => viewerFor(req, res, resolveViewerUncached),
    }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const sessionCookie = sessionCookieFor(res, secureCookies);
        const viewer = await viewerFor(req, res);
        const recheckSql = viewer ? credentialCache.recheckSql(viewer) : null;
        const transaction = new TenantTransaction(
          appDataSource,
          { accountId: viewer?.accountId ?? null, userId: viewer?.userId ?? null },
          { readWithBegin: recheckSql ?? undefined },
        );
        if (viewer && recheckSql)
          rechecks.set(transaction.manager, {
            rows: () => transaction.openingRows(),
            lookUpAgain() {
              credentialCache.forget(viewer);
              return authenticate(dataSource.manager, req, sessionCookie);
            },
            async actAs(context, now) {
              const tenant = { accountId: now?.accountId ?? null, userId: now?.userId ?? null };
              if (tenant.accountId !== viewer.accountId || tenant.userId !== viewer.userId)
                await transaction.retarget(tenant);
              replaceViewer(context, now);
            },
          });
        // Every path ends it: the commit in willSendResponse, or this rollback when Apollo answered without executing.
        res.once("close", () => {
          transaction
            .finish("rollback")
            .catch((error: unknown) => req.log.error({ err: error }, "rollback failed"));
        });
        const context = contextFor(req, viewer, transaction, sessionCookie);
        transactions.set(transaction.manager, transaction);
        return context;
      },
    }),
  );

  if (!config.production && !config.smtpUrl) {
    // The dev mailbox: what would have been emailed, for the SPA page /dev/mailbox. Never in production.
    app.get("/api/dev/mailbox", async (_req, res) => {
      res.setHeader("cache-control", "no-store");
      res.json({ messages: await mailService.devMailbox(dataSource.manager, mail.sealKey) });
    });
  }

  /** Runs a REST route's work as a GraphQL request runs: in a tenant transaction of the app role. */
  const inRequestContext: RestContextRunner = async (req, viewer, work) => {
    const transaction = new TenantTransaction(appDataSource, {
      accountId: viewer.accountId ?? null,
      userId: viewer.userId,
    });
    try {
      // REST routes never sign anyone in or out.
      const result = await work(
        contextFor(req, viewer, transaction, { set: () => undefined, clear: () => undefined }),
      );
      await transaction.finish("commit");
      return result;
    } finally {
      // After the commit this does nothing; after a failure it rolls back.
      await transaction.finish("rollback");
    }
  };
  app.use(partnerLogoRouter(dataSource, { secureCookies, inRequestContext }));
  app.use(
    accountExportRouter(
      { system: dataSource, app: appDataSource },
      { secureCookies, inRequestContext },
    ),
  );
  app.use(listExportRouter(listExports(), dataSource, { secureCookies, inRequestContext }));

  if (config.production) {
    app.get(
      GRAPHIQL_PATH,
      graphiqlGate(resolveViewer, (res) => sessionCookieFor(res, secureCookies)),
    );
  }

  const indexHtml = path.join(config.webDistDir, "index.html");
  if (existsSync(indexHtml)) {
    app.use(express.static(config.webDistDir, { index: false, maxAge: "1h" }));
    app.get("/{*splat}", (req, res, next) => {
      if (/^\/(api|graphql|healthz|metrics)(\/|$)/.test(req.path)) return next();
      res.setHeader("cache-control", "no-cache");
      res.sendFile(indexHtml);
    });
  } else {
    logger.warn(
      { dir: config.webDistDir },
      "SPA build not found; only the API is served (run `pnpm build`)",
    );
  }

  app.use((_req, res) => {
    res.status(404).json({ error: "Not found" });
  });
  // Express error handler: a 4xx from body parsing keeps its status, a busy server says when to
  // come back (503 + retry-after); anything else is masked.
  app.use(
    (error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
      if (error instanceof ServiceBusyError) {
        req.log.info({ reason: error.message }, "busy: answered 503");
        res.setHeader("retry-after", String(error.retryAfterSeconds));
        res.status(503).json({ error: error.message, requestId: String(req.id) });
        return;
      }
      const status =
        typeof error === "object" && error && "status" in error ? Number(error.status) : 500;
      if (status >= 500) req.log.error({ err: error }, "unhandled error");
      res.status(status >= 400 && status < 600 ? status : 500).json({
        error: status < 500 ? (error as Error).message : "Internal server error",
        requestId: String(req.id),
      });
    },
  );

  return { app, apollo, credentialCache };
}
