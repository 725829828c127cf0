/**
 * The restricted database role the app's request traffic uses (`pn_app`): not the
 * owner of any table, not superuser, not BYPASSRLS, so row-level security applies
 * to every query a request runs. Migrations, the demo seed, pg-boss and the named
 * system paths (authentication, the mail worker) keep the owner connection of
 * DATABASE_URL (or the embedded superuser).
 *
 * The role is cluster-wide while grants are per database: the migration creates it
 * NOLOGIN when missing and grants it DML; at start the owner gives it LOGIN and a
 * password derived from the app secret, so no extra setting is needed.
 */
import { createHmac } from "node:crypto";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import { execute } from "./sql";

export const APP_ROLE = "pn_app";

/** HMAC of the app secret: stable across restarts and instances sharing APP_SECRET, never stored. */
export function appRolePassword(appSecret: string): string {
  return createHmac("sha256", appSecret)
    .update("partner-network database role pn_app")
    .digest("base64url");
}

/** The same server and database as the owner URL, logged in as the app role. */
export function appRoleUrl(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}

export class OwnerRoleError extends Error {}

async function canLogIn(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Makes sure the app role can log in with the derived password. Runs after the
 * migrations (which create the role). Tries the login first, so concurrent starts
 * (several processes, parallel test runs on one cluster) rarely write pg_authid;
 * ALTER ROLE racing another is retried ("tuple concurrently updated").
 */
export async function ensureAppRoleLogin(ownerUrl: string, password: string): Promise<string> {
  const url = appRoleUrl(ownerUrl, password);
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    const [attributes] = (
      await owner.query<{ bypasses: boolean }>(
        "SELECT rolsuper OR rolbypassrls AS bypasses FROM pg_roles WHERE rolname = current_user",
      )
    ).rows;
    if (!attributes?.bypasses) {
      throw new OwnerRoleError(
        "the DATABASE_URL role must be a superuser or have BYPASSRLS: it runs migrations and the system paths, while requests run as pn_app",
      );
    }
    if (await canLogIn(url)) return url;
    // A password literal cannot be a bind parameter; the derived password is base64url, so it needs no escaping.
    for (let attempt = 0; ; attempt += 1) {
      try {
        await owner.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD '${password}'`);
        break;
      } catch (error) {
        if (attempt >= 5 || !/concurrently/.test((error as Error).message)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
      }
    }
  } finally {
    await owner.end();
  }
  return url;
}

/**
 * Requests enqueue jobs (mail, webhooks) in their own transaction, as the app role: it needs
 * the pg-boss schema, which pg-boss creates at start. Serialised per database: processes
 * starting together would otherwise collide on the same catalog rows.
 */
export async function grantJobQueueToAppRole(owner: DataSource): Promise<void> {
  await owner.transaction(async (db) => {
    await execute(db, "SELECT pg_advisory_xact_lock(hashtext('partner-network-pgboss-grants'))");
    await execute(db, `GRANT USAGE ON SCHEMA pgboss TO ${APP_ROLE}`);
    await execute(db, `GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA pgboss TO ${APP_ROLE}`);
  });
}
