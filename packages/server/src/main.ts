/**
 * Starts Partner Network: config, database (embedded unless DATABASE_URL is set),
 * migrations, demo seed, HTTP server. SIGTERM/SIGINT stop taking requests,
 * finish in-flight ones, and stop the database, in that order.
 */
import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { ConfigError, loadConfig, type Config } from "./config";
import { sealKeyFrom } from "./crypto/sealed-box";
import { createDataSource } from "./db/data-source";
import { EmbeddedPostgresError, startEmbeddedPostgres, type EmbeddedDatabase } from "./db/embedded-postgres";
import { DEMO_OWNER_EMAIL, DEMO_PASSWORD, seedDemoData } from "./db/seed";
import { createApp } from "./http/app";
import { createLogger, type Logger } from "./logger";
import { createTransport, startMailSystem, type MailSystem } from "./modules/mail/mail-worker";
import { startWebhookSystem, type WebhookSystem } from "./modules/webhooks/webhook-delivery";

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

async function connectDatabase(config: Config, logger: Logger) {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, logger });
    url = embedded.url;
  }
  const dataSource = createDataSource(url, { logger });
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

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`invalid configuration: ${error.message}`);
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const started = Date.now();

  const { dataSource, embedded, url } = await connectDatabase(config, logger);
  let mail: MailSystem | null = null;
  let webhooks: WebhookSystem | null = null;
  const stopDatabase = async () => {
    // Queued sends finish (or go back to the queue) before the database goes away.
    await webhooks?.stop();
    await mail?.stop();
    if (dataSource.isInitialized) await dataSource.destroy();
    logger.debug("database connections closed");
    await embedded?.stop();
  };

  const httpServer = createServer();
  try {
    const applied = await dataSource.runMigrations({ transaction: "all" });
    if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, "migrations applied");
    const seed = config.seedDemoData ? await seedDemoData(dataSource) : { seeded: false };
    const sealKey = sealKeyFrom(config.appSecret ?? (await localAppSecret(config.dataDir)));
    mail = await startMailSystem({
      databaseUrl: url,
      dataSource,
      transport: createTransport(config.smtpUrl, logger),
      from: config.mailFrom,
      logger,
      retryDelaySeconds: config.mailRetryDelaySeconds,
      sealKey,
    });
    await mail.startWorker();
    webhooks = await startWebhookSystem({
      databaseUrl: url,
      dataSource,
      logger,
      mail: mail.queue,
      sealKey,
      appUrl: config.appUrl,
      settings: { allowInternalUrls: config.webhookAllowPrivateUrls, retryDelaySeconds: config.webhookRetryDelaySeconds },
    });
    await webhooks.startWorker();
    const { app, apollo } = await createApp({ config, dataSource, logger, httpServer, mail: mail.queue });
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

    logger.info({ port: config.port, ms: Date.now() - started, embeddedDatabase: Boolean(embedded) }, "server started");
    const lines = [`Partner Network is running at ${config.appUrl}  (GraphQL playground: ${config.appUrl}/graphiql)`];
    if (seed.seeded) lines.push(`Demo data created. Log in as ${DEMO_OWNER_EMAIL} with password "${DEMO_PASSWORD}".`);
    process.stdout.write(`${lines.join("\n")}\n`);

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
  if (error instanceof StartupError || error instanceof EmbeddedPostgresError) fail(error.message);
  process.stderr.write(`partner-network: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
