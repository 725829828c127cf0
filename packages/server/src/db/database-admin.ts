/** Creating and cloning whole databases: the embedded bootstrap and the test harness use these. */
import { Client } from "pg";

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function withMaintenanceClient<T>(
  url: string,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}

export async function createDatabaseIfMissing(url: string, template?: string): Promise<void> {
  const name = databaseName(url);
  await withMaintenanceClient(url, async (client) => {
    const existing = await client.query<{ found: number }>(
      "SELECT 1 AS found FROM pg_database WHERE datname = $1",
      [name],
    );
    if (existing.rowCount === 0) {
      const templateClause = template ? ` TEMPLATE ${quoteIdentifier(template)}` : "";
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)}${templateClause}`);
    }
  });
}

export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await withMaintenanceClient(url, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  );
}

export { withDatabase };
