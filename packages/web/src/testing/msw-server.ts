import { readFileSync } from "node:fs";
import path from "node:path";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import {
  buildSchema,
  execute,
  getNullableType,
  getOperationAST,
  type GraphQLFieldResolver,
  isListType,
  Kind,
  parse,
} from "graphql";
import { graphql, HttpResponse } from "msw";
import { setupServer } from "msw/node";

/**
 * No permanent handlers: before each test setup-tests installs a fresh signed-in mock backend
 * (see mock-backend.ts). Tests override with `server.use(answer(...))`, whose handlers take
 * precedence over earlier ones.
 */
export const server = setupServer();

// The committed server schema, the same file codegen types the SPA from.
const schema = buildSchema(
  readFileSync(path.resolve(__dirname, "../../../server/schema.graphql"), "utf8"),
);

/**
 * Functions in the data take the field's arguments; a missing list (userErrors, say) is empty,
 * and a missing required flag (verificationEmailSent, say) is false: nothing of the kind happened.
 */
const fieldResolver: GraphQLFieldResolver<Record<string, unknown>, unknown> = (
  source,
  args,
  _context,
  info,
) => {
  const value = source[info.fieldName];
  if (typeof value === "function") return (value as (a: unknown) => unknown)(args);
  if (value !== undefined) return value;
  if (isListType(getNullableType(info.returnType))) return [];
  return String(info.returnType) === "Boolean!" ? false : value;
};

export interface RecordedOperation {
  operationName: string;
  variables: Record<string, unknown>;
}

/** Every GraphQL operation received in this test, in order (setup-tests empties it). */
export const operations: RecordedOperation[] = [];

type Result = object | Response | undefined;
/** Data shaped like the operation's result (no __typename needed), or a resolver for it. */
export type Answer<V> = object | ((variables: V) => Result | Promise<Result>);

/**
 * The one handler shape: answers `document` with `result`, run through the real schema so only
 * the fields asked for come back, with their __typename (an abstract type needs its own). A
 * function of the variables may compute it, return a Response (an error), or return undefined
 * to fall through to the next handler.
 */
export function answer<D, V extends Record<string, unknown>>(
  document: TypedDocumentNode<D, V>,
  result: Answer<V>,
  options?: { once?: boolean },
) {
  const kind = getOperationAST(document)?.operation === "mutation" ? "mutation" : "query";
  return graphql[kind](
    document,
    async ({ query, variables, operationName }) => {
      const value = typeof result === "function" ? await result(variables as V) : result;
      // Recorded once, by the handler that answers; a network error never reached the server.
      if (value === undefined) return undefined;
      if (!(value instanceof Response && value.type === "error")) {
        operations.push({ operationName, variables });
      }
      if (value instanceof Response) return value;
      const body = await execute({
        schema,
        document: parse(query),
        rootValue: value,
        variableValues: variables,
        fieldResolver,
      });
      if (body.errors) console.error(`Mock answer to ${operationName}:`, body.errors);
      return HttpResponse.json(body as never);
    },
    options,
  );
}

/**
 * Answers `document` (a mutation) with one userError and nothing else: what the server says when
 * it refuses, e.g. `refuse(LogInDocument, "BAD_CREDENTIALS", "Wrong email or password.")`.
 */
export function refuse<D, V extends Record<string, unknown>>(
  document: TypedDocumentNode<D, V>,
  code: string,
  message: string,
  field: string[] | null = null,
  options?: { once?: boolean },
) {
  const selection = getOperationAST(document)?.selectionSet.selections[0];
  const payload = selection?.kind === Kind.FIELD ? selection.name.value : "";
  return answer(document, { [payload]: { userErrors: [{ code, message, field }] } }, options);
}
