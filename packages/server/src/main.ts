/**
 * Starts Partner Network: config, database (embedded unless DATABASE_URL is set),
 * migrations, demo seed, HTTP server. SIGTERM/SIGINT stop taking requests,
 * finish in-flight ones, and stop the database, in that order.
 *
 * With WEB_CONCURRENCY=N (N > 1) this process is a node:cluster primary: it starts the
 * embedded database (once), migrates and seeds, then forks N server workers that share
 * PORT and connect to that database; on SIGTERM it stops the workers, then the database.
 * Every piece of state lives in PostgreSQL, so any worker can answer any request.
 */
import "reflect-metadata";
import cluster, { type Worker } from "node:cluster";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import type { DataSource } from "typeorm";
import { ConfigError, loadConfig, type Config } from "./config";
import { OwnerRoleError } from "./db/app-role";
import {
  EmbeddedPostgresError,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from "./db/embedded-postgres";
import { createLogger, type Logger } from "./logger";
import type { MailSystem } from "./modules/mail/mail-worker";
import type { WebhookSystem } from "./modules/webhooks/webhook-delivery";
import type { JobRunner } from "./jobs/job-runner";

/**
 * TypeORM with the entities and migrations, the GraphQL schema's modules, Express, Apollo,
 * pg-boss, nodemailer: about 1,400 files whose loading is most of a start. main() starts the
 * embedded PostgreSQL first (initdb on a fresh DATA_DIR, then the postmaster: other processes)
 * and loads these while it boots, one module at a time so PostgreSQL's events are handled
 * between them.
 *
 * `require`, not `import()`: on Node 20 an import() of our CommonJS output fails inside the ESM
 * loader once a dependency require()s an ES module.
 */
function loadLater<T>(load: () => T): Promise<T> {
  return new Promise((resolve, reject) =>
    setImmediate(() => {
      try {
        resolve(load());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }),
  );
}

/* eslint-disable @typescript-eslint/no-require-imports -- see loadLater */
async function loadDatabaseModules() {
  const { createDataSource } = await loadLater(
    () => require("./db/data-source") as typeof import("./db/data-source"),
  );
  const { applyMigrations, withMigrationLock } = await loadLater(
    () => require("./db/migration-lock") as typeof import("./db/migration-lock"),
  );
  const { DEMO_OWNER_EMAIL, DEMO_PASSWORD, seedDemoData } = await loadLater(
    () => require("./db/seed") as typeof import("./db/seed"),
  );
  return {
    createDataSource,
    applyMigrations,
    withMigrationLock,
    DEMO_OWNER_EMAIL,
    DEMO_PASSWORD,
    seedDemoData,
  };
}
type DatabaseModules = Awaited<ReturnType<typeof loadDatabaseModules>>;

async function loadServerModules() {
  const { startJobRunner } = await loadLater(
    () => require("./jobs/job-runner") as typeof import("./jobs/job-runner"),
  );
  const { createTransport, startMailSystem } = await loadLater(
    () => require("./modules/mail/mail-worker") as typeof import("./modules/mail/mail-worker"),
  );
  const { startWebhookSystem } = await loadLater(
    () =>
      require("./modules/webhooks/webhook-delivery") as typeof import("./modules/webhooks/webhook-delivery"),
  );
  const { startInvitationExpirySweep } = await loadLater(
    () =>
      require("./modules/invitations/invitation-expiry") as typeof import("./modules/invitations/invitation-expiry"),
  );
  const { createApp } = await loadLater(() => require("./http/app") as typeof import("./http/app"));
  const { appRolePassword, ensureAppRoleLogin } = await loadLater(
    () => require("./db/app-role") as typeof import("./db/app-role"),
  );
  const { sealKeyFrom } = await loadLater(
    () => require("./crypto/sealed-box") as typeof import("./crypto/sealed-box"),
  );
  return {
    startJobRunner,
    createTransport,
    startMailSystem,
    startWebhookSystem,
    startInvitationExpirySweep,
    createApp,
    appRolePassword,
    ensureAppRoleLogin,
    sealKeyFrom,
  };
}
/* eslint-enable @typescript-eslint/no-require-imports */

const SHUTDOWN_TIMEOUT_MS = 10_000;

class StartupError extends Error {}

function fail(message: string): never {
  process.stderr.write(`partner-network: ${message}\n`);
  process.exit(1);
}

function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

/**
 * Starts the embedded PostgreSQL unless DATABASE_URL is set (null then). `launched` resolves
 * once its process runs (or the start has settled): the moment to load the server's modules,
 * while initdb or the postmaster works in a process of its own.
 */
function startDatabase(
  config: Config,
  logger: Logger,
): {
  starting: Promise<EmbeddedDatabase | null>;
  launched: Promise<{ initialising: boolean }>;
} {
  if (config.databaseUrl)
    return { starting: Promise.resolve(null), launched: Promise.resolve({ initialising: false }) };
  let onLaunched = (_launch: { initialising: boolean }) => {};
  const launched = new Promise<{ initialising: boolean }>((resolve) => (onLaunched = resolve));
  const starting = startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPgPort,
    logger,
    onLaunched,
  });
  // Awaited once the modules have loaded; a failure before that is not an unhandled rejection.
  starting.then(
    () => onLaunched({ initialising: false }),
    () => onLaunched({ initialising: false }),
  );
  return { starting, launched };
}

