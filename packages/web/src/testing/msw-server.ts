import { graphql, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import type { ShellViewerQuery } from "../gql/graphql";

export const signedInViewer: ShellViewerQuery = {
  viewer: {
    user: { id: "VXNlcjox", name: "Ada Lovelace", email: "ada@example.com" },
  },
};

/** Default handlers: a signed-in user. Tests override with `server.use(...)`. */
export const handlers = [
  graphql.query<ShellViewerQuery>("ShellViewer", () => HttpResponse.json({ data: signedInViewer })),
];

export const server = setupServer(...handlers);
