/**
 * A client that disconnects mid-request ends the request's transaction; the resolvers still
 * running then fail with TransactionEndedError, which the error formatter reports without
 * a log line each (the request log says once that the request was aborted).
 */
import { GraphQLError } from "graphql";
import pino from "pino";
import { createErrorFormatter } from "../graphql/errors";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { queryRows } from "./sql";
import { TenantTransaction, TransactionEndedError } from "./tenant-transaction";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino(
    { level: "debug" },
    { write: (line: string) => lines.push(JSON.parse(line)) },
  );
  return { logger, lines };
}

it("answers statements after the transaction ended with TransactionEndedError, logged by nobody", async () => {
  const transaction = new TenantTransaction(db.dataSource, { accountId: null, userId: null });
  expect(await queryRows<{ one: number }>(transaction.manager, "SELECT 1 AS one")).toEqual([
    { one: 1 },
  ]);
  await transaction.finish("rollback");
  const late = await queryRows(transaction.manager, "SELECT 1").catch((error: unknown) => error);
  expect(late).toBeInstanceOf(TransactionEndedError);

  const { logger, lines } = capturingLogger();
  const format = createErrorFormatter(logger);
  const asReported = (error: Error) =>
    new GraphQLError(error.message, { path: ["members", 3, "user"], originalError: error });
  const formatted = format(
    { message: "x", path: ["members", 3, "user"] },
    asReported(late as Error),
  );
  expect(formatted.extensions?.code).toBe("REQUEST_ENDED");
  expect(lines).toEqual([]);

  // Anything else escaping a resolver is still a logged internal error.
  const bug = format({ message: "x", path: ["members"] }, asReported(new Error("a bug")));
  expect(bug.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
  expect(lines.map((line) => line.msg)).toEqual(["unexpected error in GraphQL operation"]);
});
