/**
 * docs/api.md's curl examples are part of the contract: each ```sh block runs here, in
 * document order, against the real app listening on a port (a migrated test database with
 * the demo data), with PN_URL, PN_TOKEN, PN_EMAIL and PN_PASSWORD set as the document says.
 * Each block must exit 0 and print JSON; every response must be free of top-level `errors`,
 * except that a block starting with `# Expected error: CODE` must end with that error.
 */
import "reflect-metadata";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DEMO_OWNER_EMAIL, DEMO_PASSWORD, seedDemoData } from "../src/db/seed";
import { authenticate } from "../src/http/authentication";
import { startTestApp, type TestApp } from "../src/test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../src/test-support/test-database";

const DOC = path.resolve(__dirname, "../../../docs/api.md");
const run = promisify(execFile);

type Example = { line: number; script: string; expectedError: string | null };
type GraphQLBody = {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
};

/** The ```sh blocks that call curl, with the line each starts on. */
export function shellExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  const fence = /^```sh\n([\s\S]*?)^```$/gm;
  for (let match = fence.exec(markdown); match; match = fence.exec(markdown)) {
    const script = match[1]!;
    if (!/\bcurl\b/.test(script)) continue;
    const line = markdown.slice(0, match.index).split("\n").length;
    const expectedError = /^# Expected error: ([A-Z_]+)\s*$/m.exec(script)?.[1] ?? null;
    examples.push({ line, script, expectedError });
  }
  return examples;
}

/** curl prints the responses back to back: split them into JSON values. */
export function jsonValues(output: string): unknown[] {
  const values: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let index = 0; index < output.length; index += 1) {
    const char = output[index];
    if (inString) {
      if (char === "\\") index += 1;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === "{" || char === "[") {
      if (depth === 0) start = index;
      depth += 1;
    } else if (char === "}" || char === "]") {
      depth -= 1;
      if (depth === 0) values.push(JSON.parse(output.slice(start, index + 1)));
    } else if (depth === 0 && char && !/\s/.test(char)) {
      throw new Error(`not JSON: ${output}`);
    }
  }
  if (depth !== 0) throw new Error(`truncated JSON: ${output}`);
  return values;
}

let db: TestDatabase;
let app: TestApp;
let token: string;
let workDir: string;

beforeAll(async () => {
  await run("curl", ["--version"]).catch(() => {
    throw new Error("curl is needed to run the examples of docs/api.md (apt-get install curl)");
  });
  db = await createTestDatabase();
  await seedDemoData(db.dataSource);
  // Real authentication only: the examples use cookies and bearer tokens as a partner would.
  app = await startTestApp(db.dataSource, {
    resolveViewer: (request, cookie) => authenticate(db.dataSource.manager, request, cookie),
  });
  const owner = app.client();
  await owner.graphql(
    `mutation { logIn(input: { email: "${DEMO_OWNER_EMAIL}", password: "${DEMO_PASSWORD}" }) { user { id } } }`,
  );
  const created = await owner.graphql<{ createApiToken: { secret: string } }>(
    `mutation { createApiToken(input: { name: "docs", scopes: [READ, WRITE] }) { secret } }`,
  );
  token = created.body.data!.createApiToken.secret;
  workDir = mkdtempSync(path.join(os.tmpdir(), "pn-api-docs-"));
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("docs/api.md", () => {
  const examples = shellExamples(readFileSync(DOC, "utf8"));

  it("has curl examples, error examples among them", () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
    expect(examples.some((example) => example.expectedError)).toBe(true);
  });

  // In order: later examples may rely on earlier ones (log in before creating a token, invite before reading).
  it.each(examples.map((example) => [example.line, example]))(
    "the example at line %i runs and answers as documented",
    async (_line, example) => {
      const { stdout } = await run("sh", ["-eu", "-c", example.script], {
        cwd: workDir,
        env: {
          PATH: process.env.PATH ?? "",
          PN_URL: app.url,
          PN_TOKEN: token,
          PN_EMAIL: DEMO_OWNER_EMAIL,
          PN_PASSWORD: DEMO_PASSWORD,
        },
        timeout: 20_000,
      });
      const responses = jsonValues(stdout) as GraphQLBody[];
      expect(responses.length).toBeGreaterThan(0);
      const last = example.expectedError ? responses.pop()! : null;
      for (const response of responses) {
        expect(response.errors).toBeUndefined();
        expect(response.data).toBeTruthy();
      }
      if (last)
        expect(last.errors?.map((error) => error.extensions?.code)).toEqual([
          example.expectedError,
        ]);
    },
  );

  it("the helpers read what they should", () => {
    expect(jsonValues('{"a":"}{"}\n[1] {"b":{"c":2}}')).toEqual([
      { a: "}{" },
      [1],
      { b: { c: 2 } },
    ]);
    expect(() => jsonValues("<html>")).toThrow(/not JSON/);
    expect(
      shellExamples("```sh\n# Expected error: RATE_LIMITED\ncurl x\n```\n```sh\necho no\n```\n"),
    ).toEqual([
      {
        line: 1,
        script: "# Expected error: RATE_LIMITED\ncurl x\n",
        expectedError: "RATE_LIMITED",
      },
    ]);
  });
});
