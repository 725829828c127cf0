/**
 * The account backup: a ZIP with one CSV per table of the account and
 * `account.json`, written straight to the response as the rows are read. All
 * tables come from one read-only REPEATABLE READ transaction (one consistent
 * snapshot), each through a server-side cursor, so memory stays flat whatever
 * the account's size.
 */
import { PLAN_SEAT_LIMITS } from "@pn/shared";
import { Readable, type Writable } from "node:stream";
import type { QueryRunner } from "typeorm";
import { execute, queryRows } from "../../db/sql";
import { pipeline } from "node:stream/promises";
import { ZipFile } from "yazl";
import { clock } from "../../clock";
import { exportTableCsv, type ExportTable } from "../../db/table-export";
import type { Context } from "../../graphql/context";
import { requirePermission } from "../../graphql/permissions";
import { auditExportTable, auditService } from "../audit/audit.service";
import { clientExportTable } from "../clients/clients.service";
import { invitationExportTable } from "../invitations/invitations.service";
import { memberExportTable } from "../members/members.service";
import { partnerExportTable } from "../partners/partners.service";
import { teamExportTables } from "../teams/teams.service";
import type { AccountRow } from "./account.type";

/** Bumped when the files or their columns change, so a reader can tell backups apart. */
export const BACKUP_FORMAT_VERSION = 1;

export function backupTables(): ExportTable[] {
  return [
    memberExportTable,
    partnerExportTable,
    clientExportTable,
    ...teamExportTables,
    invitationExportTable,
    auditExportTable,
  ];
}

export type BackupHeaders = { fileName: string };

/** What `recordExport` allowed and recorded: the account and the moment of the backup. */
export type BackupRequest = { accountId: string; at: Date };

export const accountExportService = {
  /**
   * OWNER/ADMINISTRATOR (any API token scope: it only reads). Records the export in
   * the audit trail; the caller commits it before the snapshot is taken, so the
   * backup's own audit file lists it.
   */
  async recordExport(context: Context): Promise<BackupRequest> {
    const viewer = requirePermission(context, "exportAccount");
    const at = clock.now();
    await context.db.transaction((db) =>
      auditService.record(db, context, [
        {
          accountId: viewer.accountId,
          action: "account.exported",
          objectType: "Account",
          objectId: viewer.accountId,
          details: { files: backupTables().map((table) => table.file) },
        },
      ]),
    );
    return { accountId: viewer.accountId, at };
  },

  /**
   * Calls `begin` with the download's file name before the first byte is written to
   * `output`. Reads on `openSnapshot`'s connection: a read-only REPEATABLE READ
   * transaction that sees only the account's rows (row-level security); it is ended
   * here. Resolves when the ZIP is complete; rejects (and leaves `output` destroyed)
   * when the reader goes away or a read fails.
   */
  async writeBackup(
    request: BackupRequest,
    openSnapshot: () => Promise<QueryRunner>,
    output: Writable,
    begin: (headers: BackupHeaders) => void,
  ): Promise<void> {
    const { accountId, at } = request;
    const tables = backupTables();
    const runner = await openSnapshot();
    let current: Readable | null = null;
    try {
      const [account] = await queryRows<AccountRow>(
        runner.manager,
        "SELECT id, name, handle, plan FROM accounts WHERE id = $1",
        [accountId],
      );
      // The app migrates its database at start: the newest migration it knows is the schema's.
      const migrations = runner.connection.migrations;
      const migration = migrations[migrations.length - 1];
      const summary = {
        name: account!.name,
        handle: account!.handle,
        plan: account!.plan,
        seatLimit: PLAN_SEAT_LIMITS[account!.plan],
        exportedAt: at.toISOString(),
        schemaVersion: migration ? (migration.name ?? migration.constructor.name) : null,
        formatVersion: BACKUP_FORMAT_VERSION,
        files: tables.map((table) => ({ name: table.file, columns: table.columns })),
      };

      const zip = new ZipFile();
      zip.addBuffer(Buffer.from(`${JSON.stringify(summary, null, 2)}\n`), "account.json", {
        mtime: at,
      });
      for (const table of tables) {
        // Lazy: each cursor opens only when the ZIP reaches its entry, one at a time on the one connection.
        zip.addReadStreamLazy(table.file, { mtime: at }, (callback) => {
          current = Readable.from(exportTableCsv(runner, table, accountId, at), {
            objectMode: false,
          });
          current.once("error", (error) => (zip.outputStream as Readable).destroy(error));
          callback(null, current);
        });
      }
      zip.end();
      begin({ fileName: `${account!.handle}-backup-${at.toISOString().slice(0, 10)}.zip` });
      await pipeline(zip.outputStream, output);
    } catch (error) {
      (current as Readable | null)?.destroy();
      throw error;
    } finally {
      // Read-only, so ending with ROLLBACK is the same as COMMIT, and also right after a failure or an abandoned download.
      await execute(runner.manager, "ROLLBACK").catch(() => undefined);
      await runner.release();
    }
  },
};
