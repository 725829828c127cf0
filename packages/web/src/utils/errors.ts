import { CombinedGraphQLErrors } from "@apollo/client/errors";

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
    return { message: "The server could not complete the request.", retryable: true };
  }
  return { message: NETWORK_ERROR_MESSAGE, retryable: true };
}
