/**
 * `GET /api/account/export`: the current account's backup as a ZIP download,
 * streamed as it is read (REST, because GraphQL fits a large binary download
 * badly). Session cookie or API token (READ is enough); OWNER/ADMINISTRATOR only.
 */
import express, { type Response } from "express";
import type { DataSource } from "typeorm";
import { openAccountSnapshot } from "../../db/tenant-transaction";
import type { RestContextRunner, Viewer } from "../../graphql/context";
import { ForbiddenError, UnauthenticatedError } from "../../graphql/errors";
import { authenticate, sessionCookieFor } from "../../http/authentication";
import { accountExportService } from "./account-export.service";

function fail(res: Response, status: number, error: string) {
  res.status(status).json({ error });
}

/**
 * `dataSource` (the owner) authenticates; the audit entry is written in the request's
 * tenant transaction and the tables are read from a read-only snapshot of the app role
 * scoped to the account (`appDataSource`).
 */
export function accountExportRouter(
  dataSources: { system: DataSource; app: DataSource },
  options: { secureCookies: boolean; inRequestContext: RestContextRunner },
): express.Router {
  const { system: dataSource, app: appDataSource } = dataSources;
  const router = express.Router();

  router.get("/api/account/export", async (req, res) => {
    const sessionCookie = sessionCookieFor(res, options.secureCookies);
    let viewer: Viewer | null;
    try {
      viewer = await authenticate(dataSource.manager, req, sessionCookie);
    } catch (error) {
      if (error instanceof UnauthenticatedError)
        return fail(res, 401, "The API token is invalid or revoked.");
      throw error;
    }
    if (!viewer) return fail(res, 401, "Sign in first.");
    try {
      // Recorded and committed first: the snapshot then lists the export in its own audit file.
      const request = await options.inRequestContext(req, viewer, (context) =>
        accountExportService.recordExport(context),
      );
      const { userId } = viewer;
      await accountExportService.writeBackup(
        request,
        () => openAccountSnapshot(appDataSource, { accountId: request.accountId, userId }),
        res,
        ({ fileName }) => {
          res.status(200);
          res.setHeader("content-type", "application/zip");
          res.setHeader("content-disposition", `attachment; filename="${fileName}"`);
          res.setHeader("cache-control", "no-store");
          res.setHeader("x-content-type-options", "nosniff");
        },
      );
    } catch (error) {
      if (error instanceof ForbiddenError)
        return fail(res, 403, "Only owners and administrators may download the backup.");
      if (res.headersSent) {
        // Mid-stream: the status is gone already; a cut connection tells the client the ZIP is incomplete.
        const readerLeft = (error as { code?: string }).code === "ERR_STREAM_PREMATURE_CLOSE";
        if (readerLeft) req.log.info("account export abandoned by the client");
        else req.log.error({ err: error }, "account export failed");
        res.destroy();
        return;
      }
      throw error;
    }
  });

  return router;
}