/**
 * On a fresh embedded database with the demo seed on, the demo users' password hash (about a
 * second of scrypt, off the main thread) is computed while initdb runs instead of after the
 * migrations. Only then: a restart on seeded data must not pay for a hash it does not use.
 */
function startDemoPasswordHash(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see loadLater
  const { demoPasswordHash } = require("./db/seed") as typeof import("./db/seed");
  const hash = demoPasswordHash();
  hash.catch(() => undefined);
  return hash;
}

async function connectDatabase(
  config: Config,
  logger: Logger,
  modules: DatabaseModules,
  starting: Promise<EmbeddedDatabase | null>,
) {
  const embedded = await starting;
  const url = embedded?.url ?? config.databaseUrl;
  if (!url) throw new StartupError("no database: DATABASE_URL is unset and none was started");
  const dataSource = modules.createDataSource(url, {
    logger,
    poolSize: systemPoolSize(config),
    applicationName: "partner-network:system",
  });
  try {
    await dataSource.initialize();
  } catch (error) {
    await embedded?.stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(
      `${config.databaseUrl ? "DATABASE_URL" : "embedded PostgreSQL"} (${describeUrl(url)}) is not reachable: ${reason}`,
    );
  }
  return { dataSource, embedded, url };
}

/** The owner role's pool: short statements (sign-in lookups, rate limits) and background jobs. */
function systemPoolSize(config: Config): number {
  return Math.max(2, Math.ceil(config.databasePoolMax / 2));
}

/** Without APP_SECRET (development), a random secret kept in DATA_DIR survives restarts. */
async function localAppSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "app-secret");
  try {
    return (await readFile(file, "utf8")).trim();
  } catch {
    await mkdir(dataDir, { recursive: true });
    const secret = randomBytes(32).toString("hex");
    await writeFile(file, secret, { mode: 0o600, flag: "wx" }).catch(() => undefined);
    return (await readFile(file, "utf8")).trim();
  }
}

