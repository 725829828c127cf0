import type { DataSource, MigrationInterface } from "typeorm";

/** Runs one migration's `up` or `down` in a transaction of its own, as the migration runner does. */
export async function runMigrationStep(
  dataSource: DataSource,
  migration: MigrationInterface,
  direction: "up" | "down",
): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.startTransaction();
  try {
    await migration[direction](runner);
    await runner.commitTransaction();
  } catch (error) {
    await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
