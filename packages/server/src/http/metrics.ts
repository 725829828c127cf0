/**
 * GET /metrics in Prometheus text format (prom-client): HTTP and GraphQL timings, the
 * PostgreSQL pools, the job queues, and Node's default process metrics. Each process
 * has its own registry, so with WEB_CONCURRENCY>1 a scrape reports the one worker that
 * answered it (docs/deploy.md). In production the caller must send
 * `Authorization: Bearer $METRICS_TOKEN`; without a configured token the route is 404.
 */
import { timingSafeEqual } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestHandler } from "express";
import { Kind } from "graphql";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { DataSource } from "typeorm";
import { queryRows } from "../db/sql";
import type { Logger } from "../logger";

/** The jobs pg-boss keeps per queue, by state, read from its tables (shared by every process). */
const JOB_STATES = ["created", "retry", "active", "failed"] as const;
/** Operation names come from clients: long ones are cut so one caller cannot blow up the series. */
const OPERATION_NAME_MAX = 64;

type PgPool = { totalCount: number; idleCount: number; waitingCount: number };

/** node-postgres's pool behind a TypeORM data source (TypeORM's Postgres driver calls it `master`). */
function poolOf(dataSource: DataSource): PgPool | null {
  const driver = dataSource.driver as unknown as { master?: PgPool };
  return dataSource.isInitialized && driver.master ? driver.master : null;
}

export type AppMetrics = ReturnType<typeof createAppMetrics>;

export function createAppMetrics(options: {
  pools: Record<string, DataSource>;
  /** The owner connection, for reading pg-boss's job counts. */
  jobs: { dataSource: DataSource; queues: string[] };
  logger: Logger;
}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const httpDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP requests by route and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const operationDuration = new Histogram({
    name: "graphql_operation_duration_seconds",
    help: "GraphQL operations by operation name and type",
    labelNames: ["operation", "type"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const operationErrors = new Counter({
    name: "graphql_operation_errors_total",
    help: "GraphQL errors by operation name and error code",
    labelNames: ["operation", "code"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "pg_pool_connections",
    help: "PostgreSQL pool connections by pool and state (total, idle, waiting clients)",
    labelNames: ["pool", "state"] as const,
    registers: [registry],
    collect() {
      for (const [name, dataSource] of Object.entries(options.pools)) {
        const pool = poolOf(dataSource);
        if (!pool) continue;
        this.set({ pool: name, state: "total" }, pool.totalCount);
        this.set({ pool: name, state: "idle" }, pool.idleCount);
        this.set({ pool: name, state: "waiting" }, pool.waitingCount);
      }
    },
  });
  new Gauge({
    name: "job_queue_jobs",
    help: "Jobs per queue by state (created and retry: waiting; failed: retried out, kept for inspection)",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
    async collect() {
      const { dataSource, queues } = options.jobs;
      for (const queue of queues) for (const state of JOB_STATES) this.set({ queue, state }, 0);
      try {
        const rows = await queryRows<{ name: string; state: string; jobs: number }>(
          dataSource.manager,
          `SELECT name, state::text AS state, count(*)::int AS jobs FROM pgboss.job
            WHERE name = ANY($1) AND state::text = ANY($2) GROUP BY name, state`,
          [queues, JOB_STATES],
        );
        for (const row of rows) this.set({ queue: row.name, state: row.state }, row.jobs);
      } catch (error) {
        // The queues' tables appear when pg-boss first starts; until then there is nothing to count.
        options.logger.debug({ err: error }, "job queue metrics unavailable");
      }
    },
  });

  const operationLabel = (name: string | null | undefined) =>
    (name ?? "anonymous").slice(0, OPERATION_NAME_MAX);

  return {
    registry,

    /** Times every request; the route is Express's matched pattern, never the raw URL. */
    httpMiddleware(): RequestHandler {
      return (req, res, next) => {
        const stop = httpDuration.startTimer();
        res.once("finish", () => {
          const routePath = (req.route as { path?: unknown } | undefined)?.path;
          const route =
            typeof routePath === "string"
              ? `${req.baseUrl}${routePath}`
              : req.originalUrl.startsWith("/graphql")
                ? "/graphql"
                : res.statusCode === 404
                  ? "unmatched"
                  : "static";
          stop({ method: req.method, route, status: String(res.statusCode) });
        });
        next();
      };
    },

    graphqlPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
      return {
        async requestDidStart() {
          const started = process.hrtime.bigint();
          return {
            async willSendResponse({ operationName, operation, errors, request, document }) {
              // Before the operation resolves (a validation error), the name is the document's.
              const named = document?.definitions.find(
                (definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.name,
              );
              const operationNameLabel = operationLabel(
                operationName ??
                  request.operationName ??
                  (named?.kind === Kind.OPERATION_DEFINITION ? named.name?.value : null),
              );
              operationDuration.observe(
                { operation: operationNameLabel, type: operation?.operation ?? "unknown" },
                Number(process.hrtime.bigint() - started) / 1e9,
              );
              for (const error of errors ?? []) {
                const code = error.extensions?.code;
                operationErrors.inc({
                  operation: operationNameLabel,
                  code: typeof code === "string" ? code : "INTERNAL_SERVER_ERROR",
                });
              }
            },
          };
        },
      };
    },

    /** GET /metrics; `token` null outside production means open, in production means 404. */
    route(settings: { production: boolean; token: string | null }): RequestHandler {
      const expected = settings.token ? Buffer.from(`Bearer ${settings.token}`) : null;
      return async (req, res, next) => {
        if (!expected) {
          if (settings.production) return next();
        } else {
          const given = Buffer.from(req.headers.authorization ?? "");
          if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
            res.setHeader("www-authenticate", 'Bearer realm="metrics"');
            return res.status(401).json({ error: "Metrics need the METRICS_TOKEN bearer token." });
          }
        }
        try {
          res.setHeader("content-type", registry.contentType);
          res.setHeader("cache-control", "no-store");
          res.end(await registry.metrics());
        } catch (error) {
          next(error);
        }
      };
    },
  };
}
