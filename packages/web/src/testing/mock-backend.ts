/**
 * The SPA's mock backend: plain fixture data (fixtures/), every query answered from it
 * (mock-db.ts), and thin mutation handlers per feature (handlers/) that keep what they were sent.
 * It holds no server rules: a test that needs the server's refusal answers it with
 * `server.use(answer(Document, ...))`.
 */
import { type DocumentNode, getOperationAST } from "graphql";
import * as documents from "../gql/graphql";
import { globexAccount, networkAcmeAccount } from "./fixtures/accounts";
import { accountHandlers } from "./handlers/account";
import { clientHandlers } from "./handlers/clients";
import { invitationHandlers } from "./handlers/invitations";
import { listExportHandlers } from "./handlers/list-exports";
import { memberHandlers } from "./handlers/members";
import { partnerHandlers } from "./handlers/partners";
import { createDb, graph, type MockBackendOptions } from "./mock-db";
import { answer, server } from "./msw-server";

/** Every query document of the SPA (tests answer the audit log and webhooks themselves). */
const QUERIES = Object.values(documents as Record<string, DocumentNode>).filter(
  (document) => getOperationAST(document)?.operation === "query",
);

/** Installs a fresh mock backend with its own data, taking precedence over the default one. */
export function installMockBackend(options: MockBackendOptions = {}) {
  const state = createDb(options);
  server.use(
    ...QUERIES.map((document) => answer(document, () => graph(state).root)),
    ...accountHandlers(state),
    ...memberHandlers(state),
    ...invitationHandlers(state),
    ...partnerHandlers(state),
    ...clientHandlers(state),
    ...listExportHandlers(state),
  );
  const operations = (name: string) => state.operations.filter((o) => o.operationName === name);
  return { state, operations };
}

/** The mock backend with Initech's pending people and an archived member in Acme. */
export function installNetworkBackend(options: MockBackendOptions = {}) {
  return installMockBackend({ accounts: [networkAcmeAccount(), globexAccount()], ...options });
}

export type MockBackend = ReturnType<typeof installMockBackend>;
