/**
 * The HTTP side of idempotency keys, mounted on /graphql in front of Apollo.
 *
 * Applies to mutations sent with an `Idempotency-Key` header by a signed-in caller
 * (session or API token); queries, anonymous calls and the mutations that set the
 * session cookie ignore the header. A duplicate that arrives while the first request
 * is still running is answered at once with 409 IDEMPOTENCY_KEY_IN_PROGRESS (retry it
 * later) rather than held open: a waiting request would tie up a connection and a
 * process for as long as the first one takes.
 */
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from "graphql";
import type { EntityManager } from "typeorm";
import type { SealKey } from "../../crypto/sealed-box";
import type { Viewer } from "../../graphql/context";
import {
  IDEMPOTENCY_KEY_PATTERN,
  idempotencyService,
  type IdempotencyScope,
} from "./idempotency.service";

export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";
/** Set on a response that was stored earlier and is sent again. */
export const IDEMPOTENT_REPLAYED_HEADER = "idempotent-replayed";

/** Mutations whose effect is a cookie on this browser: a stored body could not replay it. */
const SESSION_MUTATIONS = new Set([
  "logIn",
  "logOut",
  "signUp",
  "verifyEmail",
  "switchAccount",
  "acceptInvitation",
]);

type GraphQLBody = { query: string; variables?: unknown; operationName?: string | null };

function graphqlBody(body: unknown): GraphQLBody | null {
  if (!body || typeof body !== "object") return null;
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (typeof query !== "string") return null;
  return {
    query,
    variables,
    operationName: typeof operationName === "string" ? operationName : null,
  };
}

function selectedOperation(
  document: DocumentNode,
  operationName: string | null,
): OperationDefinitionNode | null {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName)
    return operations.find((operation) => operation.name?.value === operationName) ?? null;
  return operations.length === 1 ? operations[0]! : null;
}

/** The mutation this body runs, or null when idempotency does not apply (queries, unparsable documents). */
function mutationOf(body: GraphQLBody): OperationDefinitionNode | null {
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch {
    return null; // Apollo reports the syntax error.
  }
  const operation = selectedOperation(document, body.operationName ?? null);
  return operation?.operation === "mutation" ? operation : null;
}

function setsSessionCookie(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.some(
    (selection) => selection.kind === Kind.FIELD && SESSION_MUTATIONS.has(selection.name.value),
  );
}

function sendGraphQLError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

function scopeOf(viewer: Viewer): IdempotencyScope {
  const credential =
    viewer.credential.kind === "apiToken"
      ? `api_token:${viewer.credential.apiTokenId}`
      : `session:${viewer.credential.sessionId}`;
  return { accountId: viewer.accountId, credential };
}

/**
 * A response not worth keeping: the mutation failed as a whole (a 5xx, or an internal error
 * and no data), so its transaction rolled back and a retry should run it again. An internal
 * error beside data (a payload field failed after the commit) is kept: the effect happened.
 */
export function isFailedMutation(status: number, body: string): boolean {
  if (status >= 500) return true;
  try {
    const parsed = JSON.parse(body) as {
      data?: unknown;
      errors?: { extensions?: { code?: unknown } }[];
    };
    const internal = Boolean(
      parsed.errors?.some((error) => error.extensions?.code === "INTERNAL_SERVER_ERROR"),
    );
    return internal && (parsed.data === null || parsed.data === undefined);
  } catch {
    return true;
  }
}

export function idempotencyMiddleware(options: {
  db: EntityManager;
  sealKey: SealKey;
  /** The caller, resolved once per request and shared with the GraphQL context. */
  viewerFor(req: Request, res: Response): Promise<Viewer | null>;
}): RequestHandler {
  const { db, sealKey } = options;
  return (req: Request, res: Response, next: NextFunction) => {
    const key = req.get(IDEMPOTENCY_KEY_HEADER);
    const body = req.method === "POST" && key !== undefined ? graphqlBody(req.body) : null;
    const operation = body ? mutationOf(body) : null;
    if (key === undefined || !body || !operation || setsSessionCookie(operation)) {
      next();
      return;
    }
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
      sendGraphQLError(
        res,
        400,
        "IDEMPOTENCY_KEY_INVALID",
        "The Idempotency-Key header must be 1 to 255 visible ASCII characters, e.g. a UUID.",
      );
      return;
    }

    void (async () => {
      // A bad token is reported by the GraphQL layer as usual; anonymous callers have no scope to keep keys in.
      const viewer = await options.viewerFor(req, res).catch(() => null);
      if (!viewer) return next();
      const scope = scopeOf(viewer);
      const claim = await idempotencyService.claim(
        db,
        scope,
        key,
        idempotencyService.requestHash(body),
        sealKey,
      );
      switch (claim.kind) {
        case "mismatch":
          return sendGraphQLError(
            res,
            422,
            "IDEMPOTENCY_KEY_REUSED",
            "This Idempotency-Key was already used with a different request (operation, query or variables). Use a new key for a new request.",
          );
        case "inProgress":
          res.setHeader("retry-after", "1");
          return sendGraphQLError(
            res,
            409,
            "IDEMPOTENCY_KEY_IN_PROGRESS",
            "A request with this Idempotency-Key is still running; retry after it has finished.",
          );
        case "replay":
          res.setHeader(IDEMPOTENT_REPLAYED_HEADER, "true");
          res.status(claim.response.status).type("application/json").send(claim.response.body);
          return;
        case "claimed":
          captureResponse(res, async (status, responseBody) => {
            if (isFailedMutation(status, responseBody))
              await idempotencyService.release(db, scope, key);
            else
              await idempotencyService.complete(
                db,
                scope,
                key,
                { status, body: responseBody },
                sealKey,
              );
          });
          return next();
      }
    })().catch(next);
  };
}

/**
 * Holds the response body until `store` has run, so a retry that arrives the moment the
 * client has its answer already finds the stored response.
 */
function captureResponse(
  res: Response,
  store: (status: number, body: string) => Promise<void>,
): void {
  const chunks: Buffer[] = [];
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    if (typeof chunk === "string")
      chunks.push(
        Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"),
      );
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const originalEnd = res.end.bind(res);
  res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    collect(chunk, encoding);
    if (typeof encoding === "function") (encoding as () => void)();
    else if (typeof callback === "function") (callback as () => void)();
    return true;
  }) as Response["write"];
  res.end = ((chunk?: unknown, encoding?: unknown) => {
    collect(chunk, encoding);
    const body = Buffer.concat(chunks);
    store(res.statusCode, body.toString("utf8"))
      .catch((error: unknown) =>
        res.req.log.error({ err: error }, "could not store the idempotent response"),
      )
      .finally(() => originalEnd(body));
    return res;
  }) as Response["end"];
}
