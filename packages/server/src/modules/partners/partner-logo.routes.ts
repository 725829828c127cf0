/**
 * Partner logos over REST, where GraphQL fits badly: `POST /api/partners/:id/logo`
 * (multipart field `file`, PNG/JPEG/WebP judged by their bytes, at most 512 KB,
 * stored in PostgreSQL) and `GET` for the image with long-lived caching (the URL
 * carries a version). Like Apollo's CSRF rule, the upload needs a non-simple header.
 */
import { ApiScope, can, inputProblem, inputRuleFor } from "@pn/shared";
import busboy from "busboy";
import express, { type Request, type Response } from "express";
import type { DataSource } from "typeorm";
import { queryRows } from "../../db/sql";
import type { RestContextRunner, Viewer } from "../../graphql/context";
import { UnauthenticatedError } from "../../graphql/errors";
import { localIdOf } from "../../graphql/global-id";
import { authenticate, sessionCookieFor } from "../../http/authentication";
import { partnersService } from "./partners.service";

export const LOGO_MAX_BYTES = 512 * 1024;

/** The image type from the file's first bytes; the name and declared type are not trusted. */
export function detectImageType(bytes: Buffer): "image/png" | "image/jpeg" | "image/webp" | null {
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return "image/png";
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return "image/jpeg";
  if (
    bytes.length >= 12 &&
    bytes.toString("latin1", 0, 4) === "RIFF" &&
    bytes.toString("latin1", 8, 12) === "WEBP"
  )
    return "image/webp";
  return null;
}

/** The partner ID in the path goes through the input policy like any GraphQL ID: a NUL or 10,000 characters get a 400. */
function partnerIdProblem(req: Request): string | null {
  const id = req.params.id;
  return (
    inputProblem(
      typeof id === "string" ? id : "",
      inputRuleFor("UpdatePartnerInput", "partnerId")!,
      "Partner ID",
    )?.message ?? null
  );
}

function fail(res: Response, status: number, error: string) {
  res.status(status).json({ error });
}

async function viewerOf(
  dataSource: DataSource,
  req: Request,
  res: Response,
  secureCookies: boolean,
): Promise<Viewer | null | "refused"> {
  try {
    return await authenticate(dataSource.manager, req, sessionCookieFor(res, secureCookies));
  } catch (error) {
    if (error instanceof UnauthenticatedError) return "refused";
    throw error;
  }
}

type Upload = { bytes: Buffer; truncated: boolean } | null;

function readSingleFile(req: Request): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let upload: Upload = null;
    const parser = busboy({
      headers: req.headers,
      limits: { fileSize: LOGO_MAX_BYTES, files: 1, fields: 5 },
    });
    parser.on("file", (name, stream) => {
      if (name !== "file") return stream.resume();
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        upload = {
          bytes: Buffer.concat(chunks),
          truncated: (stream as unknown as { truncated?: boolean }).truncated === true,
        };
      });
    });
    parser.on("close", () => resolve(upload));
    parser.on("error", reject);
    req.pipe(parser);
  });
}

export function partnerLogoRouter(
  dataSource: DataSource,
  options: { secureCookies: boolean; inRequestContext: RestContextRunner },
): express.Router {
  const router = express.Router();

  router.post("/api/partners/:id/logo", async (req, res) => {
    const badId = partnerIdProblem(req);
    if (badId) return fail(res, 400, badId);
    if (!req.headers["apollo-require-preflight"] && !req.headers["x-apollo-operation-name"]) {
      return fail(
        res,
        400,
        "Send the header `apollo-require-preflight: true` with uploads (CSRF protection).",
      );
    }
    const viewer = await viewerOf(dataSource, req, res, options.secureCookies);
    if (viewer === "refused") return fail(res, 401, "The API token is invalid or revoked.");
    if (!viewer) return fail(res, 401, "Sign in first.");
    if (
      viewer.credential.kind === "apiToken" &&
      !viewer.credential.scopes.includes(ApiScope.WRITE)
    ) {
      return fail(res, 403, "This API token has the READ scope only.");
    }
    if (!viewer.accountId || !can(viewer.role, "managePartners"))
      return fail(res, 403, "Your role does not allow this.");
    const partnerId = localIdOf(req.params.id ?? "", "Partner");
    const [partner] = partnerId
      ? await options.inRequestContext(req, viewer, (context) =>
          queryRows<{ id: string }>(
            context.db,
            "SELECT id FROM partners WHERE id = $1 AND account_id = $2",
            [partnerId, viewer.accountId],
          ),
        )
      : [];
    if (!partner) return fail(res, 404, "No such partner.");
    if (!req.is("multipart/form-data"))
      return fail(res, 415, "Upload the logo as multipart/form-data with the field `file`.");
    if (Number(req.headers["content-length"] ?? 0) > LOGO_MAX_BYTES * 2)
      return fail(res, 413, "The logo must be at most 512 KB.");

    const upload = await readSingleFile(req);
    if (!upload || upload.bytes.length === 0) return fail(res, 400, "No file in the field `file`.");
    if (upload.truncated) return fail(res, 413, "The logo must be at most 512 KB.");
    const type = detectImageType(upload.bytes);
    if (!type) return fail(res, 415, "The logo must be a PNG, JPEG or WebP image.");
    // Through the service: the change and its audit entry commit together.
    const updated = await options.inRequestContext(req, viewer, (context) =>
      partnersService.setLogo(context, partner.id, { bytes: upload.bytes, contentType: type }),
    );
    if (!updated) return fail(res, 404, "No such partner.");
    res.json({ logoUrl: updated.logoUrl });
  });

  router.get("/api/partners/:id/logo", async (req, res) => {
    const badId = partnerIdProblem(req);
    if (badId) return fail(res, 400, badId);
    const viewer = await viewerOf(dataSource, req, res, options.secureCookies);
    if (viewer === "refused" || !viewer?.accountId) return fail(res, 401, "Sign in first.");
    const partnerId = localIdOf(req.params.id ?? "", "Partner");
    // Visible to the account's readers and to the partner's own people in it.
    const [logo] = partnerId
      ? await options.inRequestContext(req, viewer, (context) =>
          queryRows<{
            logo: Buffer | null;
            logo_content_type: string | null;
            logo_updated_at: Date | null;
          }>(
            context.db,
            `SELECT p.logo, p.logo_content_type, p.logo_updated_at FROM partners p
             WHERE p.id = $1 AND p.account_id = $2
               AND ($3 OR EXISTS (SELECT 1 FROM members m WHERE m.id = $4 AND m.partner_id = p.id))`,
            [partnerId, viewer.accountId, can(viewer.role, "readAccount"), viewer.memberId],
          ),
        )
      : [];
    if (!logo?.logo) return fail(res, 404, "No logo.");
    const etag = `"${logo.logo_updated_at?.getTime() ?? 0}"`;
    res.setHeader("etag", etag);
    res.setHeader("cache-control", "private, max-age=31536000, immutable");
    res.setHeader("x-content-type-options", "nosniff");
    res.setHeader("content-security-policy", "default-src 'none'");
    if (req.headers["if-none-match"] === etag) return res.status(304).end();
    res.type(logo.logo_content_type ?? "application/octet-stream").send(logo.logo);
  });

  return router;
}
