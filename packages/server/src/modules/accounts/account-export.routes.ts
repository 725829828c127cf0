/**
 * `GET /api/account/export`: the current account's backup as a ZIP download,
 * streamed as it is read (REST, because GraphQL fits a large binary download
 * badly). Session cookie or API token (READ is enough); OWNER/ADMINISTRATOR only.
 */
import express, { type Response } from "express";
import type { DataSource } from "typeorm";
import type { RestContextFactory, Viewer } from "../../graphql/context";
import { ForbiddenError, UnauthenticatedError } from "../../graphql/errors";
import { authenticate, sessionCookieFor } from "../../http/authentication";
import { accountExportService } from "./account-export.service";

function fail(res: Response, status: number, error: string) {
  res.status(status).json({ error });
}

export function accountExportRouter(
  dataSource: DataSource,
  options: { secureCookies: boolean; contextFor: RestContextFactory },
): express.Router {
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
    const context = options.contextFor(req, viewer);
    try {
      await accountExportService.writeBackup(context, res, ({ fileName }) => {
        res.status(200);
        res.setHeader("content-type", "application/zip");
        res.setHeader("content-disposition", `attachment; filename="${fileName}"`);
        res.setHeader("cache-control", "no-store");
        res.setHeader("x-content-type-options", "nosniff");
      });
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
