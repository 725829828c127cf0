/**
 * GET /schema.graphql: the committed SDL (packages/server/schema.graphql, the file the
 * compatibility gate and CHANGELOG.md track), so partners can generate clients from the
 * running server without introspection. Public: it describes no data.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { RequestHandler } from "express";
import type { Logger } from "../logger";

/** From src/http or dist/http alike: the package root holds schema.graphql. */
export const SCHEMA_FILE = path.resolve(__dirname, "../../schema.graphql");

export function schemaRoute(logger: Logger, file: string = SCHEMA_FILE): RequestHandler {
  let sdl: string | null = null;
  try {
    sdl = readFileSync(file, "utf8");
  } catch (error) {
    logger.warn({ err: error, file }, "schema.graphql not found; GET /schema.graphql answers 404");
  }
  return (_req, res, next) => {
    if (sdl === null) return next();
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.setHeader("cache-control", "no-cache");
    res.send(sdl);
  };
}
