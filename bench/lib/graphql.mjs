/** One GraphQL request over HTTP, timed, with the server's SQL statement count. */
export function graphqlClient(baseUrl, token) {
  const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
  async function request(query, variables = {}) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`HTTP ${response.status} from /graphql: ${text.slice(0, 500)}`);
    }
    return {
      status: response.status,
      json,
      text,
      ms,
      statements: Number(response.headers.get("x-sql-statements") ?? NaN),
    };
  }
  /** Like request() but throws on HTTP or GraphQL errors. */
  async function ok(query, variables) {
    const result = await request(query, variables);
    if (result.status !== 200 || result.json.errors) {
      throw new Error(
        `GraphQL request failed (HTTP ${result.status}): ${JSON.stringify(result.json.errors ?? result.json).slice(0, 1000)}`,
      );
    }
    return result;
  }
  return { headers, request, ok };
}
