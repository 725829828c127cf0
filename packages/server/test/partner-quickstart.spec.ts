/**
 * docs/partner-quickstart.md is part of the contract: its files (each fenced block after a
 * `<!-- file: path -->` line) are written to a scratch project, GraphQL Code Generator runs
 * against GET /schema.graphql of a started app, the project type-checks under `strict`, and
 * its `src/main.ts` runs against the app with a real API token.
 */
import "reflect-metadata";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { DEMO_OWNER_EMAIL, DEMO_PASSWORD, seedDemoData } from "../src/db/seed";
import { authenticate } from "../src/http/authentication";
import { startTestApp, type TestApp } from "../src/test-support/test-app";
import { createTestDatabase, type TestDatabase } from "../src/test-support/test-database";

const DOC = path.resolve(__dirname, "../../../docs/partner-quickstart.md");
const SERVER_ROOT = path.resolve(__dirname, "..");
const run = promisify(execFile);

/** The files the quickstart asks the reader to create: { path: content }. */
export function quickstartFiles(markdown: string): Map<string, string> {
  const files = new Map<string, string>();
  const block = /<!-- file: (\S+) -->\s*\n```\w*\n([\s\S]*?)^```$/gm;
  for (let match = block.exec(markdown); match; match = block.exec(markdown))
    files.set(match[1]!, match[2]!);
  return files;
}

let db: TestDatabase;
let app: TestApp;
let token: string;
let project: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.dataSource);
  app = await startTestApp(db.dataSource, {
    resolveViewer: (request, cookie) => authenticate(db.dataSource.manager, request, cookie),
  });
  const owner = app.client();
  await owner.graphql(
    `mutation { logIn(input: { email: "${DEMO_OWNER_EMAIL}", password: "${DEMO_PASSWORD}" }) { user { id } } }`,
  );
  const created = await owner.graphql<{ createApiToken: { secret: string } }>(
    `mutation { createApiToken(input: { name: "quickstart", scopes: [READ] }) { secret } }`,
  );
  token = created.body.data!.createApiToken.secret;
  // Inside the server package, so the scratch project resolves graphql, codegen and TypeScript from it.
  project = mkdtempSync(path.join(SERVER_ROOT, "node_modules", ".quickstart-"));
});

afterAll(async () => {
  if (project) rmSync(project, { recursive: true, force: true });
  await app?.close();
  await db?.drop();
});

describe("docs/partner-quickstart.md", () => {
  it("generates a typed client from /schema.graphql and queries with an API token", async () => {
    const files = quickstartFiles(readFileSync(DOC, "utf8"));
    expect([...files.keys()].sort()).toEqual(["codegen.ts", "src/client.ts", "src/main.ts"]);
    for (const [file, content] of files) {
      mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
      writeFileSync(path.join(project, file), content);
    }
    const env = { ...process.env, PN_URL: app.url, PN_TOKEN: token };
    const bin = (name: string) => path.join(SERVER_ROOT, "node_modules", ".bin", name);

    await run(bin("graphql-codegen"), ["--config", "codegen.ts"], {
      cwd: project,
      env,
      timeout: 120_000,
    });
    expect(readFileSync(path.join(project, "src/gql/graphql.ts"), "utf8")).toMatch(
      /AccountMembersQuery/,
    );

    writeFileSync(
      path.join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          target: "es2022",
          module: "commonjs",
          lib: ["es2022", "dom"],
          types: ["node"],
          skipLibCheck: true,
          outDir: "dist",
        },
        include: ["src"],
      }),
    );
    await run(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "."], {
      cwd: project,
      timeout: 120_000,
    }).catch((error: { stdout?: string }) => {
      throw new Error(`the quickstart does not type-check:\n${error.stdout}`);
    });

    const { stdout } = await run(process.execPath, ["dist/main.js"], {
      cwd: project,
      env,
      timeout: 30_000,
    });
    expect(stdout).toMatch(/^Acme .*: \d+ members$/m);
    expect(stdout).toMatch(/^- .+ \(OWNER\)$/m);
  }, 240_000);
});
