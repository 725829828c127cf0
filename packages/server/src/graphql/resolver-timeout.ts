/**
 * A deadline per query: RESOLVER_TIMEOUT_MS after execution starts, every
 * resolver still pending fails with TIMEOUT and no new resolver starts, so the
 * response goes out (with those fields null and the errors listed) instead of
 * holding the connection. The statement still running in PostgreSQL is then
 * cancelled by the request's transaction (`TenantTransaction.finish("abandon")`).
 *
 * Mutations have no deadline here: a mutation runs in a transaction that would
 * still commit after the caller had been told TIMEOUT, which is worse than waiting.
 * Their work is bounded by their inputs instead (10,000 CSV rows, 1,000 IDs, body size).
 */
import type { ApolloServerPlugin } from "@apollo/server";
import {
  defaultFieldResolver,
  GraphQLError,
  isIntrospectionType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from "graphql";

export const RESOLVER_TIMEOUT_MS = 10_000;

export class OperationTimeoutError extends GraphQLError {
  constructor(timeoutMs: number) {
    super(`The operation took longer than ${timeoutMs / 1000} s and was stopped.`, {
      extensions: { code: "TIMEOUT" },
    });
  }
}

type Deadline = {
  timeoutMs: number;
  passed: boolean;
  /** Rejects when the deadline passes; pending resolvers race against it. */
  expired: Promise<never>;
};

const deadlines = new WeakMap<object, Deadline>();

/** Starts the deadline when execution starts, and clears it when execution ends. */
export function resolverTimeoutPlugin<TContext extends object>(
  timeoutMs: number = RESOLVER_TIMEOUT_MS,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ contextValue, operation }) {
          if (operation.operation === "mutation") return;
          let timer: NodeJS.Timeout | undefined;
          const deadline: Deadline = {
            timeoutMs,
            passed: false,
            expired: new Promise<never>((_resolve, reject) => {
              timer = setTimeout(() => {
                deadline.passed = true;
                reject(new OperationTimeoutError(timeoutMs));
              }, timeoutMs);
            }),
          };
          // Nobody may be racing when it fires; that is not an unhandled rejection.
          deadline.expired.catch(() => undefined);
          deadlines.set(contextValue, deadline);
          return {
            async executionDidEnd() {
              clearTimeout(timer);
              deadlines.delete(contextValue);
            },
          };
        },
      };
    },
  };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

function withDeadline(
  resolve: GraphQLFieldResolver<unknown, unknown>,
): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    const deadline =
      typeof context === "object" && context !== null ? deadlines.get(context) : undefined;
    if (!deadline) return resolve(source, args, context, info);
    if (deadline.passed) throw new OperationTimeoutError(deadline.timeoutMs);
    const result = resolve(source, args, context, info);
    return isPromiseLike(result) ? Promise.race([result, deadline.expired]) : result;
  };
}

const guarded = new WeakSet<GraphQLSchema>();

/** Makes every field resolver of `schema` respect the deadline (once per schema; it changes the schema in place). */
export function applyResolverTimeouts(schema: GraphQLSchema): GraphQLSchema {
  if (guarded.has(schema)) return schema;
  guarded.add(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      field.resolve = withDeadline(field.resolve ?? defaultFieldResolver);
    }
  }
  return schema;
}
