/** Types of mixed-load.cjs for the TypeScript tests. */
export type GraphQLResult = {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  } | null;
  text: string;
};

export type GraphQLSession = {
  request(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult>;
  /** Throws on an HTTP error, GraphQL errors, or userErrors in `field`'s payload. */
  ok<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    field?: string,
  ): Promise<T>;
  cookie(): string | null;
};

export type LoadOwner = {
  session: GraphQLSession;
  accountId: string;
  seatLimit: number | null;
  /** TIGHT: the invitations made to fill its seats before the run. */
  pendingIds?: string[];
};
export type PreparedLoad = { baseUrl: string; big: LoadOwner; tight: LoadOwner };

export type LoadReport = {
  clients: number;
  durationMs: number;
  elapsedMs: number;
  requests: number;
  rps: number;
  byOperation: Record<string, number>;
  byStatus: Record<string, number>;
  serverErrors: number;
  networkErrors: number;
  graphqlErrorCodes: Record<string, number>;
  userErrorCodes: Record<string, number>;
  invitedBig: number;
  invitedTight: number;
  revokedTight: number;
  seats: {
    limit: number | null;
    maxSeenByApi: number;
    maxSeenByDatabase: number;
    samples: number;
    overLimit: { source: string; used: number; limit: number; at: number }[];
  };
  connections: { max: number; samples: number };
  examples: unknown[];
  latencyMs: { p50: number; p90: number; p99: number; max: number };
};

/** Signs up on the session and logs in (sign-up starts no session); answers the new account's id. */
export function signUpAndLogIn(
  session: GraphQLSession,
  input: { email: string; password: string; name: string; accountName: string },
): Promise<string>;
export function graphqlSession(baseUrl: string): GraphQLSession;
export function prepareMixedLoad(baseUrl: string): Promise<PreparedLoad>;
export function runMixedLoad(options: {
  prepared: PreparedLoad;
  clients: number;
  durationMs: number;
  sampleSeats?: () => Promise<{ used: number; limit: number | null }>;
  countConnections?: () => Promise<number>;
  sampleEveryMs?: number;
}): Promise<LoadReport>;
export const SEATS_SQL: string;
export const CONNECTIONS_SQL: string;
export function localId(globalId: string): string;
