import { retryAfterText } from "@pn/shared";
import { CombinedGraphQLErrors, ServerError } from "@apollo/client/errors";

export interface DescribedError {
  message: string;
  /** False when trying again cannot help (e.g. the role may not do this). */
  retryable: boolean;
}

export const NETWORK_ERROR_MESSAGE =
  "Could not reach the server. Check your connection and try again.";

function errorCodes(error: CombinedGraphQLErrors): string[] {
  return error.errors.map((e) => String(e.extensions?.["code"] ?? ""));
}

/** Someone (or a script with the same session) sent too much too fast: say when it works again. */
function rateLimited(retryAfterSeconds: number | null): DescribedError {
  const wait = retryAfterSeconds === null ? "a moment" : retryAfterText(retryAfterSeconds);
  return {
    message: `Too many requests from your session right now. Try again in ${wait}.`,
    retryable: true,
  };
}

function secondsOrNull(value: unknown): number | null {
  const seconds = typeof value === "string" ? Number(value) : value;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

/** The server masks its own failures as "… Quote request id X."; support needs that id. */
const REQUEST_ID = /request id ([\w-]+)/i;

/** A user-facing message for a failed query or mutation (not for `userErrors`). */
export function describeError(error: unknown): DescribedError {
  if (CombinedGraphQLErrors.is(error)) {
    const codes = errorCodes(error);
    if (codes.includes("FORBIDDEN")) {
      return { message: "Your role does not allow this.", retryable: false };
    }
    if (codes.includes("UNAUTHENTICATED")) {
      return { message: "Your session has ended. Log in again.", retryable: false };
    }
    const limited = error.errors.find((e) => e.extensions?.["code"] === "RATE_LIMITED");
    if (limited) return rateLimited(secondsOrNull(limited.extensions?.["retryAfter"]));
    const requestId = error.errors.map((e) => REQUEST_ID.exec(e.message)?.[1]).find(Boolean);
    return {
      message: requestId
        ? `The server could not complete the request (request id ${requestId}).`
        : "The server could not complete the request.",
      retryable: true,
    };
  }
  // A 429 answered as plain JSON (not graphql-response+json) reaches us as a ServerError.
  if (ServerError.is(error) && error.statusCode === 429) {
    return rateLimited(secondsOrNull(error.response.headers.get("retry-after")));
  }
  return { message: NETWORK_ERROR_MESSAGE, retryable: true };
}