async function listen(server: ReturnType<typeof createServer>, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/**
 * Migrates (unless MIGRATE_ON_START=false: `pnpm migrate` did) and seeds under the
 * migration lock: processes started at the same time against one database take turns.
 * `onMigrated` runs once the schema is current, before the seed: the caller starts the job
 * queue and builds the GraphQL schema meanwhile, and listens only once the seed is done.
 */
async function prepareDatabase(
  dataSource: DataSource,
  config: Config,
  logger: Logger,
  { applyMigrations, withMigrationLock, seedDemoData }: DatabaseModules,
  onMigrated: () => void = () => {},
  demoPasswordHash?: Promise<string>,
): Promise<{ seeded: boolean }> {
  const seed = () =>
    config.seedDemoData ? seedDemoData(dataSource, demoPasswordHash) : { seeded: false };
  // The seed takes a transaction-level lock of its own; the migration lock is a session lock,
  // which PgBouncer in transaction mode cannot keep, so it is taken only to migrate.
  if (!config.migrateOnStart) {
    onMigrated();
    return seed();
  }
  return withMigrationLock(dataSource, async () => {
    await applyMigrations(dataSource, logger);
    onMigrated();
    return seed();
  });
}

function startupLines(
  config: Config,
  seeded: boolean,
  processes: number,
  { DEMO_OWNER_EMAIL, DEMO_PASSWORD }: DatabaseModules,
): string {
  const lines = [
    `Partner Network is running at ${config.appUrl}  (GraphQL playground: ${config.appUrl}/graphiql)${processes > 1 ? `  with ${processes} server processes` : ""}`,
  ];
  if (seeded)
    lines.push(
      `Demo data created. Log in as ${DEMO_OWNER_EMAIL} with password "${DEMO_PASSWORD}".`,
    );
  return `${lines.join("\n")}\n`;
}

/** The cluster primary: owns the embedded database, runs no HTTP server itself. */
async function runPrimary(config: Config, logger: Logger): Promise<void> {
  const started = Date.now();
  const { starting, launched } = startDatabase(config, logger);
  await launched;
  const modules = await loadDatabaseModules();
  const { dataSource, embedded, url } = await connectDatabase(config, logger, modules, starting);
  let seed: { seeded: boolean };
  try {
    seed = await prepareDatabase(dataSource, config, logger, modules);
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
  // Workers have their own pools; the primary keeps no connection open.
  await dataSource.destroy();

  let stopping = false;
  let listening = 0;
  const workers = new Set<Worker>();
  const stopAll = async (exitCode: number) => {
    stopping = true;
    const timer = setTimeout(() => {
      logger.error("shutdown took too long; exiting");
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS + 2_000);
    await Promise.all(
      [...workers].map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            worker.once("exit", () => resolve());
            worker.process.kill("SIGTERM");
          }),
      ),
    );
    await embedded
      ?.stop()
      .catch((error: unknown) =>
        logger.error({ err: error }, "could not stop the embedded database"),
      );
    clearTimeout(timer);
    logger.info("stopped");
    process.exit(exitCode);
  };

  const fork = (): void => {
    // Workers connect to the database this primary started (or DATABASE_URL) and must not start another.
    const worker = cluster.fork({ DATABASE_URL: url });
    workers.add(worker);
    let workerListening = false;
    worker.once("listening", () => {
      workerListening = true;
      listening += 1;
      if (listening === config.webConcurrency) {
        logger.info(
          {
            port: config.port,
            ms: Date.now() - started,
            processes: config.webConcurrency,
            embeddedDatabase: Boolean(embedded),
          },
          "server started",
        );
        process.stdout.write(startupLines(config, seed.seeded, config.webConcurrency, modules));
      }
    });
    worker.once("exit", (code, signal) => {
      workers.delete(worker);
      if (stopping) return;
      if (!workerListening) {
        // It could not start (the worker printed why): the others would fail the same way.
        void stopAll(1);
        return;
      }
      logger.error(
        { pid: worker.process.pid, code, signal },
        "server process died; starting a new one",
      );
      fork();
    });
  };
  for (let index = 0; index < config.webConcurrency; index += 1) fork();

  const shutdown = (signal: string) => {
    if (stopping) return;
    logger.info({ signal }, "shutting down");
    void stopAll(0);
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`invalid configuration: ${error.message}`);
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (cluster.isPrimary && config.webConcurrency > 1) return runPrimary(config, logger);
  const started = Date.now();

  const { starting, launched } = startDatabase(config, logger);
  const { initialising } = await launched;
  const demoPasswordHash =
    initialising && config.seedDemoData ? startDemoPasswordHash() : undefined;
  let modules: DatabaseModules;
  let server: Awaited<ReturnType<typeof loadServerModules>>;
  try {
    modules = await loadDatabaseModules();
    server = await loadServerModules();
  } catch (error) {
    await (await starting.catch(() => null))?.stop();
    throw error;
  }
  const { dataSource, embedded, url } = await connectDatabase(config, logger, modules, starting);
  let jobs: JobRunner | null = null;
  let mail: MailSystem | null = null;
  let webhooks: WebhookSystem | null = null;
  let appDataSource: DataSource | null = null;
  let expirySweep: { stop(): Promise<void> } | null = null;
  const stopDatabase = async () => {
    // Queued sends finish (or go back to the queue) before the database goes away.
    await expirySweep?.stop();
    await webhooks?.stop();
    await mail?.stop();
    await jobs?.stop();
    if (appDataSource?.isInitialized) await appDataSource.destroy();
    if (dataSource.isInitialized) await dataSource.destroy();
    logger.debug("database connections closed");
    await embedded?.stop();
  };

  const httpServer = createServer();
  // Idle keep-alive connections outlive a load balancer's (60 s is the common default), so the
  // balancer, not the server, closes them: otherwise a request sent just as the server closes an
  // idle connection fails with ECONNRESET (Node's default is 5 s; e2e polling hit that race).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  try {
    // A cluster worker finds the database prepared by the primary.
    let onMigrated = () => {};
    const migrated = new Promise<void>((resolve) => (onMigrated = resolve));
    const preparing = cluster.isWorker
      ? Promise.resolve({ seeded: false })
      : prepareDatabase(dataSource, config, logger, modules, onMigrated, demoPasswordHash);
    if (cluster.isWorker) onMigrated();
    // Awaited before listening; a failure meanwhile is not an unhandled rejection.
    preparing.catch(() => undefined);
    await Promise.race([migrated, preparing]);
    const appSecret = config.appSecret ?? (await localAppSecret(config.dataDir));
    const sealKey = server.sealKeyFrom(appSecret);
    // Requests run as the restricted role pn_app, under row-level security (SECURITY.md).
    appDataSource = modules.createDataSource(
      await server.ensureAppRoleLogin(url, server.appRolePassword(appSecret)),
      {
        logger,
        poolSize: config.databasePoolMax,
        applicationName: "partner-network:app",
      },
    );
    await appDataSource.initialize();
    jobs = await server.startJobRunner({
      databaseUrl: url,
      dataSource,
      logger,
      maxConnections: config.jobRunnerPoolMax,
    });
    mail = await server.startMailSystem({
      jobs,
      dataSource,
      transport: server.createTransport(config.smtpUrl, logger),
      from: config.mailFrom,
      logger,
      retryDelaySeconds: config.mailRetryDelaySeconds,
      sealKey,
    });
    await mail.startWorker();
    webhooks = await server.startWebhookSystem({
      jobs,
      dataSource,
      logger,
      mail: mail.queue,
      sealKey,
      appUrl: config.appUrl,
      settings: {
        allowInternalUrls: config.webhookAllowPrivateUrls,
        retryDelaySeconds: config.webhookRetryDelaySeconds,
        concurrency: config.webhookConcurrency,
      },
    });
    await webhooks.startWorker();
    expirySweep = await server.startInvitationExpirySweep({ jobs, dataSource, logger });
    const { app, apollo } = await server.createApp({
      config,
      dataSource,
      appDataSource,
      logger,
      httpServer,
      mail: mail.queue,
    });
    const seed = await preparing;
    httpServer.on("request", app);
    try {
      await listen(httpServer, config.port);
    } catch (error) {
      await apollo.stop();
      const code = (error as NodeJS.ErrnoException).code;
      throw new StartupError(
        code === "EADDRINUSE"
          ? `PORT ${config.port} is already in use; stop the other process or set PORT to a free port`
          : `cannot listen on PORT ${config.port}: ${(error as Error).message}`,
      );
    }

    logger.info(
      { port: config.port, ms: Date.now() - started, embeddedDatabase: Boolean(embedded) },
      "server started",
    );
    // In a cluster the primary prints the start-up lines once, for all workers.
    if (!cluster.isWorker) process.stdout.write(startupLines(config, seed.seeded, 1, modules));

    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, "shutting down");
      const timer = setTimeout(() => {
        logger.error("shutdown took too long; exiting");
        process.exit(1);
      }, SHUTDOWN_TIMEOUT_MS);
      try {
        await apollo.stop(); // drains the HTTP server through the drain plugin
        logger.debug("http and graphql stopped");
        await stopDatabase();
        clearTimeout(timer);
        logger.info("stopped");
        process.exit(0);
      } catch (error) {
        logger.error({ err: error }, "error during shutdown");
        process.exit(1);
      }
    };
    process.on("SIGTERM", () => void shutdown("SIGTERM"));
    process.on("SIGINT", () => void shutdown("SIGINT"));
  } catch (error) {
    await stopDatabase().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  if (
    error instanceof StartupError ||
    error instanceof EmbeddedPostgresError ||
    error instanceof OwnerRoleError
  )
    fail(error.message);
  process.stderr.write(
    `partner-network: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
