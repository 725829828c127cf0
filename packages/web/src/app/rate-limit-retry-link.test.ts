import { ApolloClient, ApolloLink, InMemoryCache, gql } from "@apollo/client";
import { Observable } from "rxjs";
import { rateLimitRetryLink } from "./rate-limit-retry-link";

const QUERY = gql`
  query AccountName {
    viewer {
      currentAccount {
        id
        name
      }
    }
  }
`;
const DATA = {
  viewer: {
    __typename: "Viewer",
    currentAccount: { __typename: "Account", id: "a1", name: "Acme" },
  },
};
const RATE_LIMITED = {
  errors: [
    {
      message: "This request costs 43 points…",
      extensions: { code: "RATE_LIMITED", retryAfter: 3 },
    },
  ],
};

/** A server that answers each request with the next of `answers`. */
function clientAnswering(answers: ApolloLink.Result[], notify: (seconds: number) => void) {
  const waits: number[] = [];
  let calls = 0;
  const server = new ApolloLink(
    () =>
      new Observable<ApolloLink.Result>((observer) => {
        observer.next(answers[Math.min(calls, answers.length - 1)]!);
        calls += 1;
        observer.complete();
      }),
  );
  const client = new ApolloClient({
    link: ApolloLink.from([
      rateLimitRetryLink({
        notify,
        wait: async (seconds) => {
          waits.push(seconds);
        },
      }),
      server,
    ]),
    cache: new InMemoryCache(),
  });
  return { client, waits, calls: () => calls };
}

describe("rate-limit retry link", () => {
  it("waits retryAfter seconds, tells the user, and retries once", async () => {
    const notify = jest.fn();
    const { client, waits, calls } = clientAnswering([RATE_LIMITED, { data: DATA }], notify);
    const result = await client.query({ query: QUERY });
    expect(result.data).toEqual(DATA);
    expect(waits).toEqual([3]);
    expect(notify).toHaveBeenCalledWith(3);
    expect(calls()).toBe(2);
  });

  it("passes a second refusal through as the error it is", async () => {
    const notify = jest.fn();
    const { client, calls } = clientAnswering([RATE_LIMITED, RATE_LIMITED], notify);
    await expect(client.query({ query: QUERY })).rejects.toThrow(/costs 43 points/);
    expect(calls()).toBe(2);
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it("leaves other answers alone", async () => {
    const notify = jest.fn();
    const { client, calls } = clientAnswering([{ data: DATA }], notify);
    expect((await client.query({ query: QUERY })).data).toEqual(DATA);
    expect(calls()).toBe(1);
    expect(notify).not.toHaveBeenCalled();
  });
});
