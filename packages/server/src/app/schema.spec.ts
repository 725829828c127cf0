import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSchema } from "graphql";
import { compareWithContract } from "../test-support/contract-diff";
import { buildAppSchema, printSortedSchema } from "./schema";

const SERVER_DIR = path.resolve(__dirname, "../..");
const SHARED_CONTRACT = path.resolve(SERVER_DIR, "../../../shared/api-contract.graphql");
const CONTRACT_COPY = path.join(SERVER_DIR, "contract/api-contract.graphql");
const TODO_FILE = path.join(SERVER_DIR, "contract-todo.txt");

const TODO_HEADER = `# Contract items (../shared/api-contract.graphql) the server schema does not have yet.
# A type or field listed here covers everything under it. The contract test fails when the
# schema lacks an item not listed, and when an item listed here exists: the list only shrinks.
`;

function readTodo(): Set<string> {
  return new Set(
    readFileSync(TODO_FILE, "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("#")),
  );
}

describe("schema snapshot", () => {
  it("packages/server/schema.graphql is current (run `pnpm codegen` to regenerate)", () => {
    const committed = readFileSync(path.join(SERVER_DIR, "schema.graphql"), "utf8");
    expect(committed).toBe(printSortedSchema());
  });
});

describe("public contract", () => {
  it("the committed copy matches shared/api-contract.graphql", () => {
    // The shared folder sits beside the repository in development and CI; the copy keeps the test self-contained elsewhere.
    if (!existsSync(SHARED_CONTRACT)) return;
    expect(readFileSync(CONTRACT_COPY, "utf8")).toBe(readFileSync(SHARED_CONTRACT, "utf8"));
  });

  const contract = buildSchema(readFileSync(CONTRACT_COPY, "utf8"));
  if (process.env.WRITE_CONTRACT_TODO === "1") {
    // `pnpm --filter @pn/server contract:todo` rewrites the list from what the schema lacks.
    const { allMissing } = compareWithContract(contract, buildAppSchema(), new Set());
    writeFileSync(TODO_FILE, `${TODO_HEADER}${allMissing.sort().join("\n")}\n`);
  }
  const report = compareWithContract(contract, buildAppSchema(), readTodo());

  it("every contract item the schema has matches the contract exactly", () => {
    expect(report.mismatched).toEqual([]);
  });

  it("every contract item the schema lacks is listed in contract-todo.txt", () => {
    expect(report.missing).toEqual([]);
  });

  it("contract-todo.txt lists nothing the schema already has (the list only shrinks)", () => {
    expect(report.staleTodo).toEqual([]);
  });
});
