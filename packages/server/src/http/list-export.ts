/**
 * `GET /api/export/<list>.csv`: a list as the SPA shows it (the same filters and order
 * as its GraphQL field), as a CSV download. Each module describes its list's export
 * (`ListExport`: parameters, columns, how to read a page); this streams it: page after
 * page through the module's own keyset list function, each page in its own short tenant
 * transaction, written as it is read with the stream's backpressure, so neither a 100,000
 * row list nor a slow reader holds memory or a pooled connection for the whole download.
 * The cells are written by the backup's `csvLine` (db/table-export.ts), formula
 * neutralising included. Authenticated like the backup: the session cookie or an API
 * token (READ is enough).
 */
import {
  fromGlobalId,
  inputProblem,
  PAGE_SIZE_MAX,
  type InputRule,
  type Permission,
} from "@pn/shared";
import express, { type Request, type Response } from "express";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { DataSource } from "typeorm";
import { clock } from "../clock";
import { csvLine } from "../db/table-export";
import type { Context, RestContextRunner, Viewer } from "../graphql/context";
import { ForbiddenError, UnauthenticatedError } from "../graphql/errors";
import { OrderDirection, type ListOrder } from "../graphql/list-order";
import { requirePermission } from "../graphql/permissions";
import { authenticate, sessionCookieFor } from "./authentication";

/** Rows per page: the lists' largest GraphQL page, read through the same function. */
export const EXPORT_PAGE_SIZE = PAGE_SIZE_MAX;

export type ExportPage = { rows: unknown[][]; endCursor: string | null; hasNextPage: boolean };

/** Reads one page of the export after `after` (null: the first), in the account. */
export type ExportPageReader = (
  context: Context,
  accountId: string,
  after: string | null,
) => Promise<ExportPage>;

export type ListExport = {
  /** The file's name without `.csv`, and the URL's: `/api/export/members.csv`. */
  name: string;
  /** What the list is, for messages: "member list". */
  label: string;
  /** Who may read the list whole, as its GraphQL field decides (the permission matrix). */
  permission: Permission;
  /** Its filter parameters; `orderBy` and `direction` come on top. */
  parameters: readonly string[];
  /** The header row; each row of a page has these cells in this order. */
  columns: readonly string[];
  /** Reads the filters and order (ExportParameterError when one is bad) and returns the page reader. */
  open(query: ExportQuery): ExportPageReader;
};

/** A query parameter the export cannot use; answered 400 with the parameter's name. */
export class ExportParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = "ExportParameterError";
  }
}

/** A value in a message: quoted, and cut so a 10,000-character parameter is not echoed whole. */
function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** The query string of one export request, read through the same rules as the list's GraphQL arguments. */
export class ExportQuery {
  constructor(private readonly values: ReadonlyMap<string, string[]>) {}

  /** A parameter that may appear once; null when absent or empty. */
  single(name: string): string | null {
    const values = (this.values.get(name) ?? []).filter((value) => value !== "");
    if (values.length > 1)
      throw new ExportParameterError(
        name,
        `\`${name}\` is given ${values.length} times; give it once.`,
      );
    return values[0] ?? null;
  }

  /** Repeatable and comma-separated enum values (`status=PENDING,ACTIVE&status=ARCHIVED`); null when absent. */
  enumList<T extends string>(name: string, allowed: readonly T[]): T[] | null {
    const values = (this.values.get(name) ?? [])
      .flatMap((value) => value.split(","))
      .map((value) => value.trim())
      .filter(Boolean);
    if (values.length === 0) return null;
    for (const value of values) this.checkEnum(name, value, allowed);
    return [...new Set(values)] as T[];
  }

  enumValue<T extends string>(name: string, allowed: readonly T[]): T | null {
    const value = this.single(name);
    if (value === null) return null;
    this.checkEnum(name, value, allowed);
    return value as T;
  }

  /** Text checked by its input-policy rule (length, control and bidi characters), as GraphQL checks it. */
  text(name: string, rule: InputRule): string | null {
    const value = this.single(name);
    if (value === null) return null;
    const problem = inputProblem(value, rule, `\`${name}\``);
    if (problem) throw new ExportParameterError(name, problem.message);
    return value;
  }

  /** A global ID of `type`; anything else is refused rather than matching nothing. */
  globalId(name: string, type: string, rule: InputRule): string | null {
    const value = this.text(name, rule);
    if (value === null) return null;
    if (fromGlobalId(value)?.type !== type)
      throw new ExportParameterError(name, `\`${name}\` is not the ID of a ${type}.`);
    return value;
  }

