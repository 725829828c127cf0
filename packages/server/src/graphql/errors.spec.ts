/**
 * An unexpected error reaches the client masked, with the id of its own request, and the
 * request's logger gets the detail (errorRequestPlugin notes each error's request for the
 * formatter, which Apollo hands the error alone).
 */
import { ApolloServer } from "@apollo/server";
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import pino from "pino";
import type { Logger } from "../logger";
import { createErrorFormatter, errorRequestPlugin } from "./errors";

function capturingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: "Query",
    fields: {
      broken: {
        type: GraphQLString,
        resolve: () => {
          throw new Error("a bug with a secret detail");
        },
      },
    },
  }),
});

it("masks an unexpected error with its request's id and logs it with that request's logger", async () => {
  const fallback = capturingLogger();
  type RequestContext = { requestId: string; logger: Logger };
  const server = new ApolloServer<RequestContext>({
    schema,
    formatError: createErrorFormatter(fallback.logger),
    plugins: [errorRequestPlugin<RequestContext>()],
  });
  await server.start();
  try {
    const requests = ["req-one-1234", "req-two-5678"].map((requestId) => ({
      requestId,
      ...capturingLogger(),
    }));
    const responses = await Promise.all(
      requests.map(({ requestId, logger }) =>
        server.executeOperation({ query: "{ broken }" }, { contextValue: { requestId, logger } }),
      ),
    );
    responses.forEach((response, i) => {
      const body = response.body.kind === "single" ? response.body.singleResult : null;
      expect(body?.errors?.[0]).toMatchObject({
        message: `Internal server error. Quote request id ${requests[i]!.requestId} when reporting it.`,
        extensions: { code: "INTERNAL_SERVER_ERROR", requestId: requests[i]!.requestId },
      });
      expect(JSON.stringify(body)).not.toContain("secret detail");
      expect(requests[i]!.lines).toEqual([
        expect.objectContaining({
          requestId: requests[i]!.requestId,
          msg: "unexpected error in GraphQL operation",
        }),
      ]);
    });
    expect(fallback.lines).toEqual([]);
  } finally {
    await server.stop();
  }
});
