/** A private database per test file, cloned from the migrated template that globalSetup made. */
import "reflect-metadata";
import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { createDataSource } from "../db/data-source";
import { createDatabaseIfMissing, dropDatabase, withDatabase } from "../db/database-admin";
import { createLogger } from "../logger";

export type TestDatabase = { dataSource: DataSource; url: string; drop(): Promise<void> };

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.PN_TEST_PG_URL;
  const template = process.env.PN_TEST_TEMPLATE_DB;
  if (!serverUrl || !template) throw new Error("PN_TEST_PG_URL is not set: run tests through jest's globalSetup");
  const url = withDatabase(serverUrl, `pn_test_${randomBytes(6).toString("hex")}`);
  await createDatabaseIfMissing(url, template);
  const dataSource = createDataSource(url, { poolSize: 5, logger: createLogger(process.env.LOG_LEVEL ?? "silent") });
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