  /**
   * `orderBy` (a field of the list's order enum) and `direction` (ASC, DESC; default ASC).
   * Neither: null, the list's default order (newest first). `direction` alone is refused:
   * it would not say what it directs.
   */
  order<Field extends string>(fields: readonly Field[]): ListOrder<Field> | null {
    const field = this.enumValue("orderBy", fields);
    const direction = this.enumValue("direction", Object.values(OrderDirection));
    if (field === null && direction !== null)
      throw new ExportParameterError(
        "direction",
        `\`direction\` needs \`orderBy\`: one of ${fields.join(", ")}.`,
      );
    return field === null ? null : { field, direction: direction ?? OrderDirection.ASC };
  }

  private checkEnum(name: string, value: string, allowed: readonly string[]): void {
    if (!allowed.includes(value))
      throw new ExportParameterError(
        name,
        `\`${name}\` cannot be ${shown(value)}; use one of ${allowed.join(", ")}.`,
      );
  }
}

/** The query string as name → values; a parameter of no use to this list is refused, not ignored. */
export function exportQuery(query: Request["query"], list: ListExport): ExportQuery {
  const known = [...list.parameters, "orderBy", "direction"];
  const values = new Map<string, string[]>();
  for (const [name, raw] of Object.entries(query)) {
    if (!known.includes(name))
      throw new ExportParameterError(
        name,
        `\`${name.slice(0, 40)}\` is not a parameter of the ${list.label} export; it takes ${known.join(", ")}.`,
      );
    const all = Array.isArray(raw) ? raw : [raw];
    if (!all.every((value): value is string => typeof value === "string"))
      throw new ExportParameterError(name, `\`${name}\` must be plain text.`);
    values.set(name, all);
  }
  return new ExportQuery(values);
}

function fail(res: Response, status: number, error: string, parameter?: string) {
  res.status(status).json(parameter ? { error, parameter } : { error });
}

/** The CSV of one export: header, then each page's rows as the page is read. */
async function* exportCsv(
  list: ListExport,
  first: ExportPage,
  nextPage: (after: string) => Promise<ExportPage>,
): AsyncGenerator<Buffer> {
  yield Buffer.from(csvLine(list.columns));
  let page = first;
  for (;;) {
    if (page.rows.length) yield Buffer.from(page.rows.map((row) => csvLine(row)).join(""));
    if (!page.hasNextPage || page.endCursor === null) return;
    page = await nextPage(page.endCursor);
  }
}

export function listExportRouter(
  lists: readonly ListExport[],
  dataSource: DataSource,
  options: { secureCookies: boolean; inRequestContext: RestContextRunner },
): express.Router {
  const router = express.Router();
  const byFile = new Map(lists.map((list) => [`${list.name}.csv`, list]));

  router.get("/api/export/:file", async (req, res) => {
    const list = byFile.get(String(req.params.file));
    if (!list)
      return fail(
        res,
        404,
        `No such export; there are ${[...byFile.keys()].map((file) => `/api/export/${file}`).join(", ")}.`,
      );
    let viewer: Viewer | null;
    try {
      viewer = await authenticate(
        dataSource.manager,
        req,
        sessionCookieFor(res, options.secureCookies),
      );
    } catch (error) {
      if (error instanceof UnauthenticatedError)
        return fail(res, 401, "The API token is invalid or revoked.");
      throw error;
    }
    if (!viewer) return fail(res, 401, "Sign in first.");
    let read: ExportPageReader;
    try {
      read = list.open(exportQuery(req.query, list));
    } catch (error) {
      if (error instanceof ExportParameterError)
        return fail(res, 400, error.message, error.parameter);
      throw error;
    }
    const signedIn = viewer;
    const page = (after: string | null) =>
      options.inRequestContext(req, signedIn, (context) => {
        const { accountId } = requirePermission(context, list.permission);
        return read(context, accountId, after);
      });
    let first: ExportPage;
    try {
      first = await page(null);
    } catch (error) {
      if (error instanceof ForbiddenError || error instanceof UnauthenticatedError)
        return fail(
          res,
          403,
          `Your role may not read the whole ${list.label}, so it cannot export it.`,
        );
      throw error;
    }
    res.status(200);
    res.setHeader("content-type", "text/csv; charset=utf-8");
    res.setHeader(
      "content-disposition",
      `attachment; filename="${list.name}-${clock.now().toISOString().slice(0, 10)}.csv"`,
    );
    res.setHeader("cache-control", "no-store");
    res.setHeader("x-content-type-options", "nosniff");
    try {
      await pipeline(Readable.from(exportCsv(list, first, page)), res);
    } catch (error) {
      // Mid-stream the status is sent already; a cut connection tells the reader the file is incomplete.
      if ((error as { code?: string }).code === "ERR_STREAM_PREMATURE_CLOSE")
        req.log.info({ export: list.name }, "list export abandoned by the client");
      else req.log.error({ err: error, export: list.name }, "list export failed");
      res.destroy();
    }
  });

  return router;
}
