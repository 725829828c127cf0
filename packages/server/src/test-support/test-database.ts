/** A private database per test file, cloned from the migrated template that globalSetup made. */
import "reflect-metadata";
import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { appRoleUrl } from "../db/app-role";
import { createDataSource } from "../db/data-source";
import { createDatabaseIfMissing, dropDatabase, withDatabase } from "../db/database-admin";
import { queryRows } from "../db/sql";
import { createLogger } from "../logger";

export type TestDatabase = { dataSource: DataSource; url: string; drop(): Promise<void> };

/**
 * The APP_SECRET of every server a test starts on the shared test cluster. The app role
 * `pn_app` is cluster-wide and its password derives from the secret: a server started
 * with another secret would change the password under every other test file.
 */
export const TEST_APP_SECRET = "partner-network-tests-app-secret-shared-by-the-cluster";

/** A pool on the test database logged in as the restricted app role (what requests use). */
export async function createAppRoleDataSource(
  ownerUrl: string,
  options: { poolSize?: number; connectionTimeoutMs?: number; initialize?: boolean } = {},
): Promise<DataSource> {
  const password = process.env.PN_TEST_APP_ROLE_PASSWORD;
  if (!password)
    throw new Error("PN_TEST_APP_ROLE_PASSWORD is not set: run tests through jest's globalSetup");
  const dataSource = createDataSource(appRoleUrl(ownerUrl, password), {
    poolSize: options.poolSize ?? 5,
    connectionTimeoutMs: options.connectionTimeoutMs,
    logger: createLogger(process.env.LOG_LEVEL ?? "silent"),
  });
  if (options.initialize ?? true) await dataSource.initialize();
  return dataSource;
}

/** Every table a tenant owns (it has `account_id`): the schema decides, so a new one is covered by itself. */
export async function tenantTableNames(db: DataSource): Promise<string[]> {
  const rows = await queryRows<{ table_name: string }>(
    db.manager,
    `SELECT c.table_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND c.column_name = 'account_id' AND t.table_type = 'BASE TABLE'
     ORDER BY c.table_name`,
  );
  return rows.map((row) => row.table_name);
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.PN_TEST_PG_URL;
  const template = process.env.PN_TEST_TEMPLATE_DB;
  if (!serverUrl || !template)
    throw new Error("PN_TEST_PG_URL is not set: run tests through jest's globalSetup");
  const url = withDatabase(serverUrl, `pn_test_${randomBytes(6).toString("hex")}`);
  await createDatabaseIfMissing(url, template);
  const dataSource = createDataSource(url, {
    poolSize: 5,
    logger: createLogger(process.env.LOG_LEVEL ?? "silent"),
  });
  await dataSource.initialize();
  return {
    dataSource,
    url,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await dropDatabase(url);
    },
  };
}
