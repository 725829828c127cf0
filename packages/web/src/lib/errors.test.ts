import { CombinedGraphQLErrors, ServerError } from "@apollo/client/errors";
import { describeError, NETWORK_ERROR_MESSAGE } from "./errors";

function graphQLErrors(...errors: { message: string; extensions?: Record<string, unknown> }[]) {
  return new CombinedGraphQLErrors({ errors });
}

describe("describeError", () => {
  it("tells a refused role that retrying cannot help", () => {
    expect(
      describeError(graphQLErrors({ message: "no", extensions: { code: "FORBIDDEN" } })),
    ).toEqual({
      message: "Your role does not allow this.",
      retryable: false,
    });
  });

  it("says when to try again after RATE_LIMITED, from the error's retryAfter", () => {
    const error = graphQLErrors({
      message: "over budget",
      extensions: { code: "RATE_LIMITED", retryAfter: 90 },
    });
    expect(describeError(error)).toEqual({
      message: "Too many requests from your session right now. Try again in 90 seconds.",
      retryable: true,
    });
  });

  it("reads Retry-After from a plain-JSON 429", () => {
    const response = new Response("{}", { status: 429, headers: { "retry-after": "600" } });
    const error = new ServerError("Response not successful: Received status code 429", {
      response,
      bodyText: "{}",
    });
    expect(describeError(error).message).toBe(
      "Too many requests from your session right now. Try again in 10 minutes.",
    );
  });

  it("still explains a 429 without Retry-After", () => {
    const response = new Response("{}", { status: 429 });
    const error = new ServerError("Response not successful", { response, bodyText: "{}" });
    expect(describeError(error).message).toBe(
      "Too many requests from your session right now. Try again in a moment.",
    );
  });

  it("keeps the request id of a masked server failure, for support", () => {
    const error = graphQLErrors({
      message: "Internal server error. Quote request id 7f3c2a.",
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    expect(describeError(error)).toEqual({
      message: "The server could not complete the request (request id 7f3c2a).",
      retryable: true,
    });
  });

  it("calls anything else a network failure", () => {
    expect(describeError(new TypeError("Failed to fetch"))).toEqual({
      message: NETWORK_ERROR_MESSAGE,
      retryable: true,
    });
  });
});
