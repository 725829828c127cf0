/**
 * Size limits of a /graphql request body, answered with 413 and a GraphQL-shaped
 * error that says which limit was hit:
 * - 1 MB for the request itself;
 * - plus up to 10 MB for a CSV import: the CSV arrives as the string variable `csv`
 *   (`variables.csv` or `variables.<input>.csv` of importUserInvitations /
 *   importClients), so it is measured on its own. Only a caller who presents
 *   credentials (session cookie or Authorization header) gets the larger parser;
 *   anonymous bodies are cut off at 1 MB before they are parsed.
 */
import type { IncomingMessage } from "node:http";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import { SESSION_COOKIE } from "../modules/identity/sessions.service";

export const GRAPHQL_BODY_MAX_BYTES = 1024 * 1024;
export const CSV_MAX_BYTES = 10 * 1024 * 1024;
/** Room for JSON escaping of the CSV (quotes, newlines) on top of the two limits. */
const RAW_BODY_MAX_BYTES = GRAPHQL_BODY_MAX_BYTES + Math.ceil(CSV_MAX_BYTES * 1.25);

const MEGABYTE = 1024 * 1024;

function tooLarge(message: string, limitBytes: number) {
  return { errors: [{ message, extensions: { code: "PAYLOAD_TOO_LARGE", limitBytes } }] };
}

const BODY_MESSAGE = `The request body is larger than ${GRAPHQL_BODY_MAX_BYTES / MEGABYTE} MB (a CSV import may add up to ${CSV_MAX_BYTES / MEGABYTE} MB in its csv variable).`;
const CSV_MESSAGE = `The CSV is larger than ${CSV_MAX_BYTES / MEGABYTE} MB; split it into smaller files.`;

const rawLengths = new WeakMap<IncomingMessage, number>();
const recordLength = (req: IncomingMessage, _res: unknown, buffer: Buffer) => {
  rawLengths.set(req, buffer.length);
};

const smallParser = express.json({ limit: GRAPHQL_BODY_MAX_BYTES, verify: recordLength });
const importParser = express.json({ limit: RAW_BODY_MAX_BYTES, verify: recordLength });

function presentsCredentials(req: express.Request): boolean {
  return (
    req.headers.authorization !== undefined ||
    (req.headers.cookie ?? "").includes(`${SESSION_COOKIE}=`)
  );
}

/** The `csv` strings of the variables, where the import mutations take them. */
function csvVariables(variables: unknown): string[] {
  if (typeof variables !== "object" || variables === null) return [];
  const found: string[] = [];
  for (const [name, value] of Object.entries(variables)) {
    if (name === "csv" && typeof value === "string") found.push(value);
    else if (
      typeof value === "object" &&
      value !== null &&
      "csv" in value &&
      typeof value.csv === "string"
    )
      found.push(value.csv);
  }
  return found;
}

const parseBody: RequestHandler = (req, res, next) =>
  (presentsCredentials(req) ? importParser : smallParser)(req, res, next);

const checkSizes: RequestHandler = (req, res, next) => {
  const rawLength = rawLengths.get(req);
  if (rawLength === undefined || rawLength <= GRAPHQL_BODY_MAX_BYTES) return next();
  const body: unknown = req.body;
  const csvs = csvVariables(
    typeof body === "object" && body !== null && "variables" in body ? body.variables : undefined,
  );
  if (csvs.some((csv) => Buffer.byteLength(csv) > CSV_MAX_BYTES)) {
    res.status(413).json(tooLarge(CSV_MESSAGE, CSV_MAX_BYTES));
    return;
  }
  const csvJsonBytes = csvs.reduce((sum, csv) => sum + Buffer.byteLength(JSON.stringify(csv)), 0);
  if (rawLength - csvJsonBytes > GRAPHQL_BODY_MAX_BYTES) {
    res.status(413).json(tooLarge(BODY_MESSAGE, GRAPHQL_BODY_MAX_BYTES));
    return;
  }
  next();
};

const explainTooLarge: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (
    typeof error === "object" &&
    error !== null &&
    "type" in error &&
    error.type === "entity.too.large"
  ) {
    res.status(413).json(tooLarge(BODY_MESSAGE, GRAPHQL_BODY_MAX_BYTES));
    return;
  }
  next(error);
};

/** JSON body parsing for /graphql with the limits above. */
export function graphqlBodyParser() {
  return [parseBody, explainTooLarge, checkSizes];
}
